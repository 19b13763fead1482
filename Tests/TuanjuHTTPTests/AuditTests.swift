import Foundation
import Hummingbird
import PhotoFixtures
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

@Suite("Staff actions over HTTP are audited")
struct AuditTests {
    static let photo = PhotoFixtures.jpeg(width: 48, height: 32, seed: 11)

    @Test("A coordinator's review over HTTP is in the audit log under the route's pattern; the rider's submission is not")
    func reviewIsAudited() async throws {
        // Given a rider with a claim and a coordinator.
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        _ = try sandbox.claimedTask(rider: rider.token)
        let coordinator = try sandbox.coordinator("审核协调")
        let coordinatorID = try sandbox.app.authenticate(token: coordinator).id
        let admin = sandbox.adminToken
        try await sandbox.run { client in
            let form = MultipartForm(fields: [("category", "manhole-cover"), ("lat", "30.2925"), ("lon", "120.171")],
                                     files: [("photo", Self.photo)])
            let submitted = try await client.submit("/v1/reports", token: rider.token, form)
            #expect(submitted.status == 201, "\(submitted.text)")
            let reportID = try #require(submitted.object["id"] as? String)

            // When the coordinator accepts it over HTTP.
            let reviewed = try await client.post("/v1/reports/\(reportID)/review", token: coordinator, json: ["decision": "accept"])
            #expect(reviewed.status == 200, "\(reviewed.text)")

            // Then `audit list` (over HTTP, and the service's own reading of audit_log) has the review: who, what,
            // which report and the route's pattern as the command, never the URL with its id.
            let entries = try await client.get("/v1/audit", token: admin).array
            let review = try #require(entries.first { $0["action"] as? String == "report.reviewed" }, "\(entries)")
            #expect(review["command"] as? String == "http POST /v1/reports/{id}/review")
            #expect(review["actor_id"] as? String == coordinatorID)
            #expect(review["actor_role"] as? String == "coordinator")
            #expect(review["target"] as? String == reportID)
            // Accepting also awards the category's points: both events of the one request carry its command.
            let stored = try sandbox.app.auditLog(try sandbox.admin, actor: coordinatorID, since: nil).rows
            #expect(Set(stored.map(\.action)) == ["report.reviewed", "points.awarded"])
            #expect(Set(stored.map(\.command)) == ["http POST /v1/reports/{id}/review"])
            // Riders' own actions are their records, not audit entries (as in the CLI).
            #expect(!entries.contains { $0["action"] as? String == "report.submitted" })

            // A refused action commits nothing, so it leaves no entry either.
            let again = try await client.post("/v1/reports/\(reportID)/review", token: coordinator, json: ["decision": "accept"])
            #expect(again.status == 409, "\(again.text)")
            #expect(try sandbox.app.auditLog(try sandbox.admin, actor: coordinatorID, since: nil).rows.count == stored.count)
        }
    }

    @Test("Concurrent requests of two coordinators are each audited under their own token")
    func concurrentActorsDoNotMix() async throws {
        // Given two coordinators.
        let sandbox = try APISandbox()
        let tokens = [try sandbox.coordinator("甲协调"), try sandbox.coordinator("乙协调")]
        let ids = try tokens.map { try sandbox.app.authenticate(token: $0).id }
        try await sandbox.run { client in
            // When both post tasks at the same time (the server's blocking threads and group commits are shared).
            let created = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for round in 0..<12 {
                    let who = round % 2
                    group.addTask {
                        let reply = try await client.post("/v1/tasks", token: tokens[who], json: [
                            "role": "hazard-inspector", "title": "巡查 \(round)", "capacity": 2,
                        ])
                        return (reply.object["id"] as? String ?? "refused: \(reply.text)", ids[who])
                    }
                }
                var creators: [String: String] = [:]
                for try await (task, creator) in group { creators[task] = creator }
                return creators
            }
            #expect(created.count == 12, "\(created.keys.sorted())")

            // Then each task.created entry names the coordinator whose request created the task.
            let entries = try sandbox.app.auditLog(try sandbox.admin, actor: nil, since: nil).rows
                .filter { $0.action == "task.created" }
            #expect(entries.count == 12)
            for entry in entries {
                #expect(entry.actorID == created[entry.target ?? ""], "\(entry)")
                #expect(entry.command == "http POST /v1/tasks")
            }
        }
    }
}
