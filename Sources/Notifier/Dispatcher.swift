import Foundation
import Storage
import Synchronization
import TuanjuCore

/// What a drain did.
public struct DrainSummary: Sendable, Equatable {
    public var delivered = 0
    public var retrying = 0
    public var dead = 0
    public var held = 0

    public init() {}
}

/// Drains the outbox to the endpoints: fan out, send what is due (up to `maxInFlight` at once, started in
/// event order; completion order is best effort), record each attempt, repeat. A kill at any point loses
/// nothing: the fan-out and every recorded attempt are transactions, and a delivery whose result was not
/// recorded is simply sent again, under the same `webhook-id` (at least once).
///
/// Sending and recording overlap: while one batch is sent, the previous batch's results are recorded and the
/// next batch is read, so the database's work (and its fsync) is off the network's path. The sender lives as
/// long as the drain: with `CurlTransport`, libcurl's multi interface on two threads per side
/// (`CurlMultiSender`); with any other transport, `maxInFlight` worker threads calling `post`. Both keep
/// their connections (see `CurlTransport`).
public struct Dispatcher: Sendable {
    public static let maxPayloadBytes = 20 * 1024

    public let database: AppDatabase
    public let transport: WebhookTransport
    public let clock: Clock
    public var policy = RetryPolicy()
    public var maxInFlight = 16
    /// Deliveries recorded per transaction. At most two batches are sent and not yet recorded at any
    /// moment: what a kill can make the drain send twice.
    public var batchSize = 256
    /// Deliveries read or fanned out per refill (then sent a batch at a time): finding what is due costs SQLite
    /// a walk over every due delivery, and a fan-out a transaction, so each is done once per `readAhead`, not
    /// once per batch.
    public var readAhead = 2048
    public var random: @Sendable () -> Double = { Double.random(in: 0...1) }

    public init(database: AppDatabase, transport: WebhookTransport, clock: Clock) {
        self.database = database
        self.transport = transport
        self.clock = clock
    }

    /// One pass, or with `untilIdle` passes until nothing is due (or `maxSeconds` passed).
    public func drain(
        untilIdle: Bool, maxSeconds: TimeInterval?, shouldStop: () -> Bool = { false },
        progress: ((DrainSummary) -> Void)? = nil
    ) throws -> DrainSummary {
        let started = Date()
        var summary = DrainSummary()
        let sender: DeliverySender = (transport as? BatchSendingTransport)?.sender(maxInFlight: maxInFlight) { [self] delivery in
            prepare(delivery)
        } ?? SendWorkers(count: maxInFlight) { [self] delivery in post(delivery) }
        defer { sender.close() }
        var inFlight: SendBatch?
        // Read, not yet sent. Deliveries after `after` (event_seq, id) were not read yet in this sweep; those
        // before it are read, in flight or recorded. A sweep that reaches the end starts again from the
        // beginning, for what came due meanwhile.
        var buffer: ArraySlice<DueDelivery> = []
        var after: DeliveryCursor?
        var sweepFoundAny = false

        func finish(_ batch: SendBatch) throws {
            let results = batch.wait()
            let outcomes = try database.write { db in
                try Deliveries.record(db, Array(zip(batch.deliveries, results)), policy: policy, random: random, at: clock.now())
            }
            for (delivery, outcome) in zip(batch.deliveries, outcomes) {
                switch outcome {
                case .delivered: summary.delivered += 1
                case .retrying: summary.retrying += 1
                case .dead: summary.dead += 1
                case .held:
                    summary.held += 1
                    // The endpoint was just disabled (410, or failing too long): what was read for it stays
                    // unsent (held by the disabling, released by `webhooks enable`).
                    buffer = buffer.filter { $0.endpoint.id != delivery.endpoint.id }
                }
            }
            progress?(summary)
        }

        /// What is due after `after`, at most a read-ahead: the deliveries already made (retries come due, what
        /// a killed drain left), then, when those run short, the deliveries of new events, fanned out now and sent
        /// as they were made (not read back: a read finds the due among all pending). When those made already
        /// fill it, new events are fanned out all the same (read when their turn comes): the outbox's backlog stays
        /// what is not fanned out, not what waits behind retries. A drain until idle takes two batches at first:
        /// with nothing in flight yet, that refill is on the critical path.
        func refill(after: DeliveryCursor?) throws -> ArraySlice<DueDelivery> {
            let limit = untilIdle && inFlight == nil ? 2 * batchSize : readAhead
            let now = clock.now()
            let made = try database.read { db in try Deliveries.due(db, at: now, after: after, limit: limit) }
            guard made.count < limit else {
                try database.write { db in _ = try Deliveries.fanOut(db, at: now, limit: readAhead) }
                return made[...]
            }
            let fresh = try database.write { db in try Deliveries.fanOutDue(db, at: now, limit: limit - made.count).due }
            if let fresh { return (made + fresh)[...] }
            return try database.read { db in try Deliveries.due(db, at: now, after: after, limit: limit) }[...]
        }

        while !shouldStop() {
            if let maxSeconds, Date().timeIntervalSince(started) >= maxSeconds { break }
            if buffer.isEmpty {
                if !untilIdle, after != nil { break }  // one pass: what the first read found
                buffer = try refill(after: after)
                if buffer.isEmpty {
                    if let batch = inFlight {
                        inFlight = nil
                        try finish(batch)
                    }
                    // Nothing after the cursor: idle, unless this sweep found something (then look again from the start).
                    guard untilIdle, after != nil, sweepFoundAny else { break }
                    after = nil
                    sweepFoundAny = false
                    continue
                }
                sweepFoundAny = true
                after = DeliveryCursor(buffer.last!)
            }
            let batch = sender.submit(Array(buffer.prefix(batchSize)))
            buffer = buffer.dropFirst(batchSize)
            if buffer.isEmpty, untilIdle, after != nil, !shouldStop() {
                // The next read-ahead is read now, while this batch and the previous one are being sent: read
                // after the previous batch was recorded, its fan-out and read (about 20 ms for 2,048) left the
                // sender with at most one batch to send, and it ran out before the next came (issue 21).
                buffer = try refill(after: after)
                if let last = buffer.last { after = DeliveryCursor(last) }
            }
            if let previous = inFlight { try finish(previous) }
            inFlight = batch
        }
        if let batch = inFlight { try finish(batch) }
        return summary
    }

    func post(_ delivery: DueDelivery) -> PostResult {
        switch prepare(delivery) {
        case .done(let result): return result
        case .send(let url, let headers, let body):
            return transport.post(url: url, headers: headers, body: body, allowPrivate: delivery.endpoint.allowPrivate)
        }
    }

    /// The delivery's POST, signed now (just before it is sent); or its result when it is not sent.
    func prepare(_ delivery: DueDelivery) -> PreparedPost {
        guard delivery.body.count <= Self.maxPayloadBytes else {
            return .done(PostResult(status: nil, retryAfter: nil, error: "payload larger than 20 KB", durationMs: 0))
        }
        let now = clock.now()
        let timestamp = Int(now.timeIntervalSince1970)
        let signature = delivery.signer.header(id: delivery.messageID, timestamp: timestamp, body: delivery.body, at: now)
        return .send(url: delivery.endpoint.url,
                     headers: [("webhook-id", delivery.messageID), ("webhook-timestamp", "\(timestamp)"), ("webhook-signature", signature)],
                     body: delivery.body)
    }
}
