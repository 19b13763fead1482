import Foundation
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

@Suite("HTTP contract: methods, query parameters, duplicate keys, parameter names")
struct ContractTests {
    @Test("A known path asked with another method is 405 with Allow; an unknown path stays 404")
    func methodNotAllowed() async throws {
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            let task = try await client.send(.delete, "/v1/tasks/tsk_anything", token: sandbox.adminToken)
            #expect(task.status == 405)
            #expect(task.errorCode == "method_not_allowed")
            #expect(task.header("Allow") == "GET, PATCH")
            let health = try await client.send(.put, "/healthz")
            #expect(health.status == 405 && health.header("Allow") == "GET")
            let open311 = try await client.send(.delete, "/open311/v2/requests/rpt_1.json")
            #expect(open311.status == 405 && open311.header("Allow") == "GET")
            #expect((open311.json as? [[String: Any]])?.first?["code"] as? Int == 405)
            let list = try await client.send(.put, "/open311/v2/requests.json")
            #expect(list.header("Allow") == "GET, POST")
            let unknown = try await client.get("/v1/teleporter")
            #expect(unknown.status == 404 && unknown.header("Allow") == nil)
        }
    }

    @Test("A query parameter the operation does not declare is refused with 400, naming it")
    func unknownQuery() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            let nearest = try await client.get("/v1/map/nearest?lat=30.29&lon=120.17&colour=red")
            #expect(nearest.status == 400)
            #expect(nearest.errorCode == "invalid_input")
            #expect(nearest.errorMessage?.contains("colour") == true)
            #expect(try await client.get("/v1/map/nearest?lat=30.29&lon=120.17&limit=3").status == 200)
            #expect(try await client.get("/v1/me?verbose=1", token: rider.token).status == 400)
            let open311 = try await client.get("/open311/v2/requests.json?jurisdiction=x")
            #expect(open311.status == 400)
            #expect((open311.json as? [[String: Any]])?.first?["code"] as? Int == 400)
            #expect(try await client.get("/open311/v2/requests.json?status=open").status == 200)
            #expect(try await client.get("/open311/v2/services.json?jurisdiction_id=hz").status == 200,
                    "GeoReport's jurisdiction_id is declared (and ignored)")
        }
    }

    @Test("A body with a key twice is refused with 400, and nothing changes")
    func duplicateKeys() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        let coordinator = try sandbox.coordinator()
        try await sandbox.run { client in
            let body = "{\"rider_id\": \"\(rider.id)\", \"amount\": 1, \"reason\": \"x\", \"amount\": 1000}"
            let reply = try await client.send(.post, "/v1/points/award", token: coordinator, body: Array(body.utf8),
                                              contentType: "application/json")
            #expect(reply.status == 400)
            #expect(reply.errorCode == "invalid_input")
            #expect(reply.errorMessage?.contains("amount") == true)
            let escaped = "{\"rider_id\": \"\(rider.id)\", \"amount\": 1, \"reason\": \"x\", \"\\u0061mount\": 2}"
            #expect(try await client.send(.post, "/v1/points/award", token: coordinator, body: Array(escaped.utf8),
                                          contentType: "application/json").status == 400, "the same key spelled with an escape")
            let balance = try await client.get("/v1/points/balance", token: rider.token).object
            #expect(balance["balance"] as? Int == 0, "nothing was awarded")
        }
        #expect(JSONDuplicateKeys.first(in: Array(#"{"a":{"b":1,"b":2}}"#.utf8)) == "b")
        #expect(JSONDuplicateKeys.first(in: Array(#"{"a":{"b":1},"c":{"b":2},"d":["a","a"]}"#.utf8)) == nil)
        #expect(JSONDuplicateKeys.first(in: Array(#"{"a":"x\"y","b":"x\"y"}"#.utf8)) == nil)
        #expect(JSONDuplicateKeys.first(in: Array(#"[{"k":1},{"k":2}]"#.utf8)) == nil)
    }

    @Test("Error messages name HTTP parameters, never the CLI's flags")
    func parameterNames() async throws {
        #expect(RouteRules.httpNames("--limit must be between 1 and 1000") == "limit must be between 1 and 1000")
        #expect(RouteRules.httpNames("choose exactly one of --accept, --reject or --duplicate-of")
                == "choose exactly one of accept, reject or duplicate_of")
        #expect(RouteRules.httpNames("（写作 --amount=-5）") == "（写作 amount=-5）")
        #expect(RouteRules.httpNames("a -- b, x--y, --5") == "a -- b, x--y, --5")
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            for language in ["en", "zh-CN"] {
                let reply = try await client.get("/v1/riders?limit=0", token: sandbox.adminToken, headers: ["Accept-Language": language])
                #expect(reply.status == 400)
                let message = try #require(reply.errorMessage)
                #expect(!message.contains("--"), "\(message)")
                #expect(message.contains("limit"), "\(message)")
            }
        }
    }
}
