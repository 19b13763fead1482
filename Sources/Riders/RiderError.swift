import CSVReader
import TuanjuCore

/// Refusals of the rider-profile rules.
public enum RiderError: TuanjuError, Equatable {
    case notFound(id: String)
    case phoneTaken(masked: String)
    case inactive(id: String)
    case alreadyActive(id: String)
    case erased(id: String)
    case emptyFile(path: String)
    case badHeader(LocalizedText)
    case importRejected(bad: Int, first: String)

    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .phoneTaken: "phone_taken"
        case .inactive, .alreadyActive, .erased: "invalid_state"
        case .emptyFile, .badHeader, .importRejected: "invalid_input"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .notFound(let id): LocalizedText(.riderNotFound, ["id": id])
        case .phoneTaken(let masked): LocalizedText(.phoneTaken, ["phone": masked])
        case .inactive(let id): LocalizedText(.riderInactive, ["id": id])
        case .alreadyActive(let id): LocalizedText(.riderAlreadyActive, ["id": id])
        case .erased(let id): LocalizedText(.riderErased, ["id": id])
        case .emptyFile(let path):
            LocalizedText(CSVMsg.importEmptyFile, ["path": path, "header": RiderImport.header.joined(separator: ",")])
        case .badHeader(let text): text
        case .importRejected(let bad, let first): LocalizedText(.importRejected, ["bad": "\(bad)", "first": first])
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .notFound, .phoneTaken, .inactive, .alreadyActive, .erased: .refused
        case .emptyFile, .badHeader, .importRejected: .invalidInput
        }
    }
}
