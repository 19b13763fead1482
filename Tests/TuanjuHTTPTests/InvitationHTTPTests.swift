import Foundation
import Hummingbird
import Testing
@testable import TuanjuHTTP

@Suite("POST /v1/join: one response for every unusable code, and a rate limit per address")
struct InvitationHTTPTests {
    @Test("A used code and a registered phone get the same 409 body; the 11th attempt in a minute is 429")
    func uniformAndLimited() async throws {
        let sandbox = try APISandbox()
        let coordinator = try sandbox.coordinator()
        try await sandbox.run { client in
            let codes = try await client.send(.post, "/v1/invitations", token: coordinator, json: ["count": 2]).array
            let first = try #require(codes.first?["code"] as? String), second = try #require(codes.last?["code"] as? String)
            func join(_ code: String, _ phone: String) async throws -> Reply {
                try await client.send(.post, "/v1/join", json: ["code": code, "name": "骑手", "phone": phone, "platform": "meituan"])
            }
            #expect(try await join(first, "13700001111").status == 201)
            let used = try await join(first, "13700002222")
            let registered = try await join(second, "13700001111")
            let unknown = try await join("ZZZZ-ZZZZ-ZZZZ", "13700003333")
            #expect(used.status == 409 && registered.status == 409 && unknown.status == 409)
            #expect(used.text == registered.text && registered.text == unknown.text, "\(used.text) / \(registered.text)")
            let rider = try await client.send(.post, "/v1/invitations", token: nil, json: ["count": 1])
            #expect(rider.status == 401)
            // 4 attempts so far; the limit is 10 a minute per address (one more every 6 s): on a loaded machine a
            // slow run may earn an attempt back, so keep trying until the limit answers.
            var statuses: [Int] = []
            for index in 0..<30 where statuses.last != 429 {
                statuses.append(try await join("ZZZZ-ZZZZ-ZZ\(String(format: "%02d", index))", "13700004444").status)
            }
            #expect(statuses.last == 429 && statuses.dropLast().allSatisfy { $0 == 409 }, "\(statuses)")
            #expect((6...12).contains(statuses.count - 1), "\(statuses)")
        }
    }
}
