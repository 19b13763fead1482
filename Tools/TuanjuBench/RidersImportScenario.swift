import CSVReader
import Foundation
import GRDBSQLite
import TuanjuCore
import TuanjuService

/// `riders-import`: 100,000 CSV rows. Ours: `Tuanju.importRiders` (auth, streaming CSV, validation,
/// upsert, outbox). Raw: read lines, split on commas, one prepared upsert per row, one transaction.
struct RidersImportScenario: Scenario {
    let rows = Bench.size(100_000, quick: 5_000)

    func prepare(_ work: String) throws {
        var text = "name,phone,platform,party_member,branch\n"
        text.reserveCapacity(rows * 48)
        let platforms = ["meituan", "eleme", "other"]
        for index in 0..<rows {
            let branch = index % 4 == 0 ? "外卖骑手流动党支部" : ""
            text += "骑手\(index),\(13_000_000_000 + index),\(platforms[index % 3]),\(index % 4 == 0 ? "yes" : "no"),\(branch)\n"
        }
        try text.write(toFile: work + "/riders.csv", atomically: true, encoding: .utf8)
        // Both sides start from a freshly initialized data directory with the same schema.
        for side in ["ours", "raw"] {
            _ = try Tuanju.initialize(DataDirectory(path: work + "/" + side))
        }
    }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let admin = Caller(kind: .admin, id: "usr_bench", name: "bench")
        let summary = try app.importRiders(admin, path: work + "/riders.csv", strict: false)
        guard summary.imported == rows else { throw BenchError(message: "imported \(summary.imported) of \(rows)") }
        return rows
    }

    func runRaw(_ work: String) throws -> Int {
        let db = try RawSQLite(path: work + "/raw/tuanju.sqlite")
        let statement = try db.prepare("""
            INSERT INTO riders (id, name, phone, platform, party_member, branch, active, registered_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (phone) DO UPDATE SET
                name = excluded.name, platform = excluded.platform,
                party_member = excluded.party_member, branch = excluded.branch, updated_at = excluded.updated_at
            """)
        defer { sqlite3_finalize(statement) }
        guard let file = fopen(work + "/riders.csv", "r") else { throw BenchError(message: "no csv") }
        defer { fclose(file) }
        let now = Timestamp.iso(Date())
        var buffer = [CChar](repeating: 0, count: 4096)
        var count = 0
        try db.execute("BEGIN IMMEDIATE")
        _ = fgets(&buffer, 4096, file)  // header
        while fgets(&buffer, 4096, file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).dropLast()
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            bind(statement, 1, Identifier.make("rdr"))
            bind(statement, 2, fields[0])
            bind(statement, 3, fields[1])
            bind(statement, 4, fields[2])
            sqlite3_bind_int(statement, 5, fields[3] == "yes" ? 1 : 0)
            bind(statement, 6, fields[4].isEmpty ? nil : fields[4])
            bind(statement, 7, now)
            bind(statement, 8, now)
            guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError(message: "insert failed") }
            sqlite3_reset(statement)
            count += 1
        }
        try db.execute("COMMIT")
        return count
    }
}
