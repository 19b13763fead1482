import Dispatch
import Synchronization

/// A token bucket per key, in memory: `limit` requests a minute, refilled continuously, bursts up to `limit`.
/// Keys are tokens (or client addresses); they never leave this process.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let limit: Int
    private let perSecond: Double
    private let clock: @Sendable () -> Double
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Above this many keys, full buckets (idle clients) are dropped.
    private let sweepAbove: Int

    /// `clock` is monotonic seconds; tests pass their own.
    init(limitPerMinute: Int, sweepAbove: Int = 10_000, clock: @escaping @Sendable () -> Double = RateLimiter.uptime) {
        limit = limitPerMinute
        perSecond = Double(limitPerMinute) / 60
        self.clock = clock
        self.sweepAbove = sweepAbove
    }

    static let uptime: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Takes one token for `key`: nil when the request may go on, else the whole seconds until it may.
    func take(_ key: String) -> Int? {
        guard limit > 0 else { return nil }
        let now = clock()
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: Double(limit), updated: now)
            bucket.tokens = min(Double(limit), bucket.tokens + (now - bucket.updated) * perSecond)
            bucket.updated = now
            defer {
                buckets[key] = bucket
                if buckets.count > sweepAbove { sweep(&buckets, now: now) }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
        }
    }

    /// How many keys are tracked (tests check the sweep).
    var trackedKeys: Int { buckets.withLock { $0.count } }

    private func sweep(_ buckets: inout [String: Bucket], now: Double) {
        let limit = Double(self.limit)
        buckets = buckets.filter { _, bucket in bucket.tokens + (now - bucket.updated) * perSecond < limit }
    }
}
