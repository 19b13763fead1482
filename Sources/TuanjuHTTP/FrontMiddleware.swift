import Foundation
import Hummingbird
import Synchronization
import TuanjuCore
import TuanjuService

/// Every request passes here first: it gets an id and a language (Accept-Language), is counted against its
/// token's rate limit (its address's without a valid token), has any error turned into the route family's
/// error body, is counted in the server's metrics, and leaves one access-log line: time, client address, method, path (never the query, which may hold a position or an api_key),
/// status, duration, request id. Never a token or a phone number.
struct FrontMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let limiter: RateLimiter
    /// Checks tokens before they choose a bucket (nil only in tests of the middleware alone).
    let app: Tuanju?
    let log: @Sendable (String) -> Void
    /// Counts each answered request by route pattern and status (`GET /metrics`).
    let metrics: ServerMetrics

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let requestID = Identifier.make("req")
        let style: ErrorMapping.Style = request.uri.path.hasPrefix("/open311/") ? .open311 : .api
        let language = Self.language(request.headers[.acceptLanguage])
        let response = await Language.$current.withValue(language) { () async -> Response in
            do {
                var context = context
                if limiter.limit > 0, let key = await rateKey(request, context: &context), let seconds = limiter.take(key) {
                    throw HTTPFailure.rateLimited(retryAfter: seconds, limit: limiter.limit)
                }
                return try await next(request, context)
            } catch {
                let outcome = ErrorMapping.outcome(error, request: request, style: style, requestID: requestID)
                if outcome.status == .internalServerError {
                    log("\(Timestamp.iso(Date())) error \(requestID) \(String(reflecting: error))")
                }
                return ErrorMapping.response(outcome, style: style)
            }
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        // The router names the route it matched (its pattern, `/v1/tasks/{id}`); unmatched requests are "NotFound".
        metrics.record(route: context.endpointPath ?? "NotFound", method: request.method, status: Int(response.status.code), nanoseconds: elapsed)
        let tenths = Int((Double(elapsed) / 1e5).rounded())  // of a millisecond
        log("\(LogTime.now()) \(context.clientAddress) \(request.method.rawValue) \(request.uri.path) "
            + "\(response.status.code) \(tenths / 10).\(tenths % 10)ms \(requestID)")
        return response
    }

    /// The bucket a request is counted in. A token is checked first: a valid one (bearer, else Open311's
    /// `api_key`) is its own bucket; a request without one, or with one that fails authentication, counts
    /// against its client address, so inventing tokens buys no fresh buckets. `/healthz` is not counted (nil).
    /// The caller a valid token stands for is kept in the context, so the handler does not authenticate it again.
    func rateKey(_ request: Request, context: inout APIContext) async -> String? {
        if request.uri.path == "/healthz" { return nil }
        let address = "a:" + context.clientAddress
        let key = request.uri.queryParameters.get("api_key").map { String($0) }
        guard let token = Call.bearerToken(request) ?? key.flatMap({ $0.isEmpty ? nil : $0 }) else { return address }
        guard let app else { return "t:" + token }
        guard let caller = try? await Blocking.run({ try app.authenticate(token: token, command: "http") }) else { return address }
        context.authenticated = (token, caller)
        return "t:" + token
    }

    /// `zh-CN,zh;q=0.9,en;q=0.8` → Chinese; the first language named wins, English by default.
    static func language(_ header: String?) -> Language {
        guard let header else { return .en }
        for item in header.split(separator: ",") {
            let tag = item.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let language = Language(code: tag) { return language }
        }
        return .en
    }
}

/// The access log's time, formatted once a second: ISO-8601 through Foundation's format style cost more than the
/// rest of the line, and every line of a second shares it.
enum LogTime {
    private static let cache = Mutex<(second: Int, text: String)>((Int.min, ""))

    static func now() -> String {
        let date = Date()
        let second = Int(date.timeIntervalSince1970.rounded(.down))
        return cache.withLock { cache in
            if cache.second != second { cache = (second, Timestamp.iso(date)) }
            return cache.text
        }
    }
}
