import TuanjuCore

/// Authentication and authorization refusals (exit 77).
public enum AccessError: TuanjuError, Equatable {
    case missingToken
    case unknownToken
    case forbidden(action: String)
    case notYours(what: String)

    public var code: String {
        switch self {
        case .missingToken, .unknownToken: "unauthenticated"
        case .forbidden, .notYours: "forbidden"
        }
    }

    public var message: String {
        switch self {
        case .missingToken: "this command needs a token: pass --token or set TUANJU_TOKEN"
        case .unknownToken: "the token is unknown or has been revoked"
        case .forbidden(let action): "your role may not \(action)"
        case .notYours(let what): "that \(what) is not yours"
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

    public var message: String {
        switch self {
        case .notFound(let id): "no user \(id)"
        case .alreadyRevoked(let id): "user \(id) is already revoked"
        case .lastAdmin: "the last active admin cannot be revoked"
        }
    }

    public var category: ErrorCategory { .refused }
}
