import Foundation
import Testing
@testable import TuanjuCLI

@Suite("Staff actions that announce nothing are still audited")
struct AuditActionsTests {
    @Test("Issuing a rider token and setting up a webhook leave audit entries naming the actor, the command and the record")
    func audited() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李", phone: "13811112222", coordinator: coordinator)
        _ = try sandbox.ok(["riders", "token", rider.id], token: coordinator)
        let endpoint = try sandbox.ok(["webhooks", "add", "https://example.com/hook", "--events", "all"], token: sandbox.adminToken)["id"] as! String
        _ = try sandbox.ok(["webhooks", "rotate-secret", endpoint], token: sandbox.adminToken)
        let entries = try sandbox.run(["audit", "list", "--json"], token: sandbox.adminToken).array()
        let token = try #require(entries.first { $0["action"] as? String == "rider.token_issued" })
        #expect(token["target"] as? String == rider.id && token["command"] as? String == "tuanju riders token")
        #expect(token["actor_role"] as? String == "coordinator")
        let added = try #require(entries.first { $0["action"] as? String == "webhook.added" })
        #expect(added["target"] as? String == endpoint && added["command"] as? String == "tuanju webhooks add")
        #expect(entries.contains { $0["action"] as? String == "webhook.secret_rotated" && $0["target"] as? String == endpoint })
        // Audit-only actions are not events: webhook consumers never hear of the webhook set-up.
        let types = try sandbox.run(["webhooks", "events", "--json"]).array().compactMap { $0["type"] as? String }
        #expect(!types.contains("webhook.added") && !types.contains("rider.token_issued"))
    }
}
