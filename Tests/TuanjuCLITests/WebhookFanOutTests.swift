import Foundation
import GRDB
import Notifier
import Synchronization
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

/// A transport whose answer depends on the event alone (its `webhook-id`), whatever order the sender's threads
/// call it in: a status of 200, 201 or 204 and a duration of 0 to 4 ms.
final class PerEventTransport: WebhookTransport, Sendable {
    let sent = Mutex<[String]>([])

    static func answer(_ eventID: String) -> PostResult {
        let sum = eventID.utf8.reduce(0) { $0 + Int($1) }
        return PostResult(status: [200, 201, 204][sum % 3], retryAfter: nil, error: nil, durationMs: sum % 5)
    }

    func post(url: String, headers: [(String, String)], body: Data, allowPrivate: Bool) -> PostResult {
        let id = headers.first { $0.0 == "webhook-id" }?.1 ?? ""
        sent.withLock { $0.append(id) }
        return Self.answer(id)
    }
}

@Suite("Webhook fan-out")
struct WebhookFanOutTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Four endpoints: all events; `user.created` only; disabled (its deliveries are held); removed. Then
    /// `events` more events (coordinators created: `user.created`, and what else each makes).
    func setup(events: Int) throws -> Sandbox {
        let sandbox = try Sandbox()
        for (url, events) in [("https://a.example.org/hook", "all"), ("https://b.example.org/hook", "user.created"),
                              ("https://c.example.org/hook", "all"), ("https://d.example.org/hook", "all")] {
            _ = try sandbox.ok(["webhooks", "add", url, "--events", events], token: sandbox.adminToken)
        }
        try sandbox.database().write { db in
            try db.execute(sql: "UPDATE webhook_endpoints SET enabled = 0 WHERE url LIKE 'https://c.%'")
            try db.execute(sql: "UPDATE webhook_endpoints SET removed = 1 WHERE url LIKE 'https://d.%'")
        }
        for index in 0..<events { _ = try sandbox.coordinator("协调员\(index)") }
        return sandbox
    }

    @Test("The deliveries a fan-out hands the drain are those a read of what is due finds: same ids, order, bodies")
    func fanOutHandsWhatIsDue() throws {
        let sandbox = try setup(events: 5)
        try sandbox.database().write { db in
            let (events, handed) = try Deliveries.fanOutDue(db, at: Self.start, limit: 1000)
            #expect(events >= 5)
            let fresh = try #require(handed)
            let read = try Deliveries.due(db, at: Self.start, limit: 1000)
            #expect(fresh.map(\.deliveryID) == read.map(\.deliveryID))
            #expect(fresh.map(\.endpoint.id) == read.map(\.endpoint.id))
            #expect(fresh.map(\.messageID) == read.map(\.messageID))
            #expect(fresh.map(\.eventSeq) == read.map(\.eventSeq))
            #expect(fresh.map(\.body) == read.map(\.body))
            // Both endpoints that hear: every event to the first, the user.created ones to the second too.
            #expect(Set(fresh.map(\.endpoint.url)) == ["https://a.example.org/hook", "https://b.example.org/hook"])
            #expect(fresh.allSatisfy { Identifier.isWellFormed($0.deliveryID, prefix: "dlv") })
            #expect(fresh.map(\.deliveryID) == fresh.map(\.deliveryID).sorted())
            // The disabled endpoint's deliveries are made, held, and not handed; the removed one gets none.
            let states = try Row.fetchAll(db, sql: """
                SELECT e.url, d.state, count(*) AS n FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                GROUP BY e.url, d.state ORDER BY e.url
                """).map { "\($0["url"] as String) \($0["state"] as String)" }
            #expect(states == ["https://a.example.org/hook pending", "https://b.example.org/hook pending", "https://c.example.org/hook held"])
        }
    }

    @Test("A fan-out over deliveries already made (its cursor moved back) hands none, and the drain still sends each once")
    func cursorMovedBack() throws {
        let sandbox = try setup(events: 3)
        let made = try sandbox.database().write { db -> Int in
            try Deliveries.fanOut(db, at: Self.start)
            try db.execute(sql: "UPDATE webhook_cursor SET seq = 0")
            let (_, handed) = try Deliveries.fanOutDue(db, at: Self.start, limit: 1000)
            #expect(handed == nil)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'")!
        }
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(Self.start))
        let transport = PerEventTransport()
        let summary = try app.deliverWebhooks(try app.authenticate(token: sandbox.adminToken), untilIdle: true, maxSeconds: nil,
                                              transport: transport)
        #expect(summary.delivered == made)
        #expect(transport.sent.withLock { $0.count } == made)
    }

    @Test("Successes of different statuses and durations in one batch are each recorded on their own delivery")
    func mixedSuccesses() throws {
        let sandbox = try setup(events: 40)
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(Self.start))
        let summary = try app.deliverWebhooks(try app.authenticate(token: sandbox.adminToken), untilIdle: true, maxSeconds: nil,
                                              transport: PerEventTransport())
        let rows = try sandbox.database().read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.event_id, d.state, d.attempts, d.last_status, d.delivered_at, a.status_code, a.duration_ms, a.error
                FROM webhook_deliveries d JOIN outbox o ON o.seq = d.event_seq JOIN webhook_attempts a ON a.delivery_id = d.id
                """)
        }
        #expect(summary.delivered == rows.count)
        #expect(rows.count > 40)
        #expect(Set(rows.map { $0["last_status"] as Int }).count == 3)
        for row in rows {
            let expected = PerEventTransport.answer(row["event_id"])
            #expect(row["state"] as String == "delivered")
            #expect(row["attempts"] as Int == 1)
            #expect(row["last_status"] as Int? == expected.status)
            #expect(row["status_code"] as Int? == expected.status)
            #expect(row["duration_ms"] as Int == expected.durationMs)
            #expect(row["error"] as String? == nil)
            #expect(row["delivered_at"] as String? == Timestamp.iso(Self.start))
        }
    }

    /// `count` events of a type every endpoint hears, written straight to the outbox.
    func addEvents(_ sandbox: Sandbox, _ count: Int) throws {
        try sandbox.database().write { db in
            for index in 0..<count {
                try db.execute(sql: "INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, 'task.claimed', '{}', ?)",
                               arguments: ["evt_many\(index)", Timestamp.iso(Self.start)])
            }
        }
    }

    /// A sandbox with one endpoint hearing every event, `events` events, and the service at `start`.
    func oneEndpoint(events: Int) throws -> (Sandbox, Tuanju) {
        let sandbox = try Sandbox()
        _ = try sandbox.ok(["webhooks", "add", "https://a.example.org/hook", "--events", "all"], token: sandbox.adminToken)
        try addEvents(sandbox, events)
        return (sandbox, try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(Self.start)))
    }

    @Test("A fan-out stops after the event that brings its deliveries to the limit: with 3 endpoints, a limit of 4 takes 2 events")
    func limitCountsDeliveries() throws {
        let sandbox = try Sandbox()
        for host in ["a", "b", "c"] {
            _ = try sandbox.ok(["webhooks", "add", "https://\(host).example.org/hook", "--events", "all"], token: sandbox.adminToken)
        }
        try addEvents(sandbox, 10)
        try sandbox.database().write { db in
            let (events, handed) = try Deliveries.fanOutDue(db, at: Self.start, limit: 4)
            #expect(events == 2)
            #expect(handed?.count == 6)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries") == 6)
        }
    }

    @Test("One pass (no --until-idle) sends a whole read-ahead, not only the first batches of a drain until idle")
    func onePassReadAhead() throws {
        let (sandbox, app) = try oneEndpoint(events: 600)
        let summary = try app.deliverWebhooks(try app.authenticate(token: sandbox.adminToken), untilIdle: false, maxSeconds: nil,
                                              transport: PerEventTransport())
        #expect(summary.delivered == 600)
    }

    @Test("While deliveries already made fill a refill, new events are fanned out all the same (the outbox backlog is not retries)")
    func fanOutBehindBacklog() throws {
        let (sandbox, app) = try oneEndpoint(events: 10)
        try app.database.write { db in _ = try Deliveries.fanOut(db, at: Self.start) }
        try addEvents(sandbox, 3)  // fewer than a read-ahead: one fan-out takes them all
        var dispatcher = Dispatcher(database: app.database, transport: PerEventTransport(), clock: .fixed(Self.start))
        dispatcher.readAhead = 4
        dispatcher.batchSize = 2
        let summary = try dispatcher.drain(untilIdle: false, maxSeconds: nil)
        #expect(summary.delivered == 4)
        let (cursor, last, deliveries) = try sandbox.database().read { db in
            (try Int.fetchOne(db, sql: "SELECT seq FROM webhook_cursor")!, try Int.fetchOne(db, sql: "SELECT max(seq) FROM outbox")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries")!)
        }
        #expect(cursor == last)
        #expect(deliveries == 13)
    }

    @Test("Events fanned out again after the endpoints changed (cursor moved back): every endpoint has each event once, and the drain sends each once")
    func refanOutAfterEndpointsChanged() throws {
        let sandbox = try Sandbox()
        var ids: [String] = []
        for host in ["a", "b", "c"] {
            ids.append(try sandbox.ok(["webhooks", "add", "https://\(host).example.org/hook", "--events", "all"], token: sandbox.adminToken)["id"] as! String)
        }
        try addEvents(sandbox, 4)
        try sandbox.database().write { db in _ = try Deliveries.fanOut(db, at: Self.start) }
        // a goes (b and c move up a place), d comes (its place is c's old one), and the cursor goes back.
        _ = try sandbox.ok(["webhooks", "remove", ids[0]], token: sandbox.adminToken)
        let added = try sandbox.ok(["webhooks", "add", "https://d.example.org/hook", "--events", "all"], token: sandbox.adminToken)["id"] as! String
        try sandbox.database().write { db in
            try db.execute(sql: "UPDATE webhook_cursor SET seq = 0")
            let (_, handed) = try Deliveries.fanOutDue(db, at: Self.start, limit: 10_000)
            #expect(handed == nil)
        }
        let events = try sandbox.database().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox")! }
        let perEndpoint = try sandbox.database().read { db in
            try Row.fetchAll(db, sql: "SELECT endpoint_id, count(*) AS n, count(DISTINCT event_seq) AS e FROM webhook_deliveries GROUP BY endpoint_id")
        }
        for id in [ids[1], ids[2], added] {
            let row = try #require(perEndpoint.first { $0["endpoint_id"] as String == id })
            #expect(row["n"] as Int == events)
            #expect(row["e"] as Int == events)
        }
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(Self.start))
        let transport = PerEventTransport()
        let summary = try app.deliverWebhooks(try app.authenticate(token: sandbox.adminToken), untilIdle: true, maxSeconds: nil, transport: transport)
        let delivered = try sandbox.database().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries WHERE endpoint_id <> ? AND state = 'delivered'", arguments: [ids[0]])!
        }
        #expect(summary.delivered == delivered)
        #expect(delivered == 3 * events)
        #expect(transport.sent.withLock { $0.count } == summary.delivered)
    }
}
