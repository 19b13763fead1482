import Foundation
import GRDB
import PhotoFixtures
import Testing
import TuanjuCore
@testable import TuanjuCLI

@Suite("tuanju doctor, audit, backup, privacy")
struct OperationsTests {
    /// A sandbox with some of everything: a claim, a report with a photo, points, a sign-up.
    struct Busy {
        let sandbox: Sandbox
        let coordinator: String
        let rider: (id: String, token: String)
        let report: String

        init() throws {
            sandbox = try Sandbox()
            coordinator = try sandbox.coordinator()
            rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
            let task = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "T", "--capacity", "3"],
                                      token: coordinator)["id"] as! String
            _ = try sandbox.ok(["tasks", "claim", task], token: rider.token)
            let photo = try sandbox.file("p.jpg", bytes: PhotoFixtures.jpeg(width: 32, height: 24, seed: 2))
            report = try sandbox.ok(["reports", "submit", "--category", "road-damage", "--lat", "30.29", "--lon", "120.17",
                                     "--photo", photo], token: rider.token)["id"] as! String
            _ = try sandbox.ok(["activities", "signup", "ses-health-1"], token: rider.token)
        }

        func doctor() -> RunResult { sandbox.run(["doctor", "--json"], token: sandbox.adminToken) }

        func raw(_ sql: String) throws {
            let queue = try sandbox.database()
            try queue.write { db in try db.execute(sql: sql) }
        }
    }

    @Test("doctor passes on a healthy data directory and lists every check")
    func healthy() throws {
        let busy = try Busy()
        let result = busy.doctor()
        #expect(result.exit == 0, "\(result.stdout) \(result.stderr)")
        let object = try result.object()
        #expect(object["ok"] as? Bool == true)
        #expect((object["checks"] as? [String])?.count == 8)
    }

    @Test("doctor finds a missing photo, a seat counter out of step and an unindexed point, exit 1")
    func findsProblems() throws {
        let busy = try Busy()
        let photos = busy.sandbox.data + "/photos"
        let file = (FileManager.default.enumerator(atPath: photos)?.allObjects as? [String])?.first { $0.hasSuffix(".jpg") }
        try FileManager.default.removeItem(atPath: photos + "/" + (file ?? "missing"))
        try busy.raw("UPDATE tasks SET claimed = 0")
        try busy.raw("DELETE FROM service_points_rtree WHERE rid = (SELECT min(rid) FROM service_points)")
        let result = busy.doctor()
        #expect(result.exit == 1)
        let problems = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["problems"] as? [[String: Any]] ?? []
        let checks = Set(problems.compactMap { $0["check"] as? String })
        #expect(checks == ["photos", "claims", "map_index"], "\(problems)")
    }

    @Test("Staff actions are in the audit log with who, what, which record and the command; the log is append-only")
    func audit() throws {
        let busy = try Busy()
        _ = try busy.sandbox.ok(["reports", "review", busy.report, "--accept"], token: busy.coordinator)
        let entries = try busy.sandbox.run(["audit", "list", "--json"], token: busy.sandbox.adminToken).array()
        let review = try #require(entries.first { $0["action"] as? String == "report.reviewed" })
        #expect(review["target"] as? String == busy.report)
        #expect(review["command"] as? String == "tuanju reports review")
        #expect(review["actor_role"] as? String == "coordinator")
        #expect(entries.contains { $0["action"] as? String == "task.created" })
        // Riders' own actions are their records, not audit entries.
        #expect(!entries.contains { $0["action"] as? String == "report.submitted" })
        #expect(throws: (any Error).self) { try busy.raw("UPDATE audit_log SET actor_id = 'x'") }
        #expect(throws: (any Error).self) { try busy.raw("DELETE FROM audit_log") }
    }

    @Test("A backup taken while riders keep claiming restores into a healthy, identical data directory")
    func backupRestore() throws {
        let busy = try Busy()
        let coordinator = busy.coordinator
        let riders = try (0..<8).map { try busy.sandbox.rider("R\($0)", phone: "1350000000\($0)", coordinator: coordinator) }
        let task = try busy.sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "B", "--capacity", "8"],
                                       token: coordinator)["id"] as! String
        let claims = riders.map { ["tasks", "claim", task, "--data", busy.sandbox.data, "--token", $0.token] }
        let destination = busy.sandbox.root + "/backup"
        let writers = DispatchGroup()
        writers.enter()
        Thread {
            _ = try? TuanjuProcess.runConcurrently(claims)
            writers.leave()
        }.start()
        let backup = busy.sandbox.run(["backup", destination, "--json"], token: busy.sandbox.adminToken)
        #expect(backup.exit == 0, "\(backup.stderr)")
        #expect((try backup.object())["photos"] as? Int == 1)
        writers.wait()
        let restored = busy.sandbox.root + "/restored"
        let restore = TuanjuCLI.run(["restore", destination, "--data", restored], console: CapturedOutput().console(environment: [:]))
        #expect(restore == 0)
        let again = TuanjuCLI.run(["restore", destination, "--data", restored], console: CapturedOutput().console(environment: [:]))
        #expect(again == 65)
        let output = CapturedOutput()
        #expect(TuanjuCLI.run(["doctor", "--data", restored, "--token", busy.sandbox.adminToken], console: output.console(environment: [:])) == 0,
                "\(output.stdout) \(output.stderr)")
        let count = try DatabaseQueue(path: restored + "/tuanju.sqlite").read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") }
        #expect(count == 1)
        try busy.sandbox.expectRefusal(["backup", destination], token: busy.sandbox.adminToken, exit: 65)
    }

    @Test("privacy purge removes old rejected reports' photos and positions, keeps the rows")
    func purge() throws {
        let busy = try Busy()
        _ = try busy.sandbox.ok(["reports", "review", busy.report, "--reject", "--reason", "不清楚"], token: busy.coordinator)
        let dry = try busy.sandbox.ok(["privacy", "purge", "--dry-run"], token: busy.sandbox.adminToken)
        #expect(dry["reports"] as? Int == 0)
        try busy.raw("UPDATE reports SET updated_at = '2020-01-01T00:00:00Z'")
        // The file must be older than an hour too (a submission in flight writes its photo first).
        let photos = busy.sandbox.data + "/photos"
        for file in (FileManager.default.enumerator(atPath: photos)?.allObjects as? [String]) ?? [] where file.hasSuffix(".jpg") {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: photos + "/" + file)
        }
        let purged = try busy.sandbox.ok(["privacy", "purge"], token: busy.sandbox.adminToken)
        #expect(purged["reports"] as? Int == 1 && purged["photos"] as? Int == 1)
        let shown = try busy.sandbox.ok(["reports", "show", busy.report], token: busy.coordinator)
        #expect(shown["lat"] is NSNull || shown["lat"] == nil)
        #expect((shown["photos"] as? [String])?.isEmpty == true)
        #expect(busy.doctor().exit == 0)
    }

    @Test("privacy erase: the profile is gone for good, claims, requests, sign-ups and answers end, the ledger still adds up")
    func erase() throws {
        let busy = try Busy()
        let sandbox = busy.sandbox
        _ = try sandbox.ok(["points", "award", "--rider", busy.rider.id, "--amount", "50", "--reason", "r"], token: busy.coordinator)
        let reward = try sandbox.ok(["rewards", "add", "--name", "R", "--cost", "10", "--stock", "5"], token: busy.coordinator)["id"] as! String
        _ = try sandbox.ok(["rewards", "redeem", reward], token: busy.rider.token)
        let answers = try sandbox.file("a.json", EngagementCLITests.valid)
        _ = try sandbox.ok(["surveys", "answer", "needs", "--answers", answers], token: busy.rider.token)
        // Someone waits for the rider's place on the session.
        try busy.raw("UPDATE activity_sessions SET capacity = 1 WHERE id = 'ses-health-1'")
        let waiting = try sandbox.rider("王", phone: "13912345678", coordinator: busy.coordinator)
        #expect(try sandbox.ok(["activities", "signup", "ses-health-1"], token: waiting.token)["state"] as? String == "waiting")

        let dry = try sandbox.ok(["privacy", "erase", busy.rider.id, "--dry-run"], token: sandbox.adminToken)
        #expect(dry["claims_ended"] as? Int == 1 && dry["redemptions_cancelled"] as? Int == 1)
        #expect(dry["signups_cancelled"] as? Int == 1 && dry["survey_responses_deleted"] as? Int == 1)
        #expect(dry["balance"] as? Int == 50 && dry["dry_run"] as? Bool == true)
        #expect(try sandbox.snapshot().contains("13812341234"), "a dry run changes nothing")

        let erased = try sandbox.ok(["privacy", "erase", busy.rider.id], token: sandbox.adminToken)
        #expect(erased["claims_ended"] as? Int == 1 && erased["balance"] as? Int == 50 && erased["dry_run"] as? Bool == false)
        // The phone number and the name are nowhere in the database any more.
        let everything = try sandbox.snapshot()
        #expect(!everything.contains("13812341234"))
        let shown = try sandbox.ok(["riders", "show", busy.rider.id], token: busy.coordinator)
        #expect(shown["name"] as? String == "已注销" && shown["phone"] as? String == "" && shown["active"] as? Bool == false)
        // The pseudonymous account keeps its points; the old token is dead; the ledger and counters check out.
        #expect(try sandbox.ok(["points", "balance", "--rider", busy.rider.id], token: busy.coordinator)["balance"] as? Int == 50)
        #expect(sandbox.run(["points", "balance", "--json"], token: busy.rider.token).exit == 77)
        let attendees = try sandbox.run(["activities", "attendees", "ses-health-1", "--json"], token: busy.coordinator).array()
        #expect(attendees.contains { $0["rider_id"] as? String == waiting.id && $0["state"] as? String == "confirmed" },
                "the waiting rider moved up: \(attendees)")
        let doctor = busy.doctor()
        #expect(doctor.exit == 0, "\(doctor.stdout)")
        // The phone may register again, as a new rider; the erased profile cannot change.
        let again = try sandbox.rider("李", phone: "13812341234", coordinator: busy.coordinator)
        #expect(again.id != busy.rider.id)
        try sandbox.expectRefusal(["riders", "update", busy.rider.id, "--name", "X"], token: busy.coordinator, exit: 1, code: "invalid_state")
        try sandbox.expectRefusal(["riders", "reactivate", busy.rider.id], token: busy.coordinator, exit: 1, code: "invalid_state")
        let audit = sandbox.run(["audit", "list", "--json"], token: sandbox.adminToken).stdout
        #expect(audit.contains("rider.erased") && audit.contains("privacy erase"), "\(audit)")
    }

    @Test("privacy erase refuses an unknown or already erased rider, changing nothing")
    func eraseRefusals() throws {
        let busy = try Busy()
        try busy.sandbox.expectRefusal(["privacy", "erase", "rdr_nobody"], token: busy.sandbox.adminToken, exit: 1, code: "not_found")
        _ = try busy.sandbox.ok(["privacy", "erase", busy.rider.id], token: busy.sandbox.adminToken)
        try busy.sandbox.expectRefusal(["privacy", "erase", busy.rider.id], token: busy.sandbox.adminToken, exit: 1, code: "invalid_state")
        try busy.sandbox.expectRefusal(
            ["privacy", "erase", busy.rider.id, "--dry-run"], token: busy.sandbox.adminToken, exit: 1, code: "invalid_state")
    }
}
