import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("Seeded sessions are dated from the install, so the sample programme never expires")
struct SeedDatesTests {
    /// The service over a sandbox's data with its clock `minutes` after `session` starts: the seeded sessions start
    /// weeks after the install, whenever that was, so a test reads the start instead of naming a date.
    static func app(_ sandbox: Sandbox, minutes: Double = 30, afterStartOf session: String) throws -> Tuanju {
        let starts = try sandbox.database().read { db in
            try String.fetchOne(db, sql: "SELECT starts_at FROM activity_sessions WHERE id = ?", arguments: [session])
        }
        let date = try #require(starts.flatMap(Timestamp.parse), "no session \(session)")
        return try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(date.addingTimeInterval(minutes * 60)))
    }

    @Test("An install in 2031 lists every seeded session ahead, weeks out in China time, and a rider signs up for one")
    func installFarAhead() throws {
        // Given an install on 2031-03-10 at 23:30 China time (still the 10th there, already 15:30 UTC).
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-seed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let installed = try #require(Timestamp.parse("2031-03-10T23:30:00+08:00"))
        let (app, result) = try Tuanju.initialize(DataDirectory(path: root), clock: .fixed(installed))
        #expect(result.seedLoaded.contains("activities"))
        let admin = try app.authenticate(token: result.adminToken)

        // Then every seeded session is ahead, the first five weeks out at 14:00 China time, spacing kept.
        let sessions = try app.activitySessions(admin, kind: nil).rows.map(\.session)
        let starts = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, $0.startsAt) })
        #expect(starts == [
            "ses-health-1": "2031-04-14T06:00:00Z", "ses-affairs-1": "2031-04-17T11:00:00Z", "ses-health-2": "2031-04-21T06:00:00Z",
            "ses-skills-1": "2031-04-25T07:00:00Z", "ses-skills-2": "2031-05-09T07:00:00Z",
        ])
        #expect(sessions.first { $0.id == "ses-health-1" }?.endsAt == "2031-04-14T09:00:00Z")
        #expect(sessions.first { $0.id == "ses-skills-1" }?.capacity == 2)

        // When a rider signs up for the session the demo uses, the place is theirs.
        let issued = try app.registerRider(admin, name: "林骑手", phone: "13900001111", platform: "meituan", partyMember: false, branch: nil)
        let rider = try app.authenticate(token: issued.token)
        #expect(try app.signUp(rider, sessionID: "ses-health-2").state == .confirmed)
        #expect(try app.signUp(rider, sessionID: "ses-health-1").state == .confirmed)
    }

    @Test("init refuses a malformed session time with 65, naming the session and the field, and writes nothing", arguments: [
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": -1, \"at\": \"14:00\"}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": 367, \"at\": \"14:00\"}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": \"35\", \"at\": \"14:00\"}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": 35.5, \"at\": \"14:00\"}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": 35, \"at\": \"24:00\"}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": 35, \"at\": \"2pm\"}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": 35}, \"ends\"", "\"starts\""),
        ("\"in_days\": 35, \"at\": \"14:00\"}, \"ends\"", "\"in_days\": 35, \"at\": \"14:00\", \"zone\": \"UTC\"}, \"ends\"", "\"starts\""),
        ("\"starts\": {\"in_days\": 35, \"at\": \"14:00\"}", "\"starts_at\": \"next month\"", "\"starts_at\""),
        ("\"starts\": {\"in_days\": 35, \"at\": \"14:00\"}", "\"starts_at\": \"2030-01-09T14:00:00\"", "\"starts_at\""),
        ("\"starts\": {\"in_days\": 35, \"at\": \"14:00\"}",
         "\"starts\": {\"in_days\": 35, \"at\": \"14:00\"}, \"starts_at\": \"2030-01-09T14:00:00+08:00\"", "exactly one of"),
        ("\"starts\": {\"in_days\": 35, \"at\": \"14:00\"}, ", "", "exactly one of"),
        ("\"ends\": {\"in_days\": 35, \"at\": \"17:00\"}", "\"ends\": {\"in_days\": 35, \"at\": \"14:00\"}", "not after its start"),
    ])
    func malformed(old: String, new: String, named: String) throws {
        let sandbox = try Sandbox(initialize: false)
        let seed = try SeedBoundsTests.seed("activities.json", replacing: old, with: new, in: sandbox.root)
        let result = sandbox.run(["init", "--seed", seed, "--json", "--lang", "en"])
        #expect(result.exit == 65, "\(new): \(result.stderr)")
        #expect(result.errorCode == "invalid_input", "\(result.stderr)")
        let error = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        let message = try #require((error?["error"] as? [String: Any])?["message"] as? String, "\(result.stderr)")
        #expect(message.hasPrefix("activities.json: session ses-health-1") && message.contains(named), "\(message)")
        // One transaction: no seed part, no admin.
        let written = try sandbox.database().read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM seed_loads) + (SELECT count(*) FROM users) + (SELECT count(*) FROM activity_sessions)")
        }
        #expect(written == 0)
    }

    @Test("A subdistrict's own seed may still give absolute times, in any zone; they are stored in UTC")
    func absoluteTimes() throws {
        let sandbox = try Sandbox(initialize: false)
        let seed = try SeedBoundsTests.seed(
            "activities.json", replacing: "\"starts\": {\"in_days\": 35, \"at\": \"14:00\"}, \"ends\": {\"in_days\": 35, \"at\": \"17:00\"}",
            with: "\"starts_at\": \"2030-01-09T14:00:00+08:00\", \"ends_at\": \"2030-01-09T09:00:00Z\"", in: sandbox.root)
        let result = sandbox.run(["init", "--seed", seed, "--json"])
        #expect(result.exit == 0, "\(result.stderr)")
        let stored = try sandbox.database().read { db in
            try Row.fetchOne(db, sql: "SELECT starts_at, ends_at FROM activity_sessions WHERE id = 'ses-health-1'")
        }
        #expect(stored?[0] as String? == "2030-01-09T06:00:00Z" && stored?[1] as String? == "2030-01-09T09:00:00Z")
    }
}
