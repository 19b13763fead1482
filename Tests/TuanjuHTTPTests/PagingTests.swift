import Foundation
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

@Suite("HTTP lists page with ?after= and say where the next page starts")
struct HTTPPagingTests {
    @Test("3,000 redemption requests: following Link rel=next lists each exactly once; the last page has no Link")
    func followLinks() async throws {
        let sandbox = try APISandbox(clock: .fixed(Date()))
        let staffToken = try sandbox.coordinator()
        let staff = try sandbox.app.authenticate(token: staffToken)
        let rider = try sandbox.rider()
        let reward = try sandbox.app.addReward(staff, name: "Pen", nameZh: nil, cost: 1, stock: 100_000)
        _ = try sandbox.app.awardPoints(staff, riderID: rider.id, amount: 3000, reason: "paging", key: nil)
        let caller = try sandbox.app.authenticate(token: rider.token)
        let ids = Set(try (0..<3000).map { _ in try sandbox.app.redeem(caller, rewardID: reward.id, quantity: 1).id })
        try await sandbox.run { client in
            var seen: [String] = []
            var uri: String? = "/v1/redemptions?status=pending&limit=1000"
            var pages = 0
            while let next = uri, pages < 10 {
                let reply = try await client.get(next, token: staffToken)
                #expect(reply.status == 200, "\(reply.text.prefix(300))")
                let rows = reply.array
                seen += rows.compactMap { $0["request_id"] as? String }
                pages += 1
                guard let link = reply.header("Link") else {
                    #expect(reply.header("X-Next-After") == nil)
                    uri = nil
                    break
                }
                let after = try #require(reply.header("X-Next-After"))
                #expect(after == rows.last?["request_id"] as? String)
                #expect(link == "</v1/redemptions?status=pending&after=\(after)&limit=1000>; rel=\"next\"")
                uri = String(link.dropFirst().prefix { $0 != ">" })
            }
            #expect(pages == 3)
            #expect(seen.count == 3000)
            #expect(Set(seen).count == 3000 && ids.subtracting(seen).isEmpty)
            // A short list fits one page: no Link at all.
            let one = try await client.get("/v1/rewards", token: staffToken)
            #expect(one.status == 200 && one.header("Link") == nil && one.header("X-Next-After") == nil)
        }
    }

    @Test("A bad limit or an unknown cursor is a 400 invalid_input")
    func badCursor() async throws {
        let sandbox = try APISandbox()
        let staffToken = try sandbox.coordinator()
        try await sandbox.run { client in
            for uri in ["/v1/redemptions?limit=0", "/v1/redemptions?limit=1001", "/v1/riders?after=rdr_nobody",
                        "/v1/tasks?after=x", "/v1/claims?after=x", "/v1/reports?after=x", "/v1/rewards?after=x",
                        "/v1/audit?after=x", "/v1/lessons?after=x", "/v1/surveys?after=x", "/v1/activities?after=x"] {
                let reply = try await client.get(uri, token: uri.hasPrefix("/v1/audit") ? sandbox.adminToken : staffToken)
                #expect(reply.status == 400, "\(uri): \(reply.text)")
                #expect(reply.errorCode == "invalid_input", "\(uri)")
            }
        }
    }

    @Test("Every list operation declares after and limit, and the Link and X-Next-After headers")
    func documented() throws {
        for path in OpenAPIDocument.pagedPaths {
            let operation = try #require(OpenAPIDocument.operations.first { $0.method == "GET" && $0.path == path }, "\(path)")
            let json = OpenAPIDocument.json(operation)
            let names = (json["parameters"] as? [[String: any Sendable]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.filter { $0 == "after" }.count == 1 && names.filter { $0 == "limit" }.count == 1, "\(path): \(names)")
            let success = (json["responses"] as? [String: any Sendable])?["200"] as? [String: any Sendable]
            let headers = success?["headers"] as? [String: any Sendable] ?? [:]
            #expect(headers.keys.sorted() == ["Link", "X-Next-After"], "\(path)")
        }
    }
}
