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
    /// The machine failed: disk full, read-only or unreadable data directory, damaged database (exit 74).
    case machine
}

/// Every module's error enum conforms: a stable machine `code` (`task_full`), a human `text` from the
/// message catalogue (shown in the current language), and the `category` that decides the exit code.
public protocol TuanjuError: Error, Sendable, CustomStringConvertible {
    var code: String { get }
    var text: LocalizedText { get }
    var category: ErrorCategory { get }
}

extension TuanjuError {
    /// The message in the current language.
    public var message: String { text.rendered() }
    public var description: String { "\(code): \(message)" }
}

/// Errors about input that every module shares.
public enum InputError: TuanjuError, Equatable {
    case invalid(LocalizedText)
    case missingFile(path: String, reason: String)
    case missing(LocalizedText)

    /// Shorthand: `.invalid(.limitRange, ["max": "1000"])`; a module with its own catalogue adds the same
    /// shorthand for it (`.invalid(.phoneInvalid, ["text": text])` in Riders).
    public static func invalid(_ message: Msg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }

    /// The same with a message of another catalogue: `.invalid(MapMsg.kindUnknown, ["kind": kind])`.
    public static func invalid(_ message: some CatalogMessage, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }

    public var code: String {
        switch self {
        case .invalid: "invalid_input"
        case .missingFile, .missing: "no_input"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .invalid(let text): text
        case .missingFile(let path, let reason): LocalizedText(.fileUnreadable, ["path": path, "reason": reason])
        case .missing(let text): text
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .invalid: .invalidInput
        case .missingFile, .missing: .noInput
        }
    }
}
