import Foundation
import Hummingbird
import Testing
@testable import TuanjuHTTP

@Suite("PATCH /v1/riders/me: a rider's quiet hours")
struct QuietHoursHTTPTests {
    @Test("A rider sets their own quiet hours; bad ones are 400 invalid_input and change nothing")
    func quietHours() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            let shown = try await client.get("/v1/riders/me", token: rider.token)
            #expect(shown.object["quiet_hours"] as? String == "11:00-13:00,17:00-19:30")
            let set = try await client.send(.patch, "/v1/riders/me", token: rider.token, json: ["quiet_hours": "12:00-13:30"])
            #expect(set.status == 200 && set.object["quiet_hours"] as? String == "12:00-13:30", "\(set.text)")
            let bad = try await client.send(.patch, "/v1/riders/me", token: rider.token, json: ["quiet_hours": "noon"])
            #expect(bad.status == 400 && bad.text.contains("invalid_input"), "\(bad.text)")
            #expect(try await client.get("/v1/riders/me", token: rider.token).object["quiet_hours"] as? String == "12:00-13:30")
            let none = try await client.send(.patch, "/v1/riders/me", token: rider.token, json: ["quiet_hours": "none"])
            #expect(none.object["quiet_hours"] as? String == "none")
        }
    }
}
