import Foundation

/// How long imports hold the write lock: each chunk is one transaction that stops after `seconds` of work
/// or `rows` rows, whichever comes first (riders import at ~40,000 rows/s in release, map points with their
/// search index and events at ~1,700 rows/s; docs/benchmarks.md, Tools/crash-loops). Between chunks the
/// import pauses for `pause`: SQLite's lock is not fair, and a writer waiting in its busy handler retries
/// only every 100 ms or so, so without the pause the next chunk would take the lock again first. Other
/// writers, whose busy timeout is 5 s, so wait at most about one chunk, and the pauses cost ~10%.
enum ImportChunks {
    static let seconds: Double = 0.9
    static let pause: Double = 0.1
    static let rows = 100_000

    /// When a chunk that starts now must stop.
    static var deadline: ContinuousClock.Instant { .now + .milliseconds(Int(seconds * 1000)) }

    /// Lets a waiting writer in before the next chunk.
    static func yield() { Thread.sleep(forTimeInterval: pause) }
}
