/// How long imports hold the write lock: each chunk is one transaction that stops after `seconds` of work
/// or `rows` rows, whichever comes first (riders import at ~40,000 rows/s in release, map points with their
/// search index and events at ~1,700 rows/s; docs/benchmarks.md, Tools/crash-loops). Other writers, whose
/// busy timeout is 5 s, so never time out behind an import, and a chunk's commit costs little beside its work.
enum ImportChunks {
    static let seconds: Double = 0.5
    static let rows = 50_000

    /// When a chunk that starts now must stop.
    static var deadline: ContinuousClock.Instant { .now + .milliseconds(Int(seconds * 1000)) }
}
