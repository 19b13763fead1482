import Foundation
import GRDB
import GRDBSQLite
import Storage
import TuanjuCore

/// One delivery of one event to one endpoint.
public struct WebhookDelivery: Codable, Sendable, Equatable, FetchableRecord {
    public let id: String
    public let endpointId: String
    public let eventSeq: Int64
    public let state: String
    public let attempts: Int
    public let nextAttemptAt: String
    public let lastStatus: Int?
    public let lastError: String?
    public let createdAt: String
    public let deliveredAt: String?

    enum CodingKeys: String, CodingKey {
        case id, state, attempts
        case endpointId = "endpoint_id"
        case eventSeq = "event_seq"
        case nextAttemptAt = "next_attempt_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case createdAt = "created_at"
        case deliveredAt = "delivered_at"
    }
}

/// A due delivery with what is needed to send it. A class: a send worker takes it out of its batch, and a
/// struct copy there retained and released each of the endpoint's strings, the body and the keys (shared by
/// all the workers, so contended), once per delivery.
public final class DueDelivery: Sendable {
    public let deliveryID: String
    public let endpoint: WebhookEndpoint
    /// The outbox event id: the `webhook-id`, the same on every retry.
    public let messageID: String
    public let body: Data
    /// The outbox position of the event: with `deliveryID`, the delivery's place in the drain's order.
    public let eventSeq: Int64
    /// The endpoint's keys, derived once per read.
    public let signer: WebhookSigner

    public init(deliveryID: String, endpoint: WebhookEndpoint, messageID: String, body: Data, eventSeq: Int64, signer: WebhookSigner) {
        self.deliveryID = deliveryID
        self.endpoint = endpoint
        self.messageID = messageID
        self.body = body
        self.eventSeq = eventSeq
        self.signer = signer
    }
}

/// A place in the order `Deliveries.due` reads in: the deliveries after it.
public struct DeliveryCursor: Sendable, Equatable {
    public let eventSeq: Int64
    public let deliveryID: String

    public init(_ last: DueDelivery) {
        eventSeq = last.eventSeq
        deliveryID = last.deliveryID
    }
}

/// When a failed delivery is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, each ±20%; then it is dead.
public struct RetryPolicy: Sendable {
    public var delays: [TimeInterval] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000]
    public var jitter = 0.2
    /// An endpoint failing continuously this long is disabled and its deliveries held.
    public var disableAfter: TimeInterval = 5 * 86_400

    public init() {}

    /// The longest `Retry-After` honoured: the receiver's header is input, and 2^63 − 1 seconds would park a
    /// delivery in the year 500,000 (its `next_attempt_at` text then sorts after every real time).
    public static let maxRetryAfter = 86_400

    /// The delay before attempt `attempts + 1`, or nil when the delivery is dead.
    public func delay(afterAttempts attempts: Int, retryAfter: Int?, random: Double) -> TimeInterval? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        let base = delays[attempts - 1] * (1 + jitter * (2 * random - 1))
        if let retryAfter { return max(base, Double(min(max(retryAfter, 0), Self.maxRetryAfter))) }
        return base
    }
}

/// The delivery rules. Each runs inside the caller's transaction.
public enum Deliveries {
    /// Turns outbox events after the durable cursor into deliveries, one per subscribed endpoint, and moves
    /// the cursor, in the caller's transaction: an event is fanned out once, whatever crashes around it. Stops
    /// after the event that brings the deliveries made to `limit` (or after `limit` events: an event no endpoint
    /// hears makes none). Returns how many events it consumed (0 when the cursor is at the end of the outbox).
    @discardableResult
    public static func fanOut(_ db: Database, at date: Date, limit: Int = 5000) throws -> Int {
        try fanOut(db, at: date, limit: limit, keepingDue: false).events
    }

    /// `fanOut`, also returning the deliveries it made that are due now (to enabled endpoints), with their
    /// bodies, in the order `due` reads them: a drain sends them without reading them back. They come after
    /// every delivery made before (their events are later). `due` is nil when a delivery was already there (a
    /// cursor moved back by hand) or an id could not be spelled alike (a negative seq): then only a read tells
    /// what is pending.
    public static func fanOutDue(_ db: Database, at date: Date, limit: Int) throws -> (events: Int, due: [DueDelivery]?) {
        try fanOut(db, at: date, limit: limit, keepingDue: true)
    }

    private static func fanOut(_ db: Database, at date: Date, limit: Int, keepingDue: Bool) throws -> (events: Int, due: [DueDelivery]?) {
        let cursor = try Int64.fetchOne(db, sql: "SELECT seq FROM webhook_cursor WHERE id = 1") ?? 0
        // In the order they were added: an endpoint's place in this list is part of its deliveries' ids.
        let endpoints = try WebhookEndpoint.filter(Column("removed") == false).order(Column.rowID).fetchAll(db)
        // The keys of the endpoints whose deliveries are handed back (enabled ones, when keeping them).
        let signers = endpoints.map { keepingDue && $0.enabled ? WebhookSigner($0) : nil }
        // The events of each endpoint, as a JSON array of their seqs: one insert per endpoint, its rows read by
        // SQLite from the array (`json_each`; one statement per delivery cost more in statement start-up than in
        // rows, and an array of [id, endpoint, event, state] rows cost a JSON parse per column).
        var seqs = [[UInt8]](repeating: [UInt8(ascii: "[")], count: endpoints.count)
        var due: [DueDelivery] = []
        var last: Int64?
        var events = 0
        var made = 0
        var spelledAlike = true
        // Read through SQLite's C API (`RawRows`): a drain fans out thousands of events a second.
        let select = try db.cachedStatement(sql: keepingDue
            ? "SELECT seq, type, event_id, payload, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"
            : "SELECT seq, type FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")
        let reading = RawRows.start(select)
        RawRows.bind(reading, 1, cursor)
        RawRows.bind(reading, 2, Int64(limit))
        try RawRows.each(select, reading) { row in
            let seq = sqlite3_column_int64(row, 0)
            let type = RawRows.text(row, 1) ?? ""
            if seq < 0 { spelledAlike = false }  // printf's hexadecimal of a negative number is not Swift's
            last = seq
            events += 1
            var body: Data?
            for (index, endpoint) in endpoints.enumerated() where endpoint.subscribes(to: type) {
                if seqs[index].count > 1 { seqs[index].append(UInt8(ascii: ",")) }
                seqs[index] += "\(seq)".utf8
                made += 1
                guard let signer = signers[index] else { continue }
                if body == nil { body = Self.body(type: RawRows.bytes(row, 1), timestamp: RawRows.bytes(row, 4), payload: RawRows.bytes(row, 3)) }
                // In the order `due` reads: by event, then by id (the endpoint's index, for one event).
                due.append(DueDelivery(deliveryID: deliveryID(event: seq, endpoint: index), endpoint: endpoint,
                                       messageID: RawRows.text(row, 2) ?? "", body: body!, eventSeq: seq, signer: signer))
            }
            return made < limit
        }
        guard let last else { return (0, []) }
        let now = Timestamp.iso(date)
        var inserted = 0
        let lists = seqs.map { String(decoding: $0 + [UInt8(ascii: "]")], as: UTF8.self) }
        for (index, endpoint) in endpoints.enumerated() where seqs[index].count > 1 {
            // `WHERE true`: SQLite's grammar needs it between a SELECT and an upsert's ON CONFLICT.
            try db.cachedStatement(sql: """
                INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, state, next_attempt_at, created_at)
                SELECT printf('dlv_%012x%04x', value, ?3), ?4, value, ?5, ?1, ?1 FROM json_each(?2) WHERE true
                ON CONFLICT DO NOTHING
                """).execute(arguments: [now, lists[index], index, endpoint.id, endpoint.enabled ? "pending" : "held"])
            inserted += db.changesCount
        }
        if inserted < made {
            // Some were there: events fanned out again (the cursor moved back by hand). An endpoint that has its
            // delivery of an event keeps it; but its place in the list may have changed since (an endpoint removed
            // before it), and its id then be another endpoint's delivery of the same event. Those get random ids.
            for (index, endpoint) in endpoints.enumerated() where seqs[index].count > 1 {
                try db.execute(sql: """
                    INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, state, next_attempt_at, created_at)
                    SELECT 'dlv_' || lower(hex(randomblob(8))), ?3, j.value, ?4, ?1, ?1 FROM json_each(?2) AS j
                    WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE endpoint_id = ?3 AND event_seq = j.value)
                    """, arguments: [now, lists[index], endpoint.id, endpoint.enabled ? "pending" : "held"])
            }
        }
        try db.execute(sql: "UPDATE webhook_cursor SET seq = ? WHERE id = 1", arguments: [last])
        return (events, inserted == made && spelledAlike ? due : nil)
    }

    /// A delivery's id: its event's seq (12 hexadecimal digits), then its endpoint's place in the fan-out's list
    /// (4; there are at most `Endpoints.maxEndpoints`), as the fan-out's insert spells it. Unique as the pair is
    /// (an event is fanned out once; fanned out again, see `fanOut`'s random ids), and rising, so the inserts,
    /// the attempts' and the updates that record them work at the end of their indexes (random ids put every one
    /// on a random page: more pages written per commit). Not random: delivery ids are shown to admins only.
    static func deliveryID(event seq: Int64, endpoint index: Int) -> String {
        let event = String(seq, radix: 16), place = String(index, radix: 16)
        return "dlv_" + String(repeating: "0", count: max(0, 12 - event.count)) + event
            + String(repeating: "0", count: max(0, 4 - place.count)) + place
    }

    /// Pending deliveries due at `date`, oldest event first (after `cursor`, when given: those before it are
    /// in flight), with their signed-to-be bodies.
    public static func due(_ db: Database, at date: Date, after cursor: DeliveryCursor? = nil, limit: Int) throws -> [DueDelivery] {
        // The deliveries are picked first and only then joined to their events: joined before the ORDER BY ...
        // LIMIT, SQLite would look up the event of every due delivery, not only of the `limit` it returns.
        let select = try db.cachedStatement(sql: """
            SELECT d.id, d.endpoint_id, d.event_seq, o.event_id, o.type, o.payload, o.created_at
            FROM (SELECT id, endpoint_id, event_seq FROM webhook_deliveries
                  WHERE state = 'pending' AND next_attempt_at <= ? AND (event_seq, id) > (?, ?)
                  ORDER BY event_seq, id LIMIT ?) d
            JOIN outbox o ON o.seq = d.event_seq
            ORDER BY d.event_seq, d.id
            """)
        // Stepped through SQLite's C API, each body written straight from the columns' bytes (`RawRows`).
        let rows = RawRows.start(select)
        RawRows.bind(rows, 1, Timestamp.iso(date))
        RawRows.bind(rows, 2, cursor?.eventSeq ?? Int64.min)
        RawRows.bind(rows, 3, cursor?.deliveryID ?? "")
        RawRows.bind(rows, 4, Int64(limit))
        var found: [(delivery: String, endpoint: String, seq: Int64, event: String, body: Data)] = []
        found.reserveCapacity(limit)
        try RawRows.each(select, rows) { row in
            found.append((RawRows.text(row, 0) ?? "", RawRows.text(row, 1) ?? "", sqlite3_column_int64(row, 2), RawRows.text(row, 3) ?? "",
                          body(type: RawRows.bytes(row, 4), timestamp: RawRows.bytes(row, 6), payload: RawRows.bytes(row, 5))))
            return true
        }
        var endpoints: [String: (endpoint: WebhookEndpoint, signer: WebhookSigner)] = [:]
        return try found.map { delivery in
            if endpoints[delivery.endpoint] == nil {
                let endpoint = try Endpoints.find(db, id: delivery.endpoint)
                endpoints[delivery.endpoint] = (endpoint, WebhookSigner(endpoint))
            }
            let (endpoint, signer) = endpoints[delivery.endpoint]!
            return DueDelivery(deliveryID: delivery.delivery, endpoint: endpoint, messageID: delivery.event,
                               body: delivery.body, eventSeq: delivery.seq, signer: signer)
        }
    }

    /// The Standard Webhooks payload shape: `{"type":…,"timestamp":…,"data":<payload>}`, the first two as JSON strings.
    static func body(type: UnsafeRawBufferPointer, timestamp: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(type.count + timestamp.count + payload.count + 40)
        out.append(contentsOf: #"{"type":"#.utf8)
        JSONString.append(type, to: &out)
        out.append(contentsOf: #","timestamp":"#.utf8)
        JSONString.append(timestamp, to: &out)
        out.append(contentsOf: #","data":"#.utf8)
        out.append(contentsOf: payload)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    public enum Outcome: String, Sendable { case delivered, retrying, dead, held }

    /// Records the attempts of a batch, in order, and returns what comes next for each. Successes are written
    /// together (`SuccessList`: a few statements for all of them, reading their ids from JSON arrays), so a
    /// success costs SQLite's row work and no statement of its own (two statements per success, stepped once
    /// each, cost more in statement start-up, cursors and statement journals than in rows). The endpoint's failure clock is cleared once per batch (after its last success
    /// that follows any failure of it), not once per delivery.
    public static func record(
        _ db: Database, _ attempts: [(DueDelivery, PostResult)], policy: RetryPolicy, random: () -> Double, at date: Date
    ) throws -> [Outcome] {
        let now = Timestamp.iso(date)
        let clear = try db.cachedStatement(sql: "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
        var successes = SuccessList()  // not written yet
        var recovered: [String] = []  // endpoints with a success here whose failure clock is not cleared yet
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(attempts.count)
        for (delivery, result) in attempts {
            guard result.succeeded else {
                try successes.write(db, at: now)  // first, so that attempts keep their order
                // A failure after a success starts the clock afresh, as if recorded one by one.
                if let index = recovered.firstIndex(of: delivery.endpoint.id) {
                    try clear.execute(arguments: [delivery.endpoint.id])
                    recovered.remove(at: index)
                }
                outcomes.append(try record(db, delivery, result: result, policy: policy, random: random(), at: date))
                continue
            }
            successes.append(delivery.deliveryID, result)
            if !recovered.contains(delivery.endpoint.id) { recovered.append(delivery.endpoint.id) }
            outcomes.append(.delivered)
        }
        try successes.write(db, at: now)
        for endpointID in recovered { try clear.execute(arguments: [endpointID]) }
        return outcomes
    }

    /// Successful attempts, written by a few statements for all of them: their deliveries by one update per
    /// status, their attempts by one insert per status and error, each reading its rows from a JSON array of
    /// strings (`json_each`; an array of rows cost SQLite a JSON parse per column): the deliveries' ids, and for
    /// the attempts each id with its duration (`"<id> <ms>"`, cut in two by SQL).
    struct SuccessList {
        private var attempts: [Key: [UInt8]] = [:]
        private var deliveries: [Int: [UInt8]] = [:]

        struct Key: Hashable {
            let status: Int
            let error: String?
        }

        mutating func append(_ deliveryID: String, _ result: PostResult) {
            let status = result.status ?? 0
            Self.add(deliveryID + " \(result.durationMs)", to: &attempts[Key(status: status, error: result.error), default: [UInt8(ascii: "[")]])
            Self.add(deliveryID, to: &deliveries[status, default: [UInt8(ascii: "[")]])
        }

        private static func add(_ text: String, to list: inout [UInt8]) {
            if list.count > 1 { list.append(UInt8(ascii: ",")) }
            JSONString.append(text, to: &list)
        }

        mutating func write(_ db: Database, at now: String) throws {
            guard !deliveries.isEmpty else { return }
            for (key, list) in attempts {
                try db.cachedStatement(sql: """
                    INSERT INTO webhook_attempts (delivery_id, at, status_code, error, duration_ms)
                    SELECT substr(value, 1, instr(value, ' ') - 1), ?1, ?3, ?4, CAST(substr(value, instr(value, ' ') + 1) AS INTEGER)
                    FROM json_each(?2)
                    """).execute(arguments: [now, String(decoding: list + [UInt8(ascii: "]")], as: UTF8.self), key.status, key.error])
            }
            for (status, list) in deliveries {
                try db.cachedStatement(sql: """
                    UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, last_status = ?3,
                    last_error = NULL, delivered_at = ?1
                    WHERE id IN (SELECT value FROM json_each(?2))
                    """).execute(arguments: [now, String(decoding: list + [UInt8(ascii: "]")], as: UTF8.self), status])
            }
            attempts = [:]
            deliveries = [:]
        }
    }

    /// Records an attempt and decides what comes next.
    public static func record(
        _ db: Database, _ delivery: DueDelivery, result: PostResult, policy: RetryPolicy, random: Double, at date: Date
    ) throws -> Outcome {
        let now = Timestamp.iso(date)
        try db.cachedStatement(sql: "INSERT INTO webhook_attempts (delivery_id, at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [delivery.deliveryID, now, result.status, result.error, result.durationMs])
        let endpointID = delivery.endpoint.id
        if result.succeeded {
            // The common case, in two cached statements (a drain records thousands a second).
            try db.cachedStatement(sql: """
                UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL,
                delivered_at = ? WHERE id = ?
                """).execute(arguments: [result.status, now, delivery.deliveryID])
            try db.cachedStatement(sql: "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
                .execute(arguments: [endpointID])
            return .delivered
        }
        let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM webhook_deliveries WHERE id = ?", arguments: [delivery.deliveryID]) ?? 0) + 1
        if result.status == 410 {
            try db.execute(sql: "UPDATE webhook_deliveries SET attempts = ?, last_status = 410, state = 'held' WHERE id = ?",
                           arguments: [attempts, delivery.deliveryID])
            try Endpoints.disable(db, id: endpointID, reason: "the receiver answered 410 Gone")
            return .held
        }
        let failingSince = try String.fetchOne(db, sql: "SELECT failing_since FROM webhook_endpoints WHERE id = ?", arguments: [endpointID]) ?? nil
        if failingSince == nil {
            try db.execute(sql: "UPDATE webhook_endpoints SET failing_since = ? WHERE id = ?", arguments: [now, endpointID])
        }
        let error = result.error ?? "HTTP \(result.status ?? 0)"
        guard let delay = policy.delay(afterAttempts: attempts, retryAfter: result.retryAfter, random: random) else {
            try db.execute(sql: "UPDATE webhook_deliveries SET state = 'dead', attempts = ?, last_status = ?, last_error = ? WHERE id = ?",
                           arguments: [attempts, result.status, error, delivery.deliveryID])
            return .dead
        }
        try db.execute(sql: """
            UPDATE webhook_deliveries SET attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?
            """, arguments: [attempts, result.status, error, Timestamp.iso(date.addingTimeInterval(delay)), delivery.deliveryID])
        if let since = failingSince.flatMap(Timestamp.parse), date.timeIntervalSince(since) >= policy.disableAfter {
            try Endpoints.disable(db, id: endpointID, reason: "failing continuously since \(failingSince!)")
            return .held
        }
        return .retrying
    }

    /// Puts a dead delivery back in the queue, keeping its webhook-id.
    public static func replay(_ db: Database, id: String, at date: Date) throws -> WebhookDelivery {
        guard let delivery = try WebhookDelivery.fetchOne(db, sql: "SELECT * FROM webhook_deliveries WHERE id = ?", arguments: [id]) else {
            throw WebhookError.deliveryNotFound(id: id)
        }
        guard delivery.state == "dead" else { throw WebhookError.deliveryNotDead(id: id) }
        try db.execute(sql: "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?",
                       arguments: [Timestamp.iso(date), id])
        return try WebhookDelivery.fetchOne(db, sql: "SELECT * FROM webhook_deliveries WHERE id = ?", arguments: [id])!
    }

    /// Newest event first; `id` orders the deliveries of one event (one per endpoint).
    public static let keyset = Keyset(table: "webhook_deliveries", keys: ["event_seq", "id"], descending: true)

    public static func list(_ db: Database, state: String?, page: PageRequest) throws -> Page<WebhookDelivery> {
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let state {
            conditions.append("state = ?")
            arguments += [state]
        }
        if let after = try keyset.after(db, page.after) {
            conditions.append(after.sql)
            arguments += after.arguments
        }
        arguments += [page.limit + 1]
        let rows = try WebhookDelivery.fetchAll(db, sql: """
            SELECT * FROM webhook_deliveries WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(keyset.order()) LIMIT ?
            """, arguments: arguments)
        return Page.cut(rows, limit: page.limit, id: \.id)
    }
}

extension Deliveries {
    /// The webhook side of `GET /metrics`: events not yet fanned out, deliveries by state, the oldest pending.
    public static func figures(_ db: Database) throws -> DeliveryFigures {
        try DeliveryFigures.read(db, cursorTable: "webhook_cursor", table: "webhook_deliveries", okState: "delivered")
    }
}
