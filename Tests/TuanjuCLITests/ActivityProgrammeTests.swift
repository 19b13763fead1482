import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju activities add/update/retire/schedule/reschedule/resize/cancel-session")
struct ActivityProgrammeTests {
    /// The service over a sandbox's data at a fixed time (check-in opens when a session starts).
    static func app(_ sandbox: Sandbox, at time: String) throws -> Tuanju {
        let date = try #require(Timestamp.parse(time))
        return try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(date))
    }

    /// A two-hour slot `days` ahead of the real clock, as ISO-8601 text.
    static func future(days: Double, hours: Double = 2) -> (starts: String, ends: String) {
        let starts = Date().addingTimeInterval(days * 86_400).timeIntervalSince1970.rounded()
        return (Timestamp.iso(Date(timeIntervalSince1970: starts)), Timestamp.iso(Date(timeIntervalSince1970: starts + hours * 3600)))
    }

    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let riders: [(id: String, token: String)]
        let activity: String
        let slot: (starts: String, ends: String)

        init(riders count: Int = 3) throws {
            sandbox = try Sandbox()
            coordinator = try sandbox.coordinator()
            let s = sandbox, c = coordinator
            riders = try (0..<count).map { try s.rider("骑手\($0)", phone: "1370000\(String(format: "%04d", $0))", coordinator: c) }
            activity = try sandbox.ok(["activities", "add", "--kind", "skills", "--title", "Skills camp", "--title-zh", "技能训练营"],
                                      token: coordinator)["id"] as! String
            slot = ActivityProgrammeTests.future(days: 30)
        }

        func schedule(capacity: Int, points: Int = 0) throws -> String {
            try sandbox.ok(["activities", "schedule", activity, "--starts", slot.starts, "--ends", slot.ends, "--place", "文晖街道党群服务中心",
                            "--capacity", "\(capacity)", "--points", "\(points)"], token: coordinator)["session_id"] as! String
        }

        func outbox(_ type: String) throws -> [String] {
            try sandbox.database().read { db in
                try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = ? ORDER BY seq", arguments: [type])
            }
        }

        func audit(_ action: String) throws -> Int {
            try sandbox.database().read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = ?", arguments: [action]) ?? 0
            }
        }
    }

    @Test("A coordinator adds, changes and retires an activity, each with its event and audit entry")
    func activityLifecycle() throws {
        let setup = try Setup(riders: 0)
        let updated = try setup.sandbox.ok(["activities", "update", setup.activity, "--description", "电动车安全与急救"], token: setup.coordinator)
        #expect(updated["description"] as? String == "电动车安全与急救" && updated["title_zh"] as? String == "技能训练营")
        let session = try setup.schedule(capacity: 5)
        // Retiring waits until no session ahead is open.
        try setup.sandbox.expectRefusal(["activities", "retire", setup.activity], token: setup.coordinator, exit: 1, code: "invalid_state")
        _ = try setup.sandbox.ok(["activities", "cancel-session", session, "--reason", "场地维修"], token: setup.coordinator)
        let retired = try setup.sandbox.ok(["activities", "retire", setup.activity], token: setup.coordinator)
        #expect(retired["retired_at"] as? String != nil)
        try setup.sandbox.expectRefusal(
            ["activities", "schedule", setup.activity, "--starts", setup.slot.starts, "--ends", setup.slot.ends, "--place", "P",
             "--capacity", "3"], token: setup.coordinator, exit: 1, code: "invalid_state")
        for type in ["activity.created", "activity.updated", "activity.retired", "activity.session_scheduled", "activity.session_cancelled"] {
            #expect(try setup.outbox(type).count == 1, "\(type)")
            #expect(try setup.audit(type) == 1, "\(type)")
        }
    }

    @Test("Capacity 2: the third rider waits; a resize promotes them; a resize below the places taken is refused")
    func resizePromotes() throws {
        let setup = try Setup()
        let session = try setup.schedule(capacity: 2, points: 15)
        let states = try setup.riders.map { try setup.sandbox.ok(["activities", "signup", session], token: $0.token)["state"] as? String }
        #expect(states == ["confirmed", "confirmed", "waiting"])
        try setup.sandbox.expectRefusal(["activities", "resize", session, "--capacity", "1"], token: setup.coordinator, exit: 1,
                                        code: "capacity_below_taken")
        let resized = try setup.sandbox.ok(["activities", "resize", session, "--capacity", "3"], token: setup.coordinator)
        #expect((resized["promoted"] as? [[String: Any]])?.compactMap { $0["rider_id"] as? String } == [setup.riders[2].id])
        #expect((resized["session"] as? [String: Any])?["signed_up"] as? Int == 3)
        #expect(try setup.outbox("activity.promoted").count == 1)
        let (later, laterEnds) = ActivityProgrammeTests.future(days: 32)
        let moved = try setup.sandbox.ok(["activities", "reschedule", session, "--starts", later, "--ends", laterEnds], token: setup.coordinator)
        #expect(moved["signed_up"] as? Int == 3 && moved["starts_at"] as? String == later)
    }

    @Test("Cancelling a session releases every place and waitlist entry, one event per rider")
    func cancelSession() throws {
        let setup = try Setup()
        let session = try setup.schedule(capacity: 2)
        for rider in setup.riders { _ = try setup.sandbox.ok(["activities", "signup", session], token: rider.token) }
        let cancelled = try setup.sandbox.ok(["activities", "cancel-session", session, "--reason", "暴雨预警"], token: setup.coordinator)
        let released = cancelled["released"] as? [[String: Any]] ?? []
        #expect(released.compactMap { $0["rider_id"] as? String } == setup.riders.map(\.id))
        #expect(released.allSatisfy { $0["state"] as? String == "cancelled" })
        let shown = cancelled["session"] as? [String: Any] ?? [:]
        #expect(shown["state"] as? String == "cancelled" && shown["cancel_reason"] as? String == "暴雨预警" && shown["signed_up"] as? Int == 0)
        #expect(try setup.outbox("activity.cancelled").count == 3)
        try setup.sandbox.expectRefusal(["activities", "signup", session], token: setup.riders[0].token, exit: 1, code: "invalid_state")
        try setup.sandbox.expectRefusal(["activities", "cancel-session", session, "--reason", "again"], token: setup.coordinator, exit: 1,
                                        code: "invalid_state")
    }

    @Test("Sign-up closes at the start; check-in opens then and pays the session's points once")
    func checkInPaysOnce() throws {
        let setup = try Setup()
        let session = try setup.schedule(capacity: 5, points: 20)
        _ = try setup.sandbox.ok(["activities", "signup", session], token: setup.riders[0].token)
        _ = try setup.sandbox.ok(["activities", "signup", session], token: setup.riders[1].token)
        try setup.sandbox.expectRefusal(["activities", "checkin", session, setup.riders[0].id], token: setup.coordinator, exit: 1,
                                        code: "invalid_state")
        let starts = try #require(Timestamp.parse(setup.slot.starts))
        let started = try Tuanju.open(DataDirectory(path: setup.sandbox.data), clock: .fixed(starts.addingTimeInterval(60)))
        let late = try started.authenticate(token: setup.riders[2].token)
        let before = try setup.sandbox.snapshot()
        let closed = #expect(throws: (any Error).self) { try started.signUp(late, sessionID: session) }
        #expect((closed as? any TuanjuError)?.code == "signup_closed")
        #expect(try setup.sandbox.snapshot() == before)
        let staff = try started.authenticate(token: setup.coordinator)
        let (signup, awarded) = try started.checkIn(staff, sessionID: session, riderID: setup.riders[0].id)
        #expect(signup.checkedInAt != nil && awarded == 20)
        let again = #expect(throws: (any Error).self) { try started.checkIn(staff, sessionID: session, riderID: setup.riders[0].id) }
        #expect((again as? any TuanjuError)?.code == "already_checked_in")
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.riders[0].token)["balance"] as? Int == 20)
        let keys = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").read { db in
            try String.fetchAll(db, sql: "SELECT key FROM transfers WHERE key LIKE 'session:%'")
        }
        #expect(keys == ["session:\(session):\(setup.riders[0].id)"])
        // The session already begun can no longer change.
        let error = #expect(throws: (any Error).self) { try started.resizeSession(staff, id: session, capacity: 9) }
        #expect((error as? any TuanjuError)?.code == "invalid_state")
    }

    @Test("Riders are refused every programme command with 77; nothing changes")
    func riderRefused() throws {
        let setup = try Setup(riders: 1)
        let session = try setup.schedule(capacity: 2)
        let rider = setup.riders[0].token
        for args in [
            ["activities", "add", "--kind", "health", "--title", "T"],
            ["activities", "update", setup.activity, "--title", "T"],
            ["activities", "retire", setup.activity],
            ["activities", "schedule", setup.activity, "--starts", setup.slot.starts, "--ends", setup.slot.ends, "--place", "P", "--capacity", "2"],
            ["activities", "reschedule", session, "--starts", setup.slot.starts, "--ends", setup.slot.ends],
            ["activities", "resize", session, "--capacity", "3"],
            ["activities", "cancel-session", session, "--reason", "R"],
        ] {
            try setup.sandbox.expectRefusal(args, token: rider, exit: 77, code: "forbidden")
        }
    }

    @Test("Bad input is refused with 65 and changes nothing")
    func badInput() throws {
        let setup = try Setup(riders: 0)
        let session = try setup.schedule(capacity: 2)
        let (starts, ends) = setup.slot
        let past = Timestamp.iso(Date().addingTimeInterval(-86_400))
        for args in [
            ["activities", "add", "--kind", "party", "--title", "T"],
            ["activities", "add", "--kind", "skills", "--title", "  "],
            ["activities", "add", "--kind", "skills", "--title", String(repeating: "长", count: 201)],
            ["activities", "update", setup.activity],
            ["activities", "schedule", setup.activity, "--starts", ends, "--ends", starts, "--place", "P", "--capacity", "2"],
            ["activities", "schedule", setup.activity, "--starts", past, "--ends", ends, "--place", "P", "--capacity", "2"],
            ["activities", "schedule", setup.activity, "--starts", "tomorrow", "--ends", ends, "--place", "P", "--capacity", "2"],
            ["activities", "schedule", setup.activity, "--starts", starts, "--ends", ends, "--place", "P", "--capacity", "0"],
            ["activities", "schedule", setup.activity, "--starts", starts, "--ends", ends, "--place", "", "--capacity", "2"],
            ["activities", "schedule", setup.activity, "--starts", starts, "--ends", ends, "--place", "P", "--capacity", "2", "--points", "10001"],
            ["activities", "reschedule", session, "--starts", ends, "--ends", starts],
            ["activities", "resize", session, "--capacity", "100001"],
            ["activities", "cancel-session", session, "--reason", " "],
        ] {
            try setup.sandbox.expectRefusal(args, token: setup.coordinator, exit: 65, code: "invalid_input")
        }
        try setup.sandbox.expectRefusal(
            ["activities", "schedule", setup.activity, "--starts", starts, "--ends", ends, "--place", "P", "--capacity", "2", "--point", "spt_nope"],
            token: setup.coordinator, exit: 1, code: "not_found")
    }

    @Test("40 processes sign up for 10 places at once: exactly 10 confirmed, 30 waitlisted in the order they queued")
    func concurrentSignups() throws {
        let setup = try Setup(riders: 40)
        let session = try setup.schedule(capacity: 10)
        let commands = setup.riders.map { ["activities", "signup", session, "--json", "--data", setup.sandbox.data, "--token", $0.token] }
        let outcomes = try TuanjuProcess.runConcurrently(commands)
        #expect(outcomes.allSatisfy { $0.exit == 0 }, "\(outcomes.map { "\($0.exit) \($0.stderr)" })")
        #expect(outcomes.filter { $0.stdout.contains("\"confirmed\"") }.count == 10)
        let positions = outcomes.compactMap { outcome -> Int? in
            let object = (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) as? [String: Any]
            return object?["waitlist_position"] as? Int
        }
        #expect(positions.sorted() == Array(1...30))
        // In queue order: every confirmed rider queued before every waiting one, and the waitlist follows the queue.
        let states = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").read { db in
            try String.fetchAll(db, sql: "SELECT state FROM activity_signups WHERE session_id = ? ORDER BY queue_seq", arguments: [session])
        }
        #expect(states == Array(repeating: "confirmed", count: 10) + Array(repeating: "waiting", count: 30))
        let attendees = try setup.sandbox.run(["activities", "attendees", session, "--json"], token: setup.coordinator).array()
        #expect(attendees.compactMap { $0["waitlist_position"] as? Int } == Array(1...30))
    }
}
