import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju inbox: a notification for each event that concerns one rider")
struct InboxTests {
    func inbox(_ sandbox: Sandbox, _ token: String, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = sandbox.run(["inbox", "--json"] + extra, token: token)
        try #require(result.exit == 0, "\(result.stderr)")
        return try result.array()
    }

    func query<T: DatabaseValueConvertible>(_ sandbox: Sandbox, _ sql: String) throws -> [T] {
        try sandbox.database().read { db in try T.fetchAll(db, sql: sql) }
    }

    @Test("Accepting a report puts it in its rider's inbox, in Chinese by default, written with the event it announces")
    func accepted() throws {
        // Given a submitted report (the rider's own submission tells them nothing)
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        #expect(try inbox(sandbox, setup.riders[0].token).isEmpty)
        // When the coordinator accepts it
        _ = try sandbox.ok(["reports", "review", report, "--accept", "--points", "20"], token: setup.coordinator)
        // Then the rider's inbox shows it, once (the report's points are in the report's notice)
        let notices = try inbox(sandbox, setup.riders[0].token)
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice["template"] as? String == "report.accepted" && notice["language"] as? String == "zh")
        #expect(notice["text"] as? String == "您的上报 \(report) 已被采纳,获得 20 积分。")
        #expect((notice["parameters"] as? [String: String])?["report"] == report)
        #expect(notice["read_at"] is NSNull)
        let events: [String] = try query(sandbox, "SELECT event_id FROM outbox WHERE type = 'report.reviewed'")
        #expect(events == [notice["event_id"] as? String])
        // Nobody else is told
        #expect(try inbox(sandbox, setup.riders[1].token).isEmpty)
        // Dispatch and resolution follow
        _ = try sandbox.ok(["reports", "dispatch", report, "--agency", "拱墅区城管局"], token: setup.coordinator)
        _ = try sandbox.ok(["reports", "resolve", report], token: setup.coordinator)
        let templates = try inbox(sandbox, setup.riders[0].token).map { $0["template"] as? String }
        #expect(templates == ["report.resolved", "report.dispatched", "report.accepted"])
    }

    @Test("A rejection, then the review after an appeal, reach the rider as the appeal's outcome, in the language they chose")
    func appealOutcome() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        let rider = setup.riders[0].token
        let updated = try sandbox.ok(["riders", "update", "--inbox-lang", "en"], token: rider)
        #expect(updated["language"] as? String == "en")
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        _ = try sandbox.ok(["reports", "review", report, "--reject", "--reason", "blurred"], token: setup.coordinator)
        _ = try sandbox.ok(["reports", "appeal", report, "--reason", "new photo"], token: rider)
        _ = try sandbox.ok(["reports", "review", report, "--accept", "--points", "15"], token: setup.coordinator)
        let notices = try inbox(sandbox, rider)
        #expect(notices.map { $0["template"] as? String } == ["report.appeal_accepted", "report.rejected"])
        #expect(notices.last?["text"] as? String == "Your report \(report) was rejected: blurred. You may appeal within 7 days.")
        #expect(notices.first?["language"] as? String == "en")
    }

    @Test("Points from a coordinator, a correction by an admin and a revoked claim reach the rider; their own actions do not")
    func pointsAndClaims() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        let rider = setup.riders[0]
        _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "50", "--reason", "线下活动"], token: setup.coordinator)
        _ = try sandbox.ok(["points", "adjust", "--rider", rider.id, "--amount=-5", "--reason", "更正"], token: sandbox.adminToken)
        _ = try sandbox.ok(["tasks", "revoke", setup.task, rider.id, "--reason", "未巡查"], token: setup.coordinator)
        _ = try sandbox.ok(["tasks", "release", setup.task], token: setup.riders[1].token)
        let notices = try inbox(sandbox, rider.token)
        #expect(notices.map { $0["template"] as? String } == ["task.claim_revoked", "points.adjusted", "points.awarded"])
        #expect(notices.last?["text"] as? String == "获得 50 积分:线下活动。")
        #expect(try inbox(sandbox, setup.riders[1].token).isEmpty)
    }

    @Test("inbox --unread, inbox read ID and inbox read --all mark the rider's own notifications read")
    func markRead() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        let rider = setup.riders[0]
        for amount in ["10", "20", "30"] {
            _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", amount, "--reason", "奖励"], token: setup.coordinator)
        }
        let all = try inbox(sandbox, rider.token)
        let first = try #require(all.last?["id"] as? String)
        #expect(try sandbox.ok(["inbox", "read", first], token: rider.token)["marked"] as? Int == 1)
        #expect(try sandbox.ok(["inbox", "read", first], token: rider.token)["marked"] as? Int == 0)
        #expect(try inbox(sandbox, rider.token, ["--unread"]).count == 2)
        #expect(try inbox(sandbox, rider.token).last?["read_at"] is String)
        #expect(try sandbox.ok(["inbox", "read", "--all"], token: rider.token)["marked"] as? Int == 2)
        #expect(try inbox(sandbox, rider.token, ["--unread"]).isEmpty)
        let paged = sandbox.run(["inbox", "--limit", "2", "--json"], token: rider.token)
        let rows = try paged.array()
        #expect(paged.exit == 0 && rows.count == 2 && paged.stderr.contains("next"))
        let human = sandbox.run(["inbox", "--lang", "zh"], token: rider.token)
        #expect(human.exit == 0 && human.stdout.contains("获得 30 积分:奖励。"))
    }

    @Test("Another rider's notification is refused with 1, no id is 65, staff are refused with 77; nothing changes")
    func refusals() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        let rider = setup.riders[0]
        _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "10", "--reason", "奖励"], token: setup.coordinator)
        let id = try #require(try inbox(sandbox, rider.token).first?["id"] as? String)
        try sandbox.expectRefusal(["inbox", "read", id], token: setup.riders[1].token, exit: 1, code: "not_found")
        try sandbox.expectRefusal(["inbox", "read", id, "ntf_nothing"], token: rider.token, exit: 1, code: "not_found")
        try sandbox.expectRefusal(["inbox", "read"], token: rider.token, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["inbox", "read", id, "--all"], token: rider.token, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["inbox"], token: setup.coordinator, exit: 77, code: "forbidden")
        try sandbox.expectRefusal(["inbox", "read", "--all"], token: setup.coordinator, exit: 77, code: "forbidden")
        try sandbox.expectRefusal(["riders", "update", "--inbox-lang", "fr"], token: rider.token, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["inbox", "--limit", "0"], token: rider.token, exit: 65, code: "invalid_input")
    }
}
