#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Notifier
import Synchronization

/// A city agency's Open311 GeoReport v2 server on loopback, for the demo and the tests: `POST requests.json`
/// (form-encoded, with `api_key`), `GET requests.json?service_request_id=a,b`, `GET requests/{id}.json` and
/// `GET tokens/{token}.json`, with the spec's error bodies (`[{"code", "description"}]`: 400 for a missing or
/// unknown service_code or no location, 403 for a wrong api_key, 404 for an unknown id). Its case workers are
/// methods: `closeRequest`, `note`, `number` (turn tokens into ids). One thread per connection; loopback only.
final class DemoAgency: Sendable {
    struct Request: Sendable {
        var id: String?
        let token: String
        let serviceCode: String
        let description: String
        var status = "open"
        var notes: String?
        let requested: String
        var updated: String
    }

    /// How the agency misbehaves, for the tests.
    struct Faults: Sendable {
        /// Statuses answered (with an error array) to the next POSTs, one each, before behaving again.
        var postStatuses: [Int] = []
        /// Seconds to wait before answering anything (the sender's timeout is shorter).
        var delay: Double = 0
        /// Answer POSTs with a token and no id until `number()`.
        var tokens = false
    }

    let port: Int
    let apiKey: String?
    let services: Set<String>?
    private let listener: Int32
    private let state = Mutex<(requests: [Request], forms: [[String: String]], faults: Faults, next: Int)>(([], [], Faults(), 1))

    var base: String { "http://127.0.0.1:\(port)/open311/v2/" }

    init(apiKey: String?, services: Set<String>? = nil) throws {
        self.apiKey = apiKey
        self.services = services
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard listener >= 0, bound, listen(listener, 64) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in serve() }.start()
    }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)); Glibc.close(listener) }

    // MARK: - The case workers

    func setFaults(_ change: (inout Faults) -> Void) { state.withLock { change(&$0.faults) } }
    /// The forms POSTed so far, as fields.
    var forms: [[String: String]] { state.withLock { $0.forms } }
    var requests: [Request] { state.withLock { $0.requests } }

    func closeRequest(_ id: String, notes: String?) { update(id) { $0.status = "closed"; $0.notes = notes } }
    func note(_ id: String, _ notes: String) { update(id) { $0.notes = notes } }
    /// Gives every request still known by its token an id.
    func number() {
        state.withLock { state in
            for index in state.requests.indices where state.requests[index].id == nil {
                state.requests[index].id = "SR-\(state.next)"
                state.next += 1
            }
        }
    }

    private func update(_ id: String, _ change: (inout Request) -> Void) {
        state.withLock { state in
            for index in state.requests.indices where state.requests[index].id == id {
                change(&state.requests[index])
                state.requests[index].updated = Self.now()
            }
        }
    }

    // MARK: - HTTP

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            Thread { [self] in
                handle(connection)
                Glibc.close(connection)
            }.start()
        }
    }

    private func handle(_ connection: Int32) {
        guard let (head, body) = Self.readRequest(connection) else { return }
        let delay = state.withLock { $0.faults.delay }
        if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
        let parts = head.split(separator: " ")
        guard parts.count >= 2 else { return }
        let (status, json) = answer(method: String(parts[0]), target: String(parts[1]), body: body)
        let data = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data("[]".utf8)
        var reply = Data("HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(data.count)\r\nConnection: close\r\n\r\n".utf8)
        reply.append(data)
        // MSG_NOSIGNAL: a client that timed out and left must not SIGPIPE the process.
        _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func answer(method: String, target: String, body: Data) -> (Int, Any) {
        let (path, query) = Self.split(target)
        guard path.hasPrefix("/open311/v2/") else { return Self.error(404, "not found") }
        let resource = String(path.dropFirst("/open311/v2/".count))
        switch (method, resource) {
        case ("POST", "requests.json"):
            return create(Dictionary(FormEncoding.decode(body), uniquingKeysWith: { first, _ in first }))
        case ("GET", "requests.json"):
            let ids = (query["service_request_id"] ?? "").split(separator: ",").map(String.init)
            let known = state.withLock { $0.requests }.filter { request in ids.isEmpty || ids.contains(request.id ?? "\u{0}") }
            return (200, known.filter { $0.id != nil }.map(Self.json))
        case ("GET", _) where resource.hasPrefix("tokens/") && resource.hasSuffix(".json"):
            let token = String(resource.dropFirst("tokens/".count).dropLast(".json".count))
            guard let request = state.withLock({ $0.requests.first { $0.token == token } }) else { return Self.error(404, "unknown token") }
            var entry: [String: Any] = ["token": token]
            if let id = request.id { entry["service_request_id"] = id }
            return (200, [entry])
        case ("GET", _) where resource.hasPrefix("requests/") && resource.hasSuffix(".json"):
            let id = String(resource.dropFirst("requests/".count).dropLast(".json".count))
            guard let request = state.withLock({ $0.requests.first { $0.id == id } }) else { return Self.error(404, "unknown service_request_id") }
            return (200, [Self.json(request)])
        default:
            return Self.error(404, "not found")
        }
    }

    private func create(_ form: [String: String]) -> (Int, Any) {
        state.withLock { state -> (Int, Any) in
            state.forms.append(form)
            if !state.faults.postStatuses.isEmpty {
                let status = state.faults.postStatuses.removeFirst()
                return Self.error(status, "temporarily unavailable")
            }
            if let apiKey, form["api_key"] != apiKey { return Self.error(403, "Invalid api_key") }
            guard let code = form["service_code"], !code.isEmpty else { return Self.error(400, "service_code missing") }
            if let services, !services.contains(code) { return Self.error(400, "service_code \(code) not found") }
            guard form["lat"] != nil && form["long"] != nil || form["address_string"] != nil || form["address_id"] != nil else {
                return Self.error(400, "a location is required: lat and long, address_string or address_id")
            }
            let token = "tok-\(state.next)-\(UInt32.random(in: 1000...9999))"
            var request = Request(id: nil, token: token, serviceCode: code, description: form["description"] ?? "",
                                  requested: Self.now(), updated: Self.now())
            if !state.faults.tokens {
                request.id = "SR-\(state.next)"
                state.next += 1
            }
            state.requests.append(request)
            let entry: [String: Any] = request.id.map { ["service_request_id": $0, "service_notice": "将在 3 个工作日内处置", "account_id": NSNull()] }
                ?? ["token": token]
            return (201, [entry])
        }
    }

    static func json(_ request: Request) -> [String: Any] {
        ["service_request_id": request.id ?? "", "status": request.status, "status_notes": request.notes ?? NSNull(),
         "service_code": request.serviceCode, "description": request.description, "agency_responsible": "演示城管局",
         "requested_datetime": request.requested, "updated_datetime": request.updated]
    }

    static func error(_ status: Int, _ description: String) -> (Int, Any) {
        (status, [["code": status, "description": description]])
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    static func split(_ target: String) -> (String, [String: String]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, [:]) }
        let fields = FormEncoding.decode(Data(target[target.index(after: mark)...].utf8))
        return (String(target[..<mark]), Dictionary(fields, uniquingKeysWith: { first, _ in first }))
    }

    static let maxBody = 1 << 20

    /// The request line and the body (by Content-Length, at most 1 MB).
    static func readRequest(_ connection: Int32) -> (String, Data)? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var headerEnd: Range<Data.Index>?
        var contentLength = 0
        while true {
            let n = read(connection, &buffer, buffer.count)
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if headerEnd == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                contentLength = min(max(head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0, 0), maxBody)
            }
            if let end = headerEnd, data.count - end.upperBound >= contentLength { break }
        }
        let end = headerEnd!
        let line = String(decoding: data[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
        return (line, Data(data[end.upperBound..<(end.upperBound + contentLength)]))
    }
}
