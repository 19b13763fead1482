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
}
