import Foundation
import GRDB
import Synchronization
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

/// A clock the test sets to named instants.
final class SetClock: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date) { value = Mutex(start) }
    var clock: Clock { Clock(now: { [self] in value.withLock { $0 } }) }
    func set(_ date: Date) { value.withLock { $0 = date } }
}

@Suite("Reminders: sessions 24 h and 2 h ahead, holds about to expire, quiet hours, each once")
struct ReminderTests {
    /// `2030-03-05 14:00` in Asia/Shanghai.
    static func sh(_ text: String) -> Date {
        Timestamp.parse(text.replacingOccurrences(of: " ", with: "T") + ":00+08:00")!
    }

    /// A data directory with a coordinator, riders, an activity, and the service on a clock the test sets.
    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let riders: [(id: String, token: String)]
        let activity: String
        let clock: SetClock
        let app: Tuanju

        init(riders count: Int = 3, at start: Date) throws {
            sandbox = try Sandbox()
            coordinator = try sandbox.coordinator()
            let s = sandbox, c = coordinator
            riders = try (0..<count).map { try s.rider("骑手\($0)", phone: "1360000\(String(format: "%04d", $0))", coordinator: c) }
            activity = try sandbox.ok(["activities", "add", "--kind", "skills", "--title", "Skills camp", "--title-zh", "技能训练营"],
                                      token: coordinator)["id"] as! String
            clock = SetClock(start)
            app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: clock.clock)
        }

        func schedule(_ starts: Date, capacity: Int) throws -> String {
            let staff = try app.authenticate(token: coordinator)
            return try app.scheduleSession(staff, activityID: activity, Tuanju.SessionRequest(
                startsAt: starts, endsAt: starts.addingTimeInterval(7200), place: "文晖街道党群服务中心", capacity: capacity)).session.id
        }

        func signUp(_ rider: Int, _ session: String) throws {
            _ = try app.signUp(try app.authenticate(token: riders[rider].token), sessionID: session)
        }

        /// One pass at `time`.
        func pass(_ time: String) throws -> SchedulerPass {
            clock.set(ReminderTests.sh(time))
            return try app.runSchedulerPass()
        }

        func inbox(_ rider: Int) throws -> [[String: Any]] {
            try sandbox.run(["inbox", "--json"], token: riders[rider].token).array()
        }

        func outbox(_ type: String) throws -> [String] {
            try sandbox.database().read { db in
                try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = ? ORDER BY seq", arguments: [type])
            }
        }
    }

    @Test("A session's riders with a place get a reminder 24 h and 2 h before, in their language, once each; the waitlist does not")
    func sessionReminders() throws {
        // Given a session for two starting 2030-03-05 14:00, two riders with a place (one reads English) and one waiting
        let setup = try Setup(at: Self.sh("2030-03-03 09:00"))
        _ = try setup.sandbox.ok(["riders", "update", "--inbox-lang", "en"], token: setup.riders[0].token)
        let session = try setup.schedule(Self.sh("2030-03-05 14:00"), capacity: 2)
        for rider in 0..<3 { try setup.signUp(rider, session) }

        // When the scheduler passes before, at and after the 24 h mark
        #expect(try setup.pass("2030-03-04 13:59").sessionReminders == 0)
        #expect(try setup.pass("2030-03-04 14:00").sessionReminders == 2)
        #expect(try setup.pass("2030-03-04 14:00").sessionReminders == 0)
        #expect(try setup.pass("2030-03-04 18:00").sessionReminders == 0)

        // Then each rider with a place has one, in their language, naming the start in Beijing time
        let english = try setup.inbox(0)
        #expect(english.map { $0["template"] as? String } == ["activity.session_reminder"])
        #expect(english.first?["text"] as? String == "Reminder: session \(session) at 文晖街道党群服务中心 starts at 2030-03-05 14:00.")
        #expect(try setup.inbox(1).first?["text"] as? String == "提醒:您报名的活动场次 \(session) 将于 2030-03-05 14:00 在文晖街道党群服务中心开始。")
        #expect(try setup.inbox(2).isEmpty)

        // The 2 h reminder is due at 12:00, inside the default lunch peak: it waits until 13:00
        #expect(try setup.pass("2030-03-05 12:00").sessionReminders == 0)
        #expect(try setup.pass("2030-03-05 12:59").sessionReminders == 0)
        #expect(try setup.pass("2030-03-05 13:00").sessionReminders == 2)
        #expect(try setup.pass("2030-03-05 13:30").sessionReminders == 0)
        #expect(try setup.pass("2030-03-05 14:00").sessionReminders == 0)
        #expect(try setup.inbox(1).count == 2 && setup.inbox(2).isEmpty)

        // One event per reminder (lead 24, then 2), each with its notification.created
        let events = try setup.outbox("activity.session_reminder")
        #expect(events.count == 4)
        #expect(events.prefix(2).allSatisfy { $0.contains("\"lead_hours\":24") } && events.suffix(2).allSatisfy { $0.contains("\"lead_hours\":2") })
        #expect(try setup.outbox("notification.created").filter { $0.contains("activity.session_reminder") }.count == 4)
    }

    @Test("Quiet hours with an injected clock: due at 11:30 is delivered at 13:00; one that would land after the start is not sent")
    func quietHours() throws {
        // Given a session at 13:30 and three riders who signed up at 10:00 (after the 24 h mark: no 24 h reminder)
        let setup = try Setup(at: Self.sh("2030-03-05 10:00"))
        let sandbox = setup.sandbox
        #expect(try sandbox.ok(["riders", "update", "--quiet-hours", "11:00-14:00"], token: setup.riders[1].token)["quiet_hours"] as? String
                == "11:00-14:00")
        #expect(try sandbox.ok(["riders", "update", "--quiet-hours", "none"], token: setup.riders[2].token)["quiet_hours"] as? String == "none")
        #expect(try sandbox.ok(["riders", "show"], token: setup.riders[0].token)["quiet_hours"] as? String == "11:00-13:00,17:00-19:30")
        let session = try setup.schedule(Self.sh("2030-03-05 13:30"), capacity: 5)
        for rider in 0..<3 { try setup.signUp(rider, session) }

        // The 2 h reminder is due at 11:30: the rider without quiet hours gets it then
        #expect(try setup.pass("2030-03-05 11:29").sessionReminders == 0)
        #expect(try setup.pass("2030-03-05 11:30").sessionReminders == 1)
        #expect(try setup.inbox(2).count == 1)
        // The default quiet hours end at 13:00: delivered then, still before the start
        #expect(try setup.pass("2030-03-05 12:59").sessionReminders == 0)
        #expect(try setup.pass("2030-03-05 13:00").sessionReminders == 1)
        let delivered = try #require(try setup.inbox(0).first)
        #expect(delivered["created_at"] as? String == Timestamp.iso(Self.sh("2030-03-05 13:00")))
        // Quiet until 14:00 would be after the 13:30 start: never sent, not even late
        #expect(try setup.pass("2030-03-05 13:29").sessionReminders == 0)
        #expect(try setup.pass("2030-03-05 14:00").sessionReminders == 0)
        #expect(try setup.inbox(1).isEmpty)

        // A scheduler that was down past the 24 h mark's deadline sends only the 2 h reminder, not a stale one
        let later = try setup.schedule(Self.sh("2030-03-07 15:00"), capacity: 5)
        try setup.signUp(2, later)
        #expect(try setup.pass("2030-03-07 14:00").sessionReminders == 1)
        let laterEvents = try setup.outbox("activity.session_reminder").filter { $0.contains(later) }
        #expect(laterEvents.count == 1 && laterEvents[0].contains("\"lead_hours\":2"))
    }

    @Test("Two schedulers on one data directory, many passes, then a restart: every reminder exactly once")
    func twoSchedulers() throws {
        // Given 4 sessions over two days and 4 riders on each
        let setup = try Setup(riders: 4, at: Self.sh("2030-03-01 08:00"))
        let starts = ["2030-03-02 09:00", "2030-03-02 15:00", "2030-03-03 10:00", "2030-03-03 20:00"]
        let sessions = try starts.map { try setup.schedule(Self.sh($0), capacity: 10) }
        for session in sessions { for rider in 0..<4 { try setup.signUp(rider, session) } }

        // When two schedulers (each its own database pool, as two processes have) pass at once, every 10 minutes
        let second = try Tuanju.open(DataDirectory(path: setup.sandbox.data), clock: setup.clock.clock)
        let schedulers = [setup.app, second]
        let sent = Mutex(0)
        let failures = Mutex<[String]>([])
        var moment = Self.sh("2030-03-01 08:00")
        while moment < Self.sh("2030-03-04 00:00") {
            setup.clock.set(moment)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                for _ in 0..<2 {
                    do {
                        let pass = try schedulers[index].runSchedulerPass()
                        sent.withLock { $0 += pass.sessionReminders }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            moment.addTimeInterval(600)
        }

        // Then each (kind, session, rider) was sent once: 4 sessions × 4 riders × (24 h + 2 h)
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(sent.withLock { $0 } == 32)
        let counts = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM reminders_sent")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications WHERE template = 'activity.session_reminder'")!,
             // Each event names its rider, session and lead: 32 different ones.
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT payload) FROM outbox WHERE type = 'activity.session_reminder'")!)
        }
        #expect(counts.0 == 32 && counts.1 == 32 && counts.2 == 32)
        #expect(try setup.outbox("activity.session_reminder").count == 32)

        // A restart (a new process on the same data directory) at any moment sends nothing again
        for time in starts.map(Self.sh) {
            for offset: TimeInterval in [-24 * 3600, -2 * 3600, -60] {
                let restarted = try Tuanju.open(DataDirectory(path: setup.sandbox.data), clock: .fixed(time.addingTimeInterval(offset)))
                #expect(try restarted.runSchedulerPass().sessionReminders == 0)
            }
        }
        #expect(try setup.outbox("activity.session_reminder").count == 32)
    }
}
