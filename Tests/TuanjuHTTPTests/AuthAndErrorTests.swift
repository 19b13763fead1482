import Foundation
import Hummingbird
import Identity
import Reports
import Storage
import Testing
import TuanjuCore
@testable import TuanjuHTTP

@Suite("Authentication, refusals and their statuses")
struct AuthAndErrorTests {
    static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "{id}", with: "x").replacingOccurrences(of: "{service_code}", with: "x")
            .replacingOccurrences(of: "{service_request_id}", with: "x")
    }

    static let bearerOperations = OpenAPIDocument.operations.filter { $0.access == .bearer }

    @Test("Every route that needs a token answers 401 without one, and with an unknown one")
    func unauthenticated() async throws {
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            for operation in Self.bearerOperations {
                let method = HTTPRequest.Method(operation.method)!
                let missing = try await client.send(method, Self.uri(operation.path))
                #expect(missing.status == 401, "\(operation.method) \(operation.path): \(missing.text)")
                #expect(missing.errorCode == "unauthenticated")
                #expect(missing.header("WWW-Authenticate") == "Bearer")
                let unknown = try await client.send(method, Self.uri(operation.path), token: "tj_not_a_token")
                #expect(unknown.status == 401, "\(operation.method) \(operation.path): \(unknown.text)")
                #expect(unknown.errorCode == "unauthenticated")
                let basic = try await client.send(method, Self.uri(operation.path), headers: ["Authorization": "Basic YWxhZGRpbjpvcGVuc2VzYW1l"])
                #expect(basic.status == 401)
            }
        }
    }

    @Test("Every JSON body route refuses an unknown field, a wrong type and a non-JSON body with 400, changing nothing")
    func badBodies() async throws {
        let sandbox = try APISandbox()
        let admin = sandbox.adminToken
        let before = try sandbox.app.outboxEventCount()
        try await sandbox.run { client in
            for operation in Self.bearerOperations where operation.body != nil && operation.bodyType == "application/json" {
                let method = HTTPRequest.Method(operation.method)!
                let unknown = try await client.send(method, Self.uri(operation.path), token: admin, json: ["no_such_field": 1])
                #expect(unknown.status == 400, "\(operation.method) \(operation.path): \(unknown.text)")
                #expect(unknown.errorCode == "invalid_input")
                let notJSON = try await client.send(method, Self.uri(operation.path), token: admin, body: Array("{oops".utf8),
                                                    contentType: "application/json")
                #expect(notJSON.status == 400, "\(operation.method) \(operation.path): \(notJSON.text)")
                let wrongType = try await client.send(method, Self.uri(operation.path), token: admin, body: Array("{}".utf8),
                                                      contentType: "text/plain")
                #expect(wrongType.status == 400, "\(operation.method) \(operation.path): \(wrongType.text)")
            }
            let typed = try await client.post("/v1/tasks", token: admin, json: ["role": "hazard-inspector", "title": "x", "capacity": "three"])
            #expect(typed.status == 400)
            #expect(typed.errorMessage == "\"capacity\" must be of JSON type integer")
            let missing = try await client.post("/v1/tasks", token: admin, json: ["role": "hazard-inspector", "capacity": 3])
            #expect(missing.errorMessage == "\"title\" is required")
        }
        #expect(try sandbox.app.outboxEventCount() == before)
    }

    @Test("Bad query parameters and bad values are 400 with the CLI's code")
    func badQueries() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            for uri in ["/v1/map/nearest?lat=30.29", "/v1/map/nearest?lat=91&lon=120", "/v1/map/nearest?lat=30&lon=120&limit=x",
                        "/v1/map/nearest?lat=30&lon=120&crs=bd09", "/v1/map/nearest?lat=30&lon=120&open_now=perhaps",
                        "/v1/map/nearest?lat=30&lon=120&kind=spaceport", "/v1/map/nearest?lat=30&lon=120&limit=1000"] {
                let reply = try await client.get(uri)
                #expect(reply.status == 400, "\(uri): \(reply.text)")
                #expect(reply.errorCode == "invalid_input", "\(uri)")
            }
            for uri in ["/v1/reports?status=lost", "/v1/reports?limit=0", "/v1/claims?limit=5000", "/v1/tasks?near=north",
                        "/v1/redemptions?status=maybe", "/v1/activities?kind=party", "/v1/points/history?limit=-1"] {
                let reply = try await client.get(uri, token: rider.token)
                #expect(reply.status == 400, "\(uri): \(reply.text)")
            }
        }
    }

    @Test("Riders are forbidden staff routes (403) and other riders' data; unknown ids are 404 not_found")
    func forbiddenAndNotFound() async throws {
        let sandbox = try APISandbox()
        let li = try sandbox.rider("李骑手", phone: "13800138000")
        let wang = try sandbox.rider("王骑手", phone: "13900139000")
        let coordinator = try sandbox.coordinator()
        try await sandbox.run { client in
            for (method, uri, body) in [
                (HTTPRequest.Method.get, "/v1/riders", nil), (.post, "/v1/tasks", ["role": "hazard-inspector", "title": "t", "capacity": 1]),
                (.get, "/v1/points/verify", nil), (.post, "/v1/redemptions/run", nil),
                (.get, "/v1/riders/\(wang.id)", nil), (.get, "/v1/points/balance?rider=\(wang.id)", nil),
            ] as [(HTTPRequest.Method, String, [String: Any]?)] {
                let reply = try await client.send(method, uri, token: li.token, json: body)
                #expect(reply.status == 403, "\(uri): \(reply.text)")
                #expect(reply.errorCode == "forbidden")
            }
            // The operations routes are for admins only.
            for (method, uri) in [(HTTPRequest.Method.get, "/v1/doctor"), (.get, "/v1/audit"), (.post, "/v1/privacy/purge"),
                                  (.post, "/v1/riders/\(wang.id)/erase")] {
                for token in [li.token, coordinator] {
                    let reply = try await client.send(method, uri, token: token)
                    #expect(reply.status == 403, "\(uri): \(reply.text)")
                    #expect(reply.errorCode == "forbidden")
                }
            }
            let claim = try await client.post("/v1/tasks/tsk_nope/claim", token: li.token)
            #expect(claim.status == 404)
            #expect(claim.errorCode == "not_found")
            let report = try await client.get("/v1/reports/rpt_nope", token: coordinator)
            #expect(report.status == 404)
            let point = try await client.get("/v1/map/points/pt_nope")
            #expect(point.status == 404)
            // A coordinator cannot claim: a rule of roles, 403.
            let staffClaim = try await client.post("/v1/tasks/tsk_nope/claim", token: coordinator)
            #expect(staffClaim.status == 403)
        }
    }

    @Test("Domain refusals are 409 with the CLI's code, and change nothing")
    func conflicts() async throws {
        let sandbox = try APISandbox()
        let li = try sandbox.rider("李骑手", phone: "13800138000")
        let wang = try sandbox.rider("王骑手", phone: "13900139000")
        let taskID = try sandbox.claimedTask(rider: li.token, capacity: 1)
        try await sandbox.run { client in
            let again = try await client.post("/v1/tasks/\(taskID)/claim", token: li.token)
            #expect(again.status == 409)
            #expect(again.errorCode == "already_claimed")
            let full = try await client.post("/v1/tasks/\(taskID)/claim", token: wang.token)
            #expect(full.status == 409)
            #expect(full.errorCode == "task_full")
            let noPoints = try await client.post("/v1/rewards/\(try #require(try sandbox.app.listRewards(sandbox.admin).rows.first?.id))/redeem",
                                                 token: li.token)
            #expect(noPoints.status == 409)
            #expect(noPoints.errorCode == "insufficient_points")
        }
    }

    @Test("A body over the cap is 413 before the service runs; Content-Length alone is enough to refuse")
    func tooLarge() async throws {
        let sandbox = try APISandbox(configure: { $0.maxBodyBytes = 256; $0.maxUploadBytes = 4096 })
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            let big = try await client.post("/v1/tasks", token: coordinator,
                                            json: ["role": "hazard-inspector", "title": String(repeating: "长", count: 300), "capacity": 1])
            #expect(big.status == 413)
            #expect(big.errorCode == "too_large")
            #expect(big.errorMessage == "the request body is larger than 256 bytes")
            let upload = try await client.submit("/v1/reports", token: rider.token, MultipartForm(
                fields: [("category", "manhole-cover")], files: [("photo", [UInt8](repeating: 0xFF, count: 5000))]))
            #expect(upload.status == 413)
        }
        #expect(try sandbox.app.listTasks(sandbox.admin, .init()).rows.isEmpty)
    }

    @Test("Statuses follow the error's category: busy is 503 with Retry-After, a too-large photo 413")
    func mapping() throws {
        #expect(ErrorMapping.status(for: StorageError.busy, style: .api) == .serviceUnavailable)
        #expect(ErrorMapping.status(for: InputError.invalid(.timeInvalid, ["text": "x"]), style: .api) == .badRequest)
        #expect(ErrorMapping.status(for: AccessError.unknownToken, style: .api) == .unauthorized)
        #expect(ErrorMapping.status(for: AccessError.unknownToken, style: .open311) == .forbidden)
        #expect(ErrorMapping.status(for: StorageError.notInitialized(path: "/x"), style: .api) == .internalServerError)
        let request = Request(head: .init(method: .get, scheme: "http", authority: "localhost", path: "/v1/x"), body: .init(buffer: ByteBuffer()))
        let busy = ErrorMapping.outcome(StorageError.busy, request: request, style: .api, requestID: "req_1")
        #expect(busy.retryAfter == 1)
        let response = ErrorMapping.response(busy, style: .api)
        #expect(response.headers[.retryAfter] == "1")
        let unknown = ErrorMapping.outcome(CocoaError(.fileNoSuchFile), request: request, style: .api, requestID: "req_1")
        #expect(unknown.status == .internalServerError)
        #expect(unknown.error.message.contains("req_1"))
    }

    @Test("Messages follow Accept-Language; codes do not")
    func language() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            let zh = try await client.get("/v1/me", headers: ["Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"])
            #expect(zh.errorCode == "unauthenticated")
            #expect(zh.errorMessage == HTTPMsg.bearerMissing.text(in: .zh))
            let en = try await client.get("/v1/me", headers: ["Accept-Language": "en-GB"])
            #expect(en.errorMessage == HTTPMsg.bearerMissing.text(in: .en))
            // A message the service layer fills in on the server's worker threads is in the caller's language too.
            let form = MultipartForm(fields: [("category", "manhole-cover"), ("note", String(repeating: "长", count: 1001))],
                                     files: [("photo", [0xFF, 0xD8])])
            let long = try await client.send(.post, "/v1/reports", token: rider.token, body: form.body, contentType: form.contentType,
                                             headers: ["Accept-Language": "zh"])
            #expect(long.errorCode == "invalid_input")
            #expect(long.errorMessage?.contains(ReportMsg.fieldNote.text(in: .zh)) == true, "\(long.text)")
        }
    }
}
