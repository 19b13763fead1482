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
public struct Dispatcher: Sendable {
    public static let maxPayloadBytes = 20 * 1024

    public let database: AppDatabase
    public let transport: WebhookTransport
    public let clock: Clock
    public var policy = RetryPolicy()
    public var maxInFlight = 16
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
        while !shouldStop() {
            let now = clock.now()
            _ = try database.write { db in try Deliveries.fanOut(db, at: now) }
            // Small passes: what a kill loses (sent, not yet recorded, so sent again) is at most one pass.
            let due = try database.read { db in try Deliveries.due(db, at: now, limit: maxInFlight * 4) }
            if due.isEmpty { break }
            let results = send(due)
            let outcomes = try database.write { db in
                try zip(due, results).map { delivery, result in
                    try Deliveries.record(db, delivery, result: result, policy: policy, random: random(), at: clock.now())
                }
            }
            for outcome in outcomes {
                switch outcome {
                case .delivered: summary.delivered += 1
                case .retrying: summary.retrying += 1
                case .dead: summary.dead += 1
                case .held: summary.held += 1
                }
            }
            progress?(summary)
            if !untilIdle { break }
            if let maxSeconds, Date().timeIntervalSince(started) >= maxSeconds { break }
        }
        return summary
    }

    /// Sends every delivery, `maxInFlight` at a time, and returns the results in the same order.
    func send(_ deliveries: [DueDelivery]) -> [PostResult] {
        let next = Mutex(0)
        let results = Mutex([PostResult?](repeating: nil, count: deliveries.count))
        let group = DispatchGroup()
        for _ in 0..<min(maxInFlight, deliveries.count) {
            group.enter()
            Thread { [self] in
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < deliveries.count else { break }
                    let result = post(deliveries[index])
                    results.withLock { $0[index] = result }
                }
                group.leave()
            }.start()
        }
        group.wait()
        return results.withLock { $0.map { $0! } }
    }

    func post(_ delivery: DueDelivery) -> PostResult {
        guard delivery.body.count <= Self.maxPayloadBytes else {
            return PostResult(status: nil, retryAfter: nil, error: "payload larger than 20 KB", durationMs: 0)
        }
        let now = clock.now()
        let timestamp = Int(now.timeIntervalSince1970)
        let signature = WebhookSignature.header(
            id: delivery.messageID, timestamp: timestamp, body: delivery.body, secrets: delivery.endpoint.signingSecrets(at: now))
        return transport.post(
            url: delivery.endpoint.url,
            headers: [("webhook-id", delivery.messageID), ("webhook-timestamp", "\(timestamp)"), ("webhook-signature", signature)],
            body: delivery.body, allowPrivate: delivery.endpoint.allowPrivate)
    }
}
