import Foundation
import Hummingbird
import HummingbirdTesting
import PhotoFixtures
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

/// A browser as the console tests play it: keeps the cookies the server sets, posts forms, reads hidden fields.
final class ConsoleBrowser: @unchecked Sendable {
    // Unchecked: one test drives one browser from one task, sequentially; nothing shares it across tasks.
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }
    convenience init(_ client: Client) { self.init(client.client) }

    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty || field.value.contains("Max-Age=0") { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(response.body.readableBytesView))
    }

    func get(_ uri: String) async throws -> Reply { try await send(.get, uri) }

    /// Signs in with `token` through the sign-in page (its double-submit token included).
    @discardableResult
    func signIn(_ token: String) async throws -> Reply {
        let page = try await get("/console/sign-in")
        let nonce = try #require(Self.hidden("signin", in: page.text))
        return try await send(.post, "/console/sign-in", form: [("signin", nonce), ("token", token)])
    }

    /// The value of the first hidden field `name` in `html`.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The CSRF token of the signed-in session, read from a page's form.
    func csrf() async throws -> String {
        try #require(Self.hidden("csrf", in: try await get("/console").text))
    }
}

extension APISandbox {
    /// A report submitted by a rider (with a claimed task) through the service, with `note`.
    func submittedReport(rider: (id: String, token: String), note: String = "井盖松动", lat: Double = 30.29) throws -> String {
        let path = root + "/p-\(UUID().uuidString).jpg"
        try Data(PhotoFixtures.jpeg(width: 32, height: 32, seed: UInt64.random(in: 1...1_000_000))).write(to: URL(fileURLWithPath: path))
        return try app.submitReport(try app.authenticate(token: rider.token), ReportSubmission(
            category: "manhole-cover", location: try Coordinate(lat: lat, lon: 120.17), note: note, photoPaths: [path])).id
    }
}
