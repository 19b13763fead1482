import Dispatch
import Synchronization

/// A token bucket per key, in memory: `limit` requests a minute, refilled continuously, bursts up to `limit`.
/// Keys are checked tokens or client addresses (`FrontMiddleware.rateKey`); they never leave this process.
///
/// Memory is bounded: at most `capacity` keys are tracked (default `defaultCapacity`); past that the key used
/// least recently is forgotten, in constant time. A forgotten key starts again with a full bucket, so the cap is
/// set well above the number of clients a subdistrict's server sees in a minute.
final class RateLimiter: Sendable {
    /// The default number of keys tracked (about 1 MB of memory).
    static let defaultCapacity = 10_000

    let limit: Int
    let capacity: Int
    private let perSecond: Double
    private let clock: @Sendable () -> Double
    private let buckets: Mutex<LRUBuckets>

    /// `clock` is monotonic seconds; tests pass their own.
    init(limitPerMinute: Int, capacity: Int = RateLimiter.defaultCapacity,
         clock: @escaping @Sendable () -> Double = RateLimiter.uptime) {
        limit = limitPerMinute
        self.capacity = max(1, capacity)
        perSecond = Double(limitPerMinute) / 60
        self.clock = clock
        buckets = Mutex(LRUBuckets(capacity: max(1, capacity)))
    }

    static let uptime: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Takes one token for `key`: nil when the request may go on, else the whole seconds until it may.
    func take(_ key: String) -> Int? {
        guard limit > 0 else { return nil }
        let now = clock()
        let limit = Double(self.limit)
        let perSecond = self.perSecond
        return buckets.withLock { buckets in
            buckets.update(key, fresh: LRUBuckets.Bucket(tokens: limit, updated: now)) { bucket -> Int? in
                bucket.tokens = min(limit, bucket.tokens + (now - bucket.updated) * perSecond)
                bucket.updated = now
                if bucket.tokens >= 1 {
                    bucket.tokens -= 1
                    return nil
                }
                return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
            }
        }
    }

    /// How many keys are tracked (tests check the cap).
    var trackedKeys: Int { buckets.withLock { $0.count } }
}

/// Buckets by key in a doubly linked list of slots ordered by last use: lookup, use and eviction of the least
/// recently used are all O(1), so a flood of new keys costs no more per request than a known one.
struct LRUBuckets {
    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private struct Slot {
        var key: String
        var bucket: Bucket
        var newer: Int
        var older: Int
    }

    let capacity: Int
    private var index: [String: Int] = [:]
    private var slots: [Slot] = []
    /// Most and least recently used slots; -1 when empty.
    private var newest = -1
    private var oldest = -1

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { index.count }

    /// Runs `body` on the bucket of `key` (a `fresh` one if the key is new, evicting the least recently used
    /// key when full) and marks the key as the most recently used.
    mutating func update<T>(_ key: String, fresh: Bucket, _ body: (inout Bucket) -> T) -> T {
        let slot: Int
        if let found = index[key] {
            slot = found
            unlink(slot)
        } else if slots.count < capacity {
            slot = slots.count
            slots.append(Slot(key: key, bucket: fresh, newer: -1, older: -1))
            index[key] = slot
        } else {
            slot = oldest
            unlink(slot)
            index[slots[slot].key] = nil
            slots[slot].key = key
            slots[slot].bucket = fresh
            index[key] = slot
        }
        link(slot)
        return body(&slots[slot].bucket)
    }

    /// Which keys are tracked, most recently used first (tests).
    var keysByRecency: [String] {
        var keys: [String] = []
        var slot = newest
        while slot >= 0 {
            keys.append(slots[slot].key)
            slot = slots[slot].older
        }
        return keys
    }

    private mutating func unlink(_ slot: Int) {
        let newer = slots[slot].newer
        let older = slots[slot].older
        if newer >= 0 { slots[newer].older = older } else { newest = older }
        if older >= 0 { slots[older].newer = newer } else { oldest = newer }
        slots[slot].newer = -1
        slots[slot].older = -1
    }

    private mutating func link(_ slot: Int) {
        slots[slot].older = newest
        slots[slot].newer = -1
        if newest >= 0 { slots[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}
