import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("Deadlines and overdue reports")
struct DeadlinesTests {
    @Test("The seed sets targets per category; a coordinator changes them (deadline.changed); bad values are 65, nothing changes")
    func setTargets() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let listed = try sandbox.run(["deadlines", "list", "--json"], token: coordinator).array()
        let manhole = try #require(listed.first { $0["category"] as? String == "manhole-cover" })
        #expect(manhole["review_hours"] as? Int == 4 && manhole["resolve_hours"] as? Int == 24)
        let roadDamage = try #require(listed.first { $0["category"] as? String == "road-damage" })
        #expect(roadDamage["review_hours"] as? Int == 24 && roadDamage["resolve_hours"] as? Int == 168)
        let set = try sandbox.ok(["deadlines", "set", "road-damage", "--resolve-hours", "72"], token: coordinator)
        #expect(set["review_hours"] as? Int == 24 && set["resolve_hours"] as? Int == 72)
        let events = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = 'deadline.changed'")
        }
        #expect(events.count == 1 && events[0].contains("\"resolve_hours\":72"))
        for args in [["deadlines", "set", "road-damage", "--review-hours", "0"], ["deadlines", "set", "road-damage", "--resolve-hours", "8761"],
                     ["deadlines", "set", "road-damage"], ["reports", "overdue", "--stage", "later"]] {
            try sandbox.expectRefusal(args, token: coordinator, exit: 65, code: "invalid_input")
        }
        try sandbox.expectRefusal(["deadlines", "set", "no-such", "--review-hours", "3"], token: coordinator, exit: 1, code: "not_found")
    }

    @Test("Riders may not see or change deadlines or the overdue list (77); nothing changes")
    func wrongRole() throws {
        let setup = try ReportsTests.Setup()
        let rider = setup.riders[0].token
        try setup.sandbox.expectRefusal(["deadlines", "list"], token: rider, exit: 77, code: "forbidden")
        try setup.sandbox.expectRefusal(["deadlines", "set", "road-damage", "--review-hours", "3"], token: rider, exit: 77, code: "forbidden")
        try setup.sandbox.expectRefusal(["reports", "overdue"], token: rider, exit: 77, code: "forbidden")
    }

    @Test("With an injected clock: overdue lists what is late and by how long; report.overdue goes out once per report and stage")
    func exactlyOnce() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        // road-damage: 24 h to review, 168 h to resolve.
        let late = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        let submittedAt = try #require(try sandbox.database().read { db in
            try String.fetchOne(db, sql: "SELECT submitted_at FROM reports WHERE id = ?", arguments: [late])
        }.flatMap(Timestamp.parse))
        let clock = ManualClock(submittedAt)
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: clock.clock)
        let coordinator = try app.authenticate(token: setup.coordinator)
        func events() throws -> [String] {
            try sandbox.database().read { db in
                try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = 'report.overdue' ORDER BY seq")
            }
        }

        clock.advance(24 * 3600)  // exactly due: not late yet
        #expect(try app.overdueReports(coordinator).isEmpty)
        #expect(try app.noticeOverdue().isEmpty)
        clock.advance(90 * 60)  // 1.5 h late
        let listed = try app.overdueReports(coordinator)
        #expect(listed.map(\.reportID) == [late] && listed[0].stage == .review && listed[0].late == 5400)
        #expect(try app.noticeOverdue().count == 1)
        #expect(try app.noticeOverdue().isEmpty)  // the next pass: nothing new
        clock.advance(3600)
        #expect(try app.noticeOverdue().isEmpty)  // later still: once per stage
        let first = try events()
        #expect(first.count == 1 && first[0].contains("\"stage\":\"review\"") && first[0].contains("\"late_hours\":1.5"))

        // Accepted: the resolve clock starts at the acceptance (168 h).
        _ = try app.reviewReport(coordinator, id: late, .accept(note: ""))
        #expect(try app.overdueReports(coordinator).isEmpty)
        clock.advance(168 * 3600 + 60)
        let resolveLate = try app.overdueReports(coordinator, stage: .resolve)
        #expect(resolveLate.count == 1 && resolveLate[0].late == 60)
        #expect(try app.noticeOverdue().count == 1)
        #expect(try app.noticeOverdue().isEmpty)
        let all = try events()
        #expect(all.count == 2 && all[1].contains("\"stage\":\"resolve\""))
        // Resolved: no longer late.
        _ = try app.reviewReport(coordinator, id: late, .dispatch(agency: "拱墅区城管局", note: ""))
        _ = try app.reviewReport(coordinator, id: late, .resolve(note: ""))
        #expect(try app.overdueReports(coordinator).isEmpty)
    }

    @Test("reports overdue on the command line: JSON rows with due_at and late_hours, the latest first")
    func cli() throws {
        let setup = try ReportsTests.Setup()
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        #expect(try setup.sandbox.run(["reports", "overdue", "--json"], token: setup.coordinator).array().isEmpty)
        try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").write { db in
            try db.execute(sql: "DROP TRIGGER report_history_no_update")  // the fixture moves the history back in time
            try db.execute(sql: "UPDATE report_history SET at = '2020-01-01T00:00:00Z' WHERE report_id = ?", arguments: [report])
        }
        let rows = try setup.sandbox.run(["reports", "overdue", "--json"], token: setup.coordinator).array()
        #expect(rows.count == 1 && rows[0]["report_id"] as? String == report && rows[0]["stage"] as? String == "review")
        #expect(rows[0]["due_at"] as? String == "2020-01-02T00:00:00Z" && (rows[0]["late_hours"] as? Double ?? 0) > 40_000)
    }
}
