import Foundation
import Hummingbird
import HummingbirdCore
import TuanjuCore
import TuanjuService

/// One request as a handler sees it: the service, the path and query parameters, the caller and the body,
/// each read with the API's rules (bearer tokens, capped bodies, errors with codes).
struct Call: Sendable {
    var request: Request
    let context: APIContext
    let app: Tuanju
    let config: ServerConfiguration
    /// The route's pattern (`http POST /v1/reports/{id}/review`), named in the audit log.
    var command = "http"
    /// The query string, parsed once: Hummingbird parses it again on every `uri.queryParameters`, and a search
    /// reads eight parameters.
    let queryParameters: FlatDictionary<Substring, Substring>

    init(request: Request, context: APIContext, app: Tuanju, config: ServerConfiguration, command: String = "http",
         queryParameters: FlatDictionary<Substring, Substring>? = nil) {
        self.request = request
        self.context = context
        self.app = app
        self.config = config
        self.command = command
        self.queryParameters = queryParameters ?? request.uri.queryParameters
    }

    // MARK: - Who is calling

    /// The token of `Authorization: Bearer <token>` (the scheme in any case).
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The authenticated caller; 401 without a bearer token or with an unknown or revoked one.
    func caller() async throws -> Caller {
        guard let token = Self.bearerToken(request) else { throw HTTPFailure.bearerMissing }
        return try await authenticate(token)
    }

    /// The caller when a bearer token is given (public routes that show more to staff), else nil.
    func optionalCaller() async throws -> Caller? {
        guard let token = Self.bearerToken(request) else { return nil }
        return try await authenticate(token)
    }

    /// The caller `token` stands for, running this route's command. The front middleware has usually
    /// authenticated it already (to pick its rate-limit bucket); otherwise it is read here.
    func authenticate(_ token: String) async throws -> Caller {
        if let authenticated = context.authenticated, authenticated.token == token {
            return authenticated.caller.running(command)
        }
        let app = self.app, command = self.command
        return try await Blocking.run { try app.authenticate(token: token, command: command) }
    }

    /// Runs one service call off the cooperative pool.
    func service<T: Sendable>(_ work: @escaping @Sendable (Tuanju) throws -> T) async throws -> T {
        let app = self.app
        return try await Blocking.run { try work(app) }
    }

    // MARK: - Path and query

    /// A path parameter (`{id}`); the router guarantees it is there.
    func path(_ name: String) -> String {
        context.parameters.get(name) ?? ""
    }

    /// A query parameter, nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    func queryInt(_ name: String) throws -> Int? {
        try query(name).map { text in
            guard let value = Int(text) else { throw Self.queryError(name, type: "integer", value: text) }
            return value
        }
    }

    func queryDouble(_ name: String) throws -> Double? {
        try query(name).map { text in
            guard let value = Double(text), value.isFinite else { throw Self.queryError(name, type: "number", value: text) }
            return value
        }
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`); a parameter present without a value counts as true.
    func queryBool(_ name: String) throws -> Bool? {
        guard let raw = queryParameters.get(name) else { return nil }
        switch raw.lowercased() {
        case "", "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Self.queryError(name, type: "boolean", value: raw)
        }
    }

    static func queryError(_ name: String, type: String, value: String) -> HTTPFailure {
        .invalid(HTTPMsg.queryInvalid, ["name": name, "type": type, "value": value])
    }

    // MARK: - Body

    /// The media type of the body, lowercased, without parameters.
    var mediaType: String {
        (request.headers[.contentType] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
    }

    /// The whole body, refused with 413 past `max` bytes (before reading when Content-Length says so).
    mutating func bodyBytes(max: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > max {
            throw HTTPFailure.bodyTooLarge(max: max)
        }
        do {
            let buffer = try await request.collectBody(upTo: max)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPFailure.bodyTooLarge(max: max)
        }
    }

    /// The JSON object of the body, decoded; an empty body is `{}`, so routes whose fields are all optional
    /// may be called without one. A field the route does not know is refused rather than ignored, so a typo
    /// (`partyMember` for `party_member`) cannot pass silently.
    mutating func json<T: APIBody>(_ type: T.Type) async throws -> T {
        let data = try await jsonData(fields: T.fields)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw DecodingProblem.failure(error)
        }
    }

    /// The body as a JSON object with no field outside `fields` (`{}` when empty).
    mutating func jsonData(fields: [String]) async throws -> Data {
        let bytes = try await bodyBytes(max: config.maxBodyBytes)
        let data = bytes.isEmpty ? Data("{}".utf8) : Data(bytes)
        if !bytes.isEmpty, mediaType != "application/json" {
            throw HTTPFailure.unsupportedContentType(expected: "application/json", actual: mediaType)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] else {
            throw HTTPFailure.invalid(HTTPMsg.bodyNotJSON)
        }
        if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
            throw HTTPFailure.invalid(HTTPMsg.fieldUnknown, ["name": unknown, "known": fields.joined(separator: ", ")])
        }
        // JSONSerialization keeps the last of two equal keys; a body that says two things is refused instead.
        if let repeated = JSONDuplicateKeys.first(in: bytes) {
            throw HTTPFailure.invalid(HTTPMsg.bodyKeyRepeated, ["name": repeated])
        }
        return data
    }
}

/// A JSON request body: its fields, in the order the documentation lists them.
protocol APIBody: Decodable, Sendable {
    static var fields: [String] { get }
}

/// The body of routes that take no fields: nothing, or an empty object.
struct EmptyBody: APIBody {
    static let fields: [String] = []
}

/// A decoding error as a client can act on it: which field, and what was wrong.
enum DecodingProblem {
    static func failure(_ error: DecodingError) -> any TuanjuError {
        switch error {
        case .keyNotFound(let key, let context):
            return HTTPFailure.invalid(HTTPMsg.fieldMissing, ["field": path(context.codingPath + [key])])
        case .valueNotFound(_, let context):
            return HTTPFailure.invalid(HTTPMsg.fieldMissing, ["field": path(context.codingPath)])
        case .typeMismatch(let type, let context):
            return HTTPFailure.invalid(HTTPMsg.fieldType, ["field": path(context.codingPath), "type": typeName(type)])
        case .dataCorrupted(let context):
            if let inputError = context.underlyingError as? any TuanjuError { return inputError }
            if context.codingPath.isEmpty { return HTTPFailure.invalid(HTTPMsg.bodyNotJSON) }
            return HTTPFailure.invalid(HTTPMsg.fieldInvalid, ["field": path(context.codingPath), "value": ""])
        @unknown default:
            return HTTPFailure.invalid(HTTPMsg.bodyNotJSON)
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type: "integer"
        case is Double.Type: "number"
        case is Bool.Type: "boolean"
        default: "object"
        }
    }
}
