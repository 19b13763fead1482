import Foundation
import GRDB
import TuanjuCore

/// Map-search counts kept on disk while another process holds the write lock, so that a read-only command
/// (`map nearest`) never waits for a writer nor loses its counts: each busy flush leaves one small JSON file
/// `demand-<uuid>.json` in `directory`; the next flush that gets the lock adds every waiting file in its own
/// transaction and records the file's name there (`map_demand_spool`), then deletes the files. A crash
/// between that commit and the deletion leaves a file whose name is recorded: it is deleted, not counted again.
public struct DemandSpool: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    struct Entry: Codable {
        let day: String
        let lat: Int
        let lon: Int
        let kind: String
        let queries: Int
    }

    /// Writes `counts` to a new spool file (a temporary name, then a rename: readers never see half a file).
    public func keep(_ counts: [DemandTally.Key: Int]) throws {
        guard !counts.isEmpty else { return }
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let entries = counts.map { Entry(day: $0.key.day, lat: $0.key.cell.latIndex, lon: $0.key.cell.lonIndex, kind: $0.key.kind, queries: $0.value) }
        let name = "demand-\(UUID().uuidString).json"
        let temporary = directory + "/.tmp-" + name
        try JSONEncoder().encode(entries).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, directory + "/" + name) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Whether a spool file waits to be added.
    public var hasWaiting: Bool { !waitingNames().isEmpty }

    func waitingNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("demand-") && $0.hasSuffix(".json") }
    }

    /// Adds every waiting spool file not added before and records its name; forgets the names of files that
    /// are gone. Runs in the flush's write transaction (which also keeps two flushers from taking the same
    /// file). Returns the files to delete once that transaction has committed.
    public func addWaiting(_ db: Database, at date: Date) throws -> [String] {
        let names = waitingNames()
        let known = try db.cachedStatement(sql: "SELECT 1 FROM map_demand_spool WHERE name = ?")
        for name in names where try Bool.fetchOne(known, arguments: [name]) == nil {
            // A file that does not decode (cut short by a power loss) is dropped: counts are statistics.
            if let data = FileManager.default.contents(atPath: directory + "/" + name),
               let entries = try? JSONDecoder().decode([Entry].self, from: data) {
                var counts: [DemandTally.Key: Int] = [:]
                for entry in entries where entry.queries > 0 {
                    let key = DemandTally.Key(day: entry.day, cell: DemandCell(latIndex: entry.lat, lonIndex: entry.lon), kind: entry.kind)
                    counts[key, default: 0] += entry.queries
                }
                try DemandCells.add(db, counts)
            }
            try db.execute(sql: "INSERT INTO map_demand_spool (name, applied_at) VALUES (?, ?)",
                           arguments: [name, Timestamp.iso(date)])
        }
        let present = String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
        try db.execute(sql: "DELETE FROM map_demand_spool WHERE name NOT IN (SELECT value FROM json_each(?))", arguments: [present])
        return names
    }

    /// Deletes spool files whose counts have committed.
    public func remove(_ names: [String]) {
        for name in names { unlink(directory + "/" + name) }
    }
}
