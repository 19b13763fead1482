import TuanjuCore

/// Refusals of the map's rules.
public enum MapError: TuanjuError, Equatable {
    case pointNotFound(id: String)
    case kindUnknown(kind: String, known: [String])
    case pointInactive(id: String)
    case importRejected(bad: Int, first: String)
    case kindExists(kind: String)
    case kindNotFound(kind: String)

    public var code: String {
        switch self {
        case .pointNotFound: "not_found"
        case .kindUnknown, .importRejected: "invalid_input"
        case .pointInactive: "invalid_state"
        case .kindExists: "already_exists"
        case .kindNotFound: "not_found"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .pointNotFound(let id): LocalizedText(MapMsg.pointNotFound, ["id": id])
        case .kindUnknown(let kind, let known):
            LocalizedText(MapMsg.kindUnknown, ["kind": kind, "known": known.joined(separator: ", ")])
        case .pointInactive(let id): LocalizedText(MapMsg.pointInactive, ["id": id])
        case .importRejected(let bad, let first): LocalizedText(MapMsg.importRejected, ["count": "\(bad)", "first": first])
        case .kindExists(let kind): LocalizedText(KindMsg.exists, ["kind": kind])
        case .kindNotFound(let kind): LocalizedText(KindMsg.notFound, ["kind": kind])
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .pointNotFound, .pointInactive, .kindExists, .kindNotFound: .refused
        case .kindUnknown, .importRejected: .invalidInput
        }
    }
}
