import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju reports appeal")
struct AppealTests {
    /// A report by rider 0, rejected by the coordinator.
    struct Rejected {
        let setup: ReportsTests.Setup
        let report: String

        init() throws {
            setup = try ReportsTests.Setup()
            let submitted = setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()])
            report = try submitted.object()["id"] as! String
            _ = try setup.sandbox.ok(["reports", "review", report, "--reject", "--reason", "看不清"], token: setup.coordinator)
        }

        var sandbox: Sandbox { setup.sandbox }
        var rider: String { setup.riders[0].token }
    }

    @Test("The rider's appeal puts a rejected report back in the review queue, with its history and a report.appealed event")
    func appeal() throws {
        let rejected = try Rejected()
        let sandbox = rejected.sandbox
        let result = try sandbox.ok(["reports", "appeal", rejected.report, "--reason", "已补拍清晰照片"], token: rejected.rider)
        #expect(result["status"] as? String == "submitted")
        let shown = try sandbox.ok(["reports", "show", rejected.report], token: rejected.setup.coordinator)
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.map { $0["status"] as? String } == ["submitted", "rejected", "submitted"])
        #expect(history.last?["note"] as? String == "已补拍清晰照片" && history.last?["by"] as? String == rejected.setup.riders[0].id)
        let queue = try sandbox.run(["reports", "list", "--status", "submitted", "--json"], token: rejected.setup.coordinator).array()
        #expect(queue.contains { $0["id"] as? String == rejected.report })
        let events = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = 'report.appealed'")
        }
        #expect(events.count == 1 && events[0].contains("已补拍清晰照片"))
        // The coordinator decides again; acceptance pays as for any report.
        let accepted = try sandbox.ok(["reports", "review", rejected.report, "--accept", "--points", "20"], token: rejected.setup.coordinator)
        #expect(accepted["status"] as? String == "accepted" && accepted["points_awarded"] as? Int == 20)
    }

    @Test("Another rider's report is refused with 77; nothing changes")
    func notYours() throws {
        let rejected = try Rejected()
        try rejected.sandbox.expectRefusal(["reports", "appeal", rejected.report, "--reason", "r"], token: rejected.setup.riders[1].token,
                                           exit: 77, code: "forbidden")
        try rejected.sandbox.expectRefusal(["reports", "appeal", rejected.report, "--reason", "r"], token: rejected.setup.coordinator,
                                           exit: 77, code: "forbidden")
    }

    @Test("A report that is not rejected, or was appealed once already, is refused with 1; nothing changes")
    func wrongState() throws {
        let rejected = try Rejected()
        let sandbox = rejected.sandbox
        let other = try rejected.setup.submit(1, ["--category", "road-damage", "--lat", "30.2800", "--lon", "120.1600"],
                                              photos: [try rejected.setup.photo("b.jpg", seed: 9)]).object()["id"] as! String
        try sandbox.expectRefusal(["reports", "appeal", other, "--reason", "r"], token: rejected.setup.riders[1].token, exit: 1,
                                  code: "invalid_state")
        _ = try sandbox.ok(["reports", "appeal", rejected.report, "--reason", "第一次"], token: rejected.rider)
        _ = try sandbox.ok(["reports", "review", rejected.report, "--reject", "--reason", "仍不清楚"], token: rejected.setup.coordinator)
        try sandbox.expectRefusal(["reports", "appeal", rejected.report, "--reason", "第二次"], token: rejected.rider, exit: 1,
                                  code: "already_appealed")
    }

    @Test("An empty or over-long reason is refused with 65; nothing changes", arguments: ["", "   ", String(repeating: "理", count: 1001)])
    func badReason(_ reason: String) throws {
        let rejected = try Rejected()
        try rejected.sandbox.expectRefusal(["reports", "appeal", rejected.report, "--reason", reason], token: rejected.rider, exit: 65,
                                           code: "invalid_input")
    }

    @Test("Rejecting and appealing take their reason by one rule: blank or over 1,000 characters is 65, each naming its reason",
          arguments: ["   ", String(repeating: "理", count: 1001)])
    func oneReasonRule(_ reason: String) throws {
        let rejected = try Rejected()
        let other = try rejected.setup.submit(0, ["--category", "road-damage", "--note", "另一处"], photos: [try rejected.setup.photo()])
            .object()["id"] as! String
        let refusals = [
            (["reports", "review", other, "--reject", "--reason", reason], rejected.setup.coordinator, "a reason is required"),
            (["reports", "appeal", rejected.report, "--reason", reason], rejected.rider, "an appeal needs a reason"),
        ]
        for (args, token, missing) in refusals {
            try rejected.sandbox.expectRefusal(args, token: token, exit: 65, code: "invalid_input")
            let stderr = rejected.sandbox.run(args + ["--lang", "en"], token: token).stderr
            #expect(reason.count > 1000 ? stderr.contains("1001") : stderr.contains(missing), "\(stderr)")
        }
    }

    @Test("Seven days after the rejection an appeal is still accepted; a second later it is refused with 1")
    func window() throws {
        let rejected = try Rejected()
        let directory = DataDirectory(path: rejected.sandbox.data)
        let rejectedAt = try DatabaseQueue(path: rejected.sandbox.data + "/tuanju.sqlite").read { db in
            try String.fetchOne(db, sql: "SELECT at FROM report_history WHERE report_id = ? AND status = 'rejected'", arguments: [rejected.report])
        }
        let at = try #require(rejectedAt.flatMap(Timestamp.parse))
        let late = try Tuanju.open(directory, clock: Clock(now: { at.addingTimeInterval(7 * 86_400 + 1) }))
        let rider = try late.authenticate(token: rejected.rider)
        let before = try rejected.sandbox.snapshot()
        let error = #expect(throws: (any Error).self) { try late.appealReport(rider, id: rejected.report, reason: "晚了") }
        #expect((error as? any TuanjuError)?.code == "appeal_too_late")
        #expect((error as? any TuanjuError)?.category == .refused)
        #expect(try rejected.sandbox.snapshot() == before)
        let onTime = try Tuanju.open(directory, clock: Clock(now: { at.addingTimeInterval(7 * 86_400) }))
        #expect(try onTime.appealReport(rider, id: rejected.report, reason: "刚好").status == .submitted)
    }
}
