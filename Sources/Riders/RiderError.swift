import TuanjuCore

/// Refusals of the rider-profile rules.
public enum RiderError: TuanjuError, Equatable {
    case notFound(id: String)
    case phoneTaken(masked: String)
    case inactive(id: String)
    case alreadyActive(id: String)
    case emptyFile(path: String)
    case badHeader(String)
    case importRejected(bad: Int, first: String)

    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .phoneTaken: "phone_taken"
        case .inactive, .alreadyActive: "invalid_state"
        case .emptyFile, .badHeader, .importRejected: "invalid_input"
        }
    }

    public var message: String {
        switch self {
        case .notFound(let id): "no rider \(id)"
        case .phoneTaken(let masked): "another rider already has the phone \(masked)"
        case .inactive(let id): "rider \(id) is deactivated"
        case .alreadyActive(let id): "rider \(id) is already active"
        case .emptyFile(let path): "\(path) is empty; expected a header row: \(RiderImport.header.joined(separator: ","))"
        case .badHeader(let text): text
        case .importRejected(let bad, let first):
            "\(bad) bad row\(bad == 1 ? "" : "s") and --strict given, so nothing was imported (first: \(first))"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .notFound, .phoneTaken, .inactive, .alreadyActive: .refused
        case .emptyFile, .badHeader, .importRejected: .invalidInput
        }
    }
}
