import Foundation
import Synchronization
import GRDBSQLite
import ServiceMap
import TuanjuCore
import TuanjuService

/// The shared map of the map scenarios: 100,000 points spread over central Hangzhou (about 27 × 28 km).
enum BenchMap {
    static let points = Bench.size(100_000, quick: 10_000)
    static let latRange = 30.15...30.40
    static let lonRange = 120.00...120.35

    /// Initializes `work/map` and fills it with points through plain SQL (the R*Tree trigger indexes them).
    static func prepare(_ work: String) throws {
        _ = try Tuanju.initialize(DataDirectory(path: work + "/map"))
        let db = try RawSQLite(path: work + "/map/tuanju.sqlite")
        var random = BenchRandom(seed: 7)
        let kinds = ["station", "box", "meal"]
        let hours = ["24/7", "Mo-Su 07:00-22:00", "Mo-Fr 08:00-20:00; Sa,Su 09:00-18:00", "Mo-Su 10:30-14:00,16:30-21:00"]
        let insert = try db.prepare("""
            INSERT INTO service_points (id, external_id, kind, name, lat, lon, opening_hours, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { sqlite3_finalize(insert) }
        let now = Timestamp.iso(Date())
        try db.execute("BEGIN IMMEDIATE")
        for index in 0..<points {
            bind(insert, 1, Identifier.make("spt"))
            bind(insert, 2, "bench-\(index)")
            bind(insert, 3, kinds[index % 3])
            bind(insert, 4, "点\(index)")
            sqlite3_bind_double(insert, 5, Double.random(in: latRange, using: &random))
            sqlite3_bind_double(insert, 6, Double.random(in: lonRange, using: &random))
            bind(insert, 7, hours[index % hours.count])
            bind(insert, 8, now)
            bind(insert, 9, now)
            guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchError(message: String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(insert)
        }
        try db.execute("COMMIT")
    }

    /// Query origins: the same sequence for both sides.
    static func origins(_ count: Int) -> [(lat: Double, lon: Double)] {
        var random = BenchRandom(seed: 11)
        return (0..<count).map { _ in (Double.random(in: latRange, using: &random), Double.random(in: lonRange, using: &random)) }
    }
}

/// `map-nearest`: 10,000 queries for the 5 nearest points within 3 km among 100,000. Ours: `Tuanju.nearest`
/// (validation, R*Tree, exact distances, demand counting). Raw: the same answer by a full-scan SQL haversine
/// (`ORDER BY distance LIMIT 5`), 100 queries: it is that slow. Only the query loops are timed (not opening).
///
/// `threads` > 1 (`map-nearest-concurrent`): the queries are shared among that many threads of the one process,
/// as a server's requests would be, on one `Tuanju` (its pool of readers); the raw side scans on as many threads,
/// each with its own connection.
struct MapNearestScenario: Scenario {
    var threads = 1
    let queries = Bench.size(10_000, quick: 1_000)
    let rawQueries = Bench.size(100, quick: 20)

    func prepare(_ work: String) throws { try BenchMap.prepare(work) }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/map"))
        let origins = BenchMap.origins(queries)
        let found = Counter()
        let started = DispatchTime.now().uptimeNanoseconds
        try inParallel(threads) { thread in
            var count = 0
            for origin in origins[slice(thread, of: origins.count)] {
                let query = try NearestQuery(origin: try Coordinate(lat: origin.lat, lon: origin.lon), limit: 5, within: 3000)
                count += try app.nearest(query).count
            }
            found.add(count)
        }
        SelfTiming.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        try app.flushDemand()
        guard found.value == queries * 5 else { throw BenchError(message: "found \(found.value) of \(queries * 5)") }
        return queries
    }

    func runRaw(_ work: String) throws -> Int {
        let origins = BenchMap.origins(rawQueries)
        let found = Counter()
        let started = DispatchTime.now().uptimeNanoseconds
        try inParallel(threads) { thread in
            let db = try RawSQLite(path: work + "/map/tuanju.sqlite")
            let statement = try db.prepare("""
                SELECT id, 2 * 6371008.8 * asin(min(1, sqrt(
                    power(sin(radians(lat - ?1) / 2), 2) + cos(radians(?1)) * cos(radians(lat)) * power(sin(radians(lon - ?2) / 2), 2)
                ))) AS distance
                FROM service_points WHERE active = 1 AND distance <= 3000 ORDER BY distance LIMIT 5
                """)
            defer { sqlite3_finalize(statement) }
            var count = 0
            for origin in origins[slice(thread, of: origins.count)] {
                sqlite3_bind_double(statement, 1, origin.lat)
                sqlite3_bind_double(statement, 2, origin.lon)
                while sqlite3_step(statement) == SQLITE_ROW { count += 1 }
                sqlite3_reset(statement)
            }
            found.add(count)
        }
        SelfTiming.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard found.value == rawQueries * 5 else { throw BenchError(message: "raw found \(found.value)") }
        return rawQueries
    }

    func slice(_ thread: Int, of count: Int) -> Range<Int> {
        (count * thread / threads)..<(count * (thread + 1) / threads)
    }

    /// Runs `body(0..<count)` on `count` threads at once; rethrows the first error.
    func inParallel(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        let failure = Mutex<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: count) { thread in
            do { try body(thread) } catch { failure.withLock { $0 = $0 ?? error } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// A thread-safe tally.
final class Counter: Sendable {
    private let count = Mutex(0)
    func add(_ amount: Int) { count.withLock { $0 += amount } }
    var value: Int { count.withLock { $0 } }
}

/// `map-nearest-process`: `tuanju map nearest` as a whole process (start, open, search, count, print JSON)
/// against the `sqlite3` command-line tool running the equivalent bounding-box query on the same database,
/// 40 runs each. Reported per second = 1 / median wall time, so the ratio is a ratio of medians.
struct MapNearestProcessScenario: Scenario {
    let runs = Bench.size(40, quick: 5)

    func prepare(_ work: String) throws { try BenchMap.prepare(work) }

    func runOurs(_ work: String) throws -> Int {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tuanju").path
        let origins = BenchMap.origins(runs)
        let times = try origins.map { origin in
            try timeProcess(binary, ["map", "nearest", "--data", work + "/map", "--lat", "\(origin.lat)", "--lon", "\(origin.lon)",
                                     "--within", "3000", "--limit", "5", "--json"])
        }
        SelfTiming.seconds = median(times) * Double(runs)
        return runs
    }

    func runRaw(_ work: String) throws -> Int {
        let origins = BenchMap.origins(runs)
        let times = try origins.map { origin in
            let dLat = 3000 / 111_195.0
            let dLon = dLat / cos(origin.lat * .pi / 180)
            let sql = """
                SELECT p.id, p.name, p.kind, p.lat, p.lon FROM service_points_rtree r JOIN service_points p ON p.rid = r.rid
                WHERE r.max_lat >= \(origin.lat - dLat) AND r.min_lat <= \(origin.lat + dLat)
                  AND r.max_lon >= \(origin.lon - dLon) AND r.min_lon <= \(origin.lon + dLon)
                ORDER BY (p.lat - \(origin.lat)) * (p.lat - \(origin.lat)) + (p.lon - \(origin.lon)) * (p.lon - \(origin.lon)) LIMIT 5;
                """
            return try timeProcess("/usr/bin/env", ["sqlite3", "-json", work + "/map/tuanju.sqlite", sql])
        }
        SelfTiming.seconds = median(times) * Double(runs)
        return runs
    }

    func timeProcess(_ path: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let started = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard process.terminationStatus == 0 else { throw BenchError(message: "\(path) \(arguments.prefix(2)) exited \(process.terminationStatus)") }
        return elapsed
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A scenario that times its own operations (medians of processes) sets this; the child reports it.
enum SelfTiming {
    nonisolated(unsafe) static var seconds: Double?
}

/// SplitMix64, so both sides see the same points and origins.
struct BenchRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
