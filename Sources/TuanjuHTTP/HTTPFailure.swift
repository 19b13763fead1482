import TuanjuCore

/// Refusals that only HTTP has: no route, a body too large, too many requests, a malformed body. Each carries
/// a stable code, like every module's error, so clients handle them the same way.
public enum HTTPFailure: TuanjuError, Equatable {
    case routeNotFound(method: String, path: String)
    /// A known path asked with a method it does not take; `allowed` goes to the `Allow` header.
    case methodNotAllowed(method: String, path: String, allowed: [String])
    case bearerMissing
    /// Open311: a POST without `api_key`.
    case apiKeyMissing
    case bodyTooLarge(max: Int)
    case rateLimited(retryAfter: Int, limit: Int)
    /// A rider has `limit` inbox streams open already (429).
    case streamsPerRider(limit: Int)
    /// The server has `limit` inbox streams open, or is shutting down (503).
    case streamsFull(limit: Int)
    case unsupportedContentType(expected: String, actual: String)
    case invalid(LocalizedText)
    case internalError(requestID: String)

    /// A body or query problem: `invalid(HTTPMsg.fieldMissing, ["field": "name"])`.
    public static func invalid(_ message: HTTPMsg, _ arguments: [String: String] = [:]) -> HTTPFailure {
        .invalid(LocalizedText(message, arguments))
    }

    public var code: String {
        switch self {
        case .routeNotFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .bearerMissing, .apiKeyMissing: "unauthenticated"
        case .bodyTooLarge: "too_large"
        case .rateLimited: "rate_limited"
        case .streamsPerRider: "too_many_streams"
        case .streamsFull: "busy"
        case .unsupportedContentType, .invalid: "invalid_input"
        case .internalError: "internal"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .routeNotFound(let method, let path): LocalizedText(HTTPMsg.routeNotFound, ["method": method, "path": path])
        case .methodNotAllowed(let method, let path, let allowed):
            LocalizedText(HTTPMsg.methodNotAllowed, ["method": method, "path": path, "allowed": allowed.joined(separator: ", ")])
        case .bearerMissing: LocalizedText(HTTPMsg.bearerMissing)
        case .apiKeyMissing: LocalizedText(HTTPMsg.open311ApiKeyMissing)
        case .bodyTooLarge(let max): LocalizedText(HTTPMsg.bodyTooLarge, ["max": "\(max)"])
        case .rateLimited(let seconds, let limit): LocalizedText(HTTPMsg.rateLimited, ["seconds": "\(seconds)", "limit": "\(limit)"])
        case .streamsPerRider(let limit): LocalizedText(HTTPMsg.streamsPerRider, ["limit": "\(limit)"])
        case .streamsFull(let limit): LocalizedText(HTTPMsg.streamsFull, ["limit": "\(limit)"])
        case .unsupportedContentType(let expected, let actual):
            LocalizedText(HTTPMsg.contentTypeUnsupported, ["expected": expected, "actual": actual])
        case .invalid(let text): text
        case .internalError(let id): LocalizedText(HTTPMsg.internalError, ["id": id])
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .routeNotFound: .refused
        case .bearerMissing, .apiKeyMissing: .unauthorized
        case .bodyTooLarge, .unsupportedContentType, .invalid, .methodNotAllowed: .invalidInput
        case .rateLimited, .streamsPerRider, .streamsFull: .busy
        case .internalError: .busy
        }
    }
}
