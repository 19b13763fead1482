import Foundation
import GRDB

/// After a stress run, the counts that must agree: claims with capacity, holds with balances, events with
/// deliveries and with what the receiver got, and the database with what the workers were told.
struct StressReconcile {
    let fixture: StressFixture
    let tally: OperationTally
    let received: [Receiver.Record]

    struct Finding {
        let check: String
        let figures: String
        let problems: [String]
    }

    func findings() throws -> [Finding] {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: fixture.data + "/tuanju.sqlite", configuration: configuration)
        return try queue.read { db in
            [try claims(db), try holds(db), try events(db), try records(db)]
        }
    }

    /// tasks.claimed = active claims ≤ capacity, for every posting.
    func claims(_ db: Database) throws -> Finding {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.claimed, t.capacity, (SELECT count(*) FROM claims c WHERE c.task_id = t.id AND c.state = 'active') AS active
            FROM tasks t
            """)
        let problems = rows.compactMap { row -> String? in
            let claimed: Int = row["claimed"], active: Int = row["active"], capacity: Int = row["capacity"]
            return claimed == active && active <= capacity ? nil : "task \(row["id"] as String): claimed \(claimed), active \(active), capacity \(capacity)"
        }
        let active = rows.reduce(0) { $0 + ($1["active"] as Int) }
        let seats = rows.reduce(0) { $0 + ($1["capacity"] as Int) }
        return Finding(check: "claims vs capacity", figures: "\(active) active claims on \(seats) seats of \(rows.count) postings", problems: problems)
    }

    /// Each rider's held points are the pending requests' points; the balance is the award less what was
    /// fulfilled; nobody has less than nothing available.
    func holds(_ db: Database) throws -> Finding {
        var problems: [String] = []
        let riders = fixture.riders.flatMap { $0 }
        for rider in riders {
            let row = try Row.fetchOne(db, sql: """
                SELECT a.balance, a.held,
                  (SELECT coalesce(sum(points), 0) FROM redemptions WHERE rider_id = ? AND state = 'pending') AS pending,
                  (SELECT coalesce(sum(points), 0) FROM redemptions WHERE rider_id = ? AND state = 'fulfilled') AS spent
                FROM accounts a WHERE a.rider_id = ?
                """, arguments: [rider.id, rider.id, rider.id])
            guard let row else { problems.append("rider \(rider.id) has no account"); continue }
            let balance: Int = row["balance"], held: Int = row["held"], pending: Int = row["pending"], spent: Int = row["spent"]
            if held != pending { problems.append("rider \(rider.id): held \(held), pending requests \(pending)") }
            if balance != StressFixture.pointsPerRider - spent {
                problems.append("rider \(rider.id): balance \(balance), expected \(StressFixture.pointsPerRider) − \(spent)")
            }
            if balance - held < 0 { problems.append("rider \(rider.id): available \(balance - held)") }
        }
        problems += try String.fetchAll(db, sql: """
            SELECT 'redemption ' || r.id || ' is ' || r.state || ' but its hold is ' || h.state
            FROM redemptions r JOIN holds h ON h.id = r.hold_id WHERE (r.state = 'pending') <> (h.state = 'pending')
            """)
        let pendingHolds = try Int.fetchOne(db, sql: "SELECT count(*) FROM holds WHERE state = 'pending'") ?? 0
        let states = try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM redemptions GROUP BY state ORDER BY state")
            .map { "\($0["n"] as Int) \($0["state"] as String)" }.joined(separator: ", ")
        return Finding(check: "holds vs balances", figures: "\(riders.count) riders; \(pendingHolds) pending holds; requests: \(states)",
                       problems: problems)
    }

    /// Every event after the endpoint was added was fanned out once to it and delivered; every delivered
    /// event arrived at the receiver, signed, under its own id.
    func events(_ db: Database) throws -> Finding {
        var problems: [String] = []
        let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM outbox") ?? 0
        let cursor = try Int64.fetchOne(db, sql: "SELECT seq FROM webhook_cursor WHERE id = 1") ?? 0
        if cursor != last { problems.append("fan-out cursor at \(cursor), outbox at \(last)") }
        let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE seq > ?", arguments: [fixture.subscribedAfterSeq]) ?? 0
        let wrong = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM outbox o WHERE o.seq > ?
              AND (SELECT count(*) FROM webhook_deliveries d WHERE d.event_seq = o.seq AND d.endpoint_id = ?) <> 1
            """, arguments: [fixture.subscribedAfterSeq, fixture.endpointID]) ?? 0
        if wrong > 0 { problems.append("\(wrong) events without exactly one delivery") }
        let undelivered = try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries WHERE state <> 'delivered'") ?? 0
        if undelivered > 0 { problems.append("\(undelivered) deliveries not delivered") }
        let delivered = Set(try String.fetchAll(db, sql: """
            SELECT o.event_id FROM webhook_deliveries d JOIN outbox o ON o.seq = d.event_seq WHERE d.state = 'delivered'
            """))
        let arrived = Set(received.filter { $0.status == 204 && $0.valid == true }.compactMap(\.id))
        let missing = delivered.subtracting(arrived)
        if !missing.isEmpty { problems.append("\(missing.count) delivered events never arrived, e.g. \(missing.first!)") }
        let strangers = arrived.subtracting(Set(try String.fetchAll(db, sql: "SELECT event_id FROM outbox")))
        if !strangers.isEmpty { problems.append("\(strangers.count) requests under ids that are no event") }
        if received.contains(where: { $0.valid != true }) { problems.append("requests with a bad signature") }
        let repeats = received.count - arrived.count
        return Finding(check: "events vs deliveries",
                       figures: "\(events) events, \(delivered.count) delivered, \(received.count) requests received (\(repeats) repeats, same webhook-id)",
                       problems: problems)
    }

    /// What the workers were told succeeded is what the database holds.
    func records(_ db: Database) throws -> Finding {
        var problems: [String] = []
        let reports = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? 0
        let notes = try Int.fetchOne(db, sql: "SELECT count(DISTINCT note) FROM reports") ?? 0
        let submitted = tally.count(.report).ok
        if reports != submitted { problems.append("\(reports) reports stored, \(submitted) submissions succeeded") }
        if notes != reports { problems.append("\(reports - notes) reports stored twice") }
        let redemptions = try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions") ?? 0
        if redemptions != tally.count(.redeem).ok {
            problems.append("\(redemptions) redemption requests stored, \(tally.count(.redeem).ok) succeeded")
        }
        let photos = try Int.fetchOne(db, sql: "SELECT count(DISTINCT sha256) FROM report_photos") ?? 0
        return Finding(check: "records vs replies",
                       figures: "\(reports) reports (\(photos) distinct photos), \(redemptions) redemption requests", problems: problems)
    }
}
