import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

/// Access-log lines written during a test.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A response as the tests read it.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// `error.code` of `{"error": {...}}`.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
    func header(_ name: String) -> String? {
        headers.first { $0.name.rawName.lowercased() == name.lowercased() }?.value
    }
}

/// A fresh data directory with its server (driven in-process, no socket) and an admin. One per test.
final class APISandbox: Sendable {
    let root: String
    let app: Tuanju
    let adminToken: String
    let log = LogLines()
    let server: TuanjuAPI.Server

    init(clock: Clock = .system, rateClock: (@Sendable () -> Double)? = nil,
         configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-http-\(UUID().uuidString)").path
        let (app, result) = try Tuanju.initialize(DataDirectory(path: root + "/data"), clock: clock)
        self.app = app
        adminToken = result.adminToken ?? ""
        let log = self.log
        var configuration = ServerConfiguration(rateLimitPerMinute: 0, accessLog: { log.append($0) })
        configure(&configuration)
        server = try TuanjuAPI.server(app: app, configuration: configuration, rateLimitClock: rateClock)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs `body` against the router in-process.
    func run(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        try await server.application.test(.router) { client in try await body(Client(client: client)) }
    }

    /// Runs `body` against the server listening on an ephemeral loopback port (given to `body`); graceful
    /// shutdown follows when `body` returns.
    func runLive(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await server.application.test(.live) { client in
            guard let port = client.port else { throw CancellationError() }
            try await body(port)
        }
    }

    var admin: Caller { get throws { try app.authenticate(token: adminToken) } }

    /// A new coordinator's token.
    func coordinator(_ name: String = "王协调") throws -> String {
        try app.addUser(admin, name: name, role: .coordinator).token
    }

    /// A new rider (registered by a new coordinator): id and token.
    func rider(_ name: String = "李骑手", phone: String = "13800138000") throws -> (id: String, token: String) {
        let staff = try app.authenticate(token: try coordinator("协调\(phone.suffix(4))"))
        let issued = try app.registerRider(staff, name: name, phone: phone, platform: "meituan", partyMember: false, branch: nil)
        return (issued.profile.id, issued.token)
    }

    /// A hazard-inspection task claimed by the rider, so they may report `manhole-cover` and the like.
    func claimedTask(rider token: String, capacity: Int = 5) throws -> String {
        let staff = try app.authenticate(token: try coordinator("任务协调"))
        let task = try app.createTask(staff, try .init(roleCode: "hazard-inspector", title: "井盖巡查", capacity: capacity))
        _ = try app.claimTask(try app.authenticate(token: token), id: task.id)
        return task.id
    }
}

/// Sends requests through HummingbirdTesting.
struct Client: Sendable {
    let client: any TestClientProtocol

    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil, body: [UInt8]? = nil,
        contentType: String? = nil, headers extra: [String: String] = [:]
    ) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var bytes = body
        if let json {
            bytes = Array(try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed]))
            headers[.contentType] = "application/json"
        }
        if let contentType { headers[.contentType] = contentType }
        for (name, value) in extra {
            switch name.lowercased() {
            case "authorization": headers[.authorization] = value
            case "accept-language": headers[.acceptLanguage] = value
            case "content-type": headers[.contentType] = value
            case "if-none-match": headers[.ifNoneMatch] = value
            case "x-forwarded-for": headers[HTTPFields.Element.Name("X-Forwarded-For")!] = value
            case "last-event-id": headers[InboxStream.lastEventID] = value
            default: Issue.record("no test support for the header \(name)")
            }
        }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) })
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(response.body.readableBytesView))
    }

    func get(_ uri: String, token: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await send(.get, uri, token: token, headers: headers)
    }

    func post(_ uri: String, token: String? = nil, json: Any? = nil) async throws -> Reply {
        try await send(.post, uri, token: token, json: json)
    }
}

extension Client {
    /// A request whose response may never end (the inbox stream): sent, then cancelled after `seconds`; the
    /// reply holds what was written until then. In-process (the router) only: there is no socket to hang up.
    func sendCancelled(
        after seconds: Double, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        try await withThrowingTaskGroup(of: Reply?.self) { group in
            group.addTask { try await send(method, uri, token: token, headers: headers) }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                return nil
            }
            while let next = try await group.next() {
                if let reply = next {
                    group.cancelAll()
                    return reply
                }
                group.cancelAll()
            }
            throw CancellationError()
        }
    }

    /// Whether an operation's success body is a stream of events (sent with `sendCancelled`).
    static func isEventStream(_ method: String, _ path: String) -> Bool {
        OpenAPIDocument.operations.contains { $0.method == method && $0.path == path && $0.responseType == "text/event-stream" }
    }
}

/// Builds multipart/form-data bodies the way browsers and phone HTTP libraries do.
struct MultipartForm: Sendable {
    var boundary = "----TuanjuTestBoundary7MA4YWxkTrZu0gW"
    private(set) var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    init(boundary: String = "----TuanjuTestBoundary7MA4YWxkTrZu0gW", fields: [(String, String)] = [], files: [(String, [UInt8])] = []) {
        self.boundary = boundary
        for (name, value) in fields { add(name: name, value: value) }
        for (index, file) in files.enumerated() { add(name: file.0, filename: "photo\(index).jpg", bytes: file.1) }
    }

    mutating func add(name: String, value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func add(name: String, filename: String, bytes file: [UInt8], type: String = "image/jpeg") {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        bytes += file + Array("\r\n".utf8)
    }

    /// The body with its closing boundary.
    var body: [UInt8] { bytes + Array("--\(boundary)--\r\n".utf8) }
}

extension Client {
    /// Sends a form with its closing boundary.
    func submit(_ uri: String, token: String? = nil, _ form: MultipartForm) async throws -> Reply {
        try await send(.post, uri, token: token, body: form.body, contentType: form.contentType)
    }
}
