import Foundation
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

@Suite("Ledger bounds over HTTP")
struct LedgerBoundsHTTPTests {
    @Test("With a cap set, awarding Int64.max answers 400 invalid_input and the server lives; adjusting Int64.min too")
    func hugeAmounts() async throws {
        let sandbox = try APISandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider()
        _ = try sandbox.app.changeSetting(try sandbox.admin, key: "points_budget_cap", value: "1000000")
        let admin = sandbox.adminToken
        try await sandbox.run { client in
            let small = try await client.post("/v1/points/award", token: coordinator,
                                              json: ["rider_id": rider.id, "amount": 10, "reason": "x"])
            #expect(small.status == 200, "\(small.text)")
            let huge = try await client.post("/v1/points/award", token: coordinator,
                                             json: ["rider_id": rider.id, "amount": Int.max, "reason": "x"])
            #expect(huge.status == 400 && huge.errorCode == "invalid_input", "\(huge.text)")
            let adjust = try await client.post("/v1/points/adjust", token: admin,
                                               json: ["rider_id": rider.id, "amount": Int.min, "reason": "x"])
            #expect(adjust.status == 400 && adjust.errorCode == "invalid_input", "\(adjust.text)")
            let verify = try await client.get("/v1/points/verify", token: admin)
            #expect(verify.status == 200 && verify.object["ok"] as? Bool == true, "\(verify.text)")
        }
    }
}
