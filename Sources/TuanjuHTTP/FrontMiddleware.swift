import Foundation
import Hummingbird
import TuanjuCore

/// Every request passes here first: it gets an id and a language (Accept-Language), is counted against its
/// token's rate limit, has any error turned into the route family's error body, and leaves one access-log
/// line: time, client address, method, path (never the query, which may hold a position or an api_key),
/// status, duration, request id. Never a token or a phone number.
struct FrontMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let limiter: RateLimiter
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let requestID = Identifier.make("req")
        let style: ErrorMapping.Style = request.uri.path.hasPrefix("/open311/") ? .open311 : .api
        let language = Self.language(request.headers[.acceptLanguage])
        let response = await Language.$current.withValue(language) { () async -> Response in
            do {
                if let seconds = limiter.take(Self.rateKey(request, context: context)) {
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
        let millis = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        log("\(Timestamp.iso(Date())) \(context.clientAddress) \(request.method.rawValue) \(request.uri.path) "
            + "\(response.status.code) \(String(format: "%.1f", millis))ms \(requestID)")
        return response
    }

    /// The bearer token, else Open311's `api_key` in the query, else the client's address.
    static func rateKey(_ request: Request, context: APIContext) -> String {
        if let token = Call.bearerToken(request) { return "t:" + token }
        if let key = request.uri.queryParameters.get("api_key"), !key.isEmpty { return "t:" + key }
        return "a:" + context.clientAddress
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
