import TuanjuCore

/// Authentication and authorization refusals (exit 77).
public enum AccessError: TuanjuError, Equatable {
    case missingToken
    case unknownToken
    case forbidden(action: LocalizedText)
    case notYours(what: LocalizedText)

    /// `.forbidden(.actionManageTasks)`; the action is a phrase of any catalogue.
    public static func forbidden(_ action: any CatalogMessage) -> AccessError { .forbidden(action: LocalizedText(action)) }
    public static func notYours(_ what: any CatalogMessage) -> AccessError { .notYours(what: LocalizedText(what)) }

    public var code: String {
        switch self {
        case .missingToken, .unknownToken: "unauthenticated"
        case .forbidden, .notYours: "forbidden"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .missingToken: LocalizedText(.missingToken)
        case .unknownToken: LocalizedText(.unknownToken)
        case .forbidden(let action): LocalizedText(.forbidden, ["action": action.rendered()])
        case .notYours(let what): LocalizedText(.notYours, ["what": what.rendered()])
        }
    }

    public var category: ErrorCategory { .unauthorized }
}

/// Refusals about users.
public enum UserError: TuanjuError, Equatable {
    case notFound(id: String)
    case alreadyRevoked(id: String)
    case lastAdmin

    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .alreadyRevoked: "invalid_state"
        case .lastAdmin: "last_admin"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .notFound(let id): LocalizedText(.userNotFound, ["id": id])
        case .alreadyRevoked(let id): LocalizedText(.userAlreadyRevoked, ["id": id])
        case .lastAdmin: LocalizedText(.lastAdmin)
        }
    }

    public var category: ErrorCategory { .refused }
}
