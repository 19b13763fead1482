/// What kind of refusal an error is. The CLI maps each category to one exit code of CLI.md;
/// the HTTP API (later) maps it to a status.
public enum ErrorCategory: Sendable, Equatable {
    /// Refused by a rule of the domain (exit 1).
    case refused
    /// Bad input data: malformed row, invalid coordinate, bad photo (exit 65).
    case invalidInput
    /// An input file or directory is missing or unreadable (exit 66).
    case noInput
    /// Temporary failure, retry later (exit 75).
    case busy
    /// No token, unknown or revoked token, wrong role, not your resource (exit 77).
    case unauthorized
}

/// Every module's error enum conforms: a stable machine `code` (`task_full`), a human `message`,
/// and the `category` that decides the exit code.
public protocol TuanjuError: Error, Sendable, CustomStringConvertible {
    var code: String { get }
    var message: String { get }
    var category: ErrorCategory { get }
}

extension TuanjuError {
    public var description: String { "\(code): \(message)" }
}

/// Errors about input that every module shares.
public enum InputError: TuanjuError, Equatable {
    case invalid(String)
    case missingFile(path: String, reason: String)

    public var code: String {
        switch self {
        case .invalid: "invalid_input"
        case .missingFile: "no_input"
        }
    }

    public var message: String {
        switch self {
        case .invalid(let text): text
        case .missingFile(let path, let reason): "cannot read \(path): \(reason)"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .invalid: .invalidInput
        case .missingFile: .noInput
        }
    }
}
