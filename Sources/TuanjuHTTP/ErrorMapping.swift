import Foundation
import Hummingbird
import PhotoStore
import TuanjuCore

/// From an error of any module to an HTTP status and body. The code and message are the CLI's
/// (`{"error": {"code", "message"}}`); the status follows the error's category (see docs/http-api.md).
enum ErrorMapping {
    /// Which body shape a route family answers errors in.
    enum Style { case api, open311 }

    /// What a failed request answers.
    struct Outcome {
        let status: HTTPResponse.Status
        let error: any TuanjuError
        var retryAfter: Int?
    }

    /// Any thrown error as a `TuanjuError` with its status. Unknown errors become `internal` (500), logged by
    /// the caller under `requestID` with their detail, which the client never sees.
    static func outcome(_ error: any Error, request: Request, style: Style, requestID: String) -> Outcome {
        var known: any TuanjuError
        switch error {
        case let error as any TuanjuError: known = error
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            known = HTTPFailure.bodyTooLarge(max: 0)
        case let error as any HTTPResponseError where error.status == .notFound:
            let allowed = RouteRules.methods(forPath: request.uri.path)
            if allowed.isEmpty || allowed.contains(request.method.rawValue) {
                known = HTTPFailure.routeNotFound(method: request.method.rawValue, path: request.uri.path)
            } else {
                known = HTTPFailure.methodNotAllowed(method: request.method.rawValue, path: request.uri.path, allowed: allowed)
            }
        case let error as any HTTPResponseError where (400..<500).contains(error.status.code):
            known = HTTPFailure.invalid(HTTPMsg.fieldInvalid, ["field": "request", "value": "\(error.status.code)"])
        default: known = HTTPFailure.internalError(requestID: requestID)
        }
        // A fault of the machine names server paths: clients get the code and what to do, not where.
        if let fault = known as? MachineError { known = fault.withoutPaths }
        var outcome = Outcome(status: status(for: known, style: style), error: known)
        if case HTTPFailure.rateLimited(let seconds, _) = known { outcome.retryAfter = seconds }
        // A stream whose client hung up frees its place at once; this one is held by a client still connected.
        if case HTTPFailure.streamsPerRider = known { outcome.retryAfter = 5 }
        if known.category == .busy, outcome.retryAfter == nil, outcome.status == .serviceUnavailable { outcome.retryAfter = 1 }
        return outcome
    }

    /// The status of a known error: 400 invalid input, 401 unauthenticated, 403 forbidden, 404 not found,
    /// 409 other refusals of the domain, 413 too large, 429 rate limited, 503 busy. Open311 answers 403 for
    /// any key problem and 400 for refusals other than not-found, as GeoReport v2 lists. A known path asked with
    /// another method is 405.
    static func status(for error: any TuanjuError, style: Style) -> HTTPResponse.Status {
        switch error {
        case HTTPFailure.bodyTooLarge, PhotoError.tooLarge: return .contentTooLarge
        case HTTPFailure.rateLimited, HTTPFailure.streamsPerRider: return .tooManyRequests
        case HTTPFailure.methodNotAllowed: return .methodNotAllowed
        case HTTPFailure.internalError: return .internalServerError
        default: break
        }
        switch error.category {
        case .invalidInput: return .badRequest
        case .unauthorized:
            if style == .open311 { return .forbidden }
            return error.code == "unauthenticated" ? .unauthorized : .forbidden
        case .refused:
            if error.code == "not_found" { return .notFound }
            return style == .open311 ? .badRequest : .conflict
        case .busy: return .serviceUnavailable
        case .machine: return error.code == "disk_full" ? .init(code: 507, reasonPhrase: "Insufficient Storage") : .serviceUnavailable
        case .noInput: return error.code == "no_input" ? .badRequest : .internalServerError
        }
    }

    /// The error response in the route family's shape. Messages name HTTP parameters, not the CLI's flags.
    static func response(_ outcome: Outcome, style: Style) -> Response {
        let message = RouteRules.httpNames(outcome.error.message)
        let body: Any
        switch style {
        case .api: body = ["error": ["code": outcome.error.code, "message": message]]
        case .open311: body = [["code": outcome.status.code, "description": message]]
        }
        var headers = JSONBody.headers
        if case HTTPFailure.methodNotAllowed(_, _, let allowed) = outcome.error { headers[.allow] = allowed.joined(separator: ", ") }
        if let seconds = outcome.retryAfter { headers[.retryAfter] = "\(seconds)" }
        if outcome.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Response(status: outcome.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
