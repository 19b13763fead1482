import Foundation
import GRDB
import Testing
@testable import TuanjuCLI

/// A read-only command never waits for, nor fails because of, another process's writes; long imports
/// commit in chunks so other writers get in between.
@Suite("Reads never wait on writers")
struct ReadsNeverWaitTests {
    static let nearest = ["map", "nearest", "--lat", "30.2925", "--lon", "120.1710", "--json"]

    /// Another connection to the sandbox's database (another process, as far as SQLite is concerned), opened
    /// as every tuanju process opens it: a GRDB pool in WAL mode.
    static func otherConnection(_ sandbox: Sandbox) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabasePool(path: sandbox.data + "/tuanju.sqlite", configuration: configuration)
    }

    static func demandTotal(_ sandbox: Sandbox, _ coordinator: String) throws -> Int {
        let rows = try sandbox.run(["map", "demand", "--json"], token: coordinator).array()
        return rows.reduce(0) { $0 + ($1["queries"] as? Int ?? 0) }
    }

    static func spoolFiles(_ sandbox: Sandbox) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sandbox.data + "/spool")) ?? []).filter { $0.hasSuffix(".json") }
    }

    @Test("map nearest while another process holds the write lock: exit 0 at once; its count is added later, once")
    func nearestDuringAWrite() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let other = try Self.otherConnection(sandbox)
        // Given another process in the middle of a write transaction
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            // When a rider searches the map, Then the search answers without waiting for it (before: 5 s, exit 75)
            let start = ContinuousClock.now
            let result = sandbox.run(Self.nearest)
            #expect(result.exit == 0, "\(result.stderr)")
            #expect(try !result.array().isEmpty)
            #expect(ContinuousClock.now - start < .seconds(2))
        }
        // And the count waits in the spool
        #expect(Self.spoolFiles(sandbox).count == 1)
        #expect(try Self.demandTotal(sandbox, coordinator) == 0)
        // And the next search's flush adds it with its own: 2 searches, counted once each, spool empty
        #expect(sandbox.run(Self.nearest).exit == 0)
        #expect(try Self.demandTotal(sandbox, coordinator) == 2)
        #expect(Self.spoolFiles(sandbox).isEmpty)
        #expect(sandbox.run(Self.nearest).exit == 0)
        #expect(try Self.demandTotal(sandbox, coordinator) == 3)
    }

    @Test("A spool file whose counts already committed (a crash before its deletion) is deleted, not counted again")
    func spoolExactlyOnce() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        try FileManager.default.createDirectory(atPath: sandbox.data + "/spool", withIntermediateDirectories: true)
        let entry = #"[{"day":"\#(today)","lat":13463,"lon":46219,"kind":"","queries":7}]"#
        // Given one spool file already added (its name recorded) and one waiting
        try entry.write(toFile: sandbox.data + "/spool/demand-applied.json", atomically: true, encoding: .utf8)
        try entry.write(toFile: sandbox.data + "/spool/demand-waiting.json", atomically: true, encoding: .utf8)
        try Self.otherConnection(sandbox).write { db in
            try db.execute(sql: "INSERT INTO map_demand_spool (name, applied_at) VALUES ('demand-applied.json', '2026-01-01T00:00:00Z')")
        }
        // When a search flushes
        #expect(sandbox.run(Self.nearest).exit == 0)
        // Then the waiting file counts (7), the applied one does not, the search counts 1; both files are gone
        #expect(try Self.demandTotal(sandbox, coordinator) == 8)
        #expect(Self.spoolFiles(sandbox).isEmpty)
        // And the next flush forgets the names of files that are gone
        #expect(sandbox.run(Self.nearest).exit == 0)
        let names = try Self.otherConnection(sandbox).read { db in try String.fetchAll(db, sql: "SELECT name FROM map_demand_spool") }
        #expect(names.isEmpty)
    }

    @Test("A long riders import commits in chunks: other writers get in between, map nearest never waits")
    func importInChunks() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rows = 80_000
        var text = "name,phone,platform,party_member,branch\n"
        for index in 0..<rows { text += "骑手\(index),139\(String(format: "%08d", index)),meituan,no,\n" }
        let path = try sandbox.file("riders.csv", text)
        let other = try Self.otherConnection(sandbox)
        let before = try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM riders") ?? 0 }

        // Given a long import running in another thread (its own connection)
        let done = DispatchSemaphore(value: 0)
        // (The semaphore orders the thread's write of `imported` before the read; Sandbox.run is what parallel
        // tests call all the time.)
        nonisolated(unsafe) var imported: RunResult?
        nonisolated(unsafe) let importing = sandbox
        Thread.detachNewThread {
            imported = importing.run(["riders", "import", path, "--json"], token: coordinator)
            done.signal()
        }
        // When another writer and a rider's search keep coming while it runs
        var seen: [Int] = []
        var longestWrite = Duration.zero, longestSearch = Duration.zero
        var searches = 0
        while done.wait(timeout: .now()) == .timedOut {
            let start = ContinuousClock.now
            let count = try other.writeWithoutTransaction { db -> Int in
                var count = 0
                try db.inTransaction(.immediate) {
                    count = try Int.fetchOne(db, sql: "SELECT count(*) FROM riders") ?? 0
                    return .commit
                }
                return count
            }
            longestWrite = max(longestWrite, ContinuousClock.now - start)
            seen.append(count - before)
            let search = ContinuousClock.now
            let result = sandbox.run(Self.nearest)
            #expect(result.exit == 0, "\(result.stderr)")
            longestSearch = max(longestSearch, ContinuousClock.now - search)
            searches += 1
        }
        // Then the import finished all rows, the other writer committed between its chunks (it saw part of
        // the file), no write waited long and no search failed
        let summary = try #require(imported).object()
        #expect(summary["imported"] as? Int == rows)
        #expect(seen.contains { $0 > 0 && $0 < rows }, "\(seen)")
        #expect(longestWrite < .seconds(3), "\(longestWrite)")
        #expect(longestSearch < .seconds(3), "\(longestSearch)")
        #expect(searches > 0)
        // And every search is counted once, spooled or not
        #expect(sandbox.run(Self.nearest).exit == 0)
        #expect(try Self.demandTotal(sandbox, coordinator) == searches + 1)
    }

    @Test("A re-run after an interruption imports the rest once and counts what was committed as unchanged")
    func rerunCountsCommittedRows() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let lines = (0..<100).map { "骑手\($0),138\(String(format: "%08d", $0)),eleme,no," }
        let header = "name,phone,platform,party_member,branch\n"
        // Given a run that committed the first 60 rows before it was stopped
        let partial = try sandbox.file("partial.csv", header + lines.prefix(60).joined(separator: "\n") + "\n")
        _ = try sandbox.ok(["riders", "import", partial], token: coordinator)
        // When the whole file is imported again
        let full = try sandbox.file("full.csv", header + lines.joined(separator: "\n") + "\n")
        let summary = try sandbox.ok(["riders", "import", full], token: coordinator)
        // Then the summary says 60 were there already and 40 are new
        #expect(summary["unchanged"] as? Int == 60 && summary["imported"] as? Int == 40 && summary["updated"] as? Int == 0)
    }
}
