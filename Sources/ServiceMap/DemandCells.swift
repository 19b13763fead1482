import Foundation
import GRDB
import Synchronization
import TuanjuCore

/// A ~250 m square of the map. A search's position is reduced to its cell and day before anything is kept,
/// so where a rider stood is never stored (docs/privacy.md).
public struct DemandCell: Sendable, Hashable {
    public static let latStep = 0.00225
    public static let lonStep = 0.0026

    public let latIndex: Int
    public let lonIndex: Int

    public init(_ coordinate: Coordinate) {
        latIndex = Int((coordinate.lat / Self.latStep).rounded(.down))
        lonIndex = Int((coordinate.lon / Self.lonStep).rounded(.down))
    }

    public init(latIndex: Int, lonIndex: Int) {
        self.latIndex = latIndex
        self.lonIndex = lonIndex
    }

    /// The cell's centre (what reports show instead of any position).
    public var centre: Coordinate {
        // Indices come from valid coordinates, so the centre is valid too.
        (try? Coordinate(lat: (Double(latIndex) + 0.5) * Self.latStep, lon: (Double(lonIndex) + 0.5) * Self.lonStep))
            ?? (try! Coordinate(lat: 0, lon: 0))
    }

    /// Checks a `YYYY-MM-DD` day; returns it normalised.
    public static func parseDay(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day), year > 1900
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The day in Asia/Shanghai, `2026-11-29`. China has kept UTC+8 all year since 1992, so this is arithmetic (a Calendar
    /// per search would cost more than the search).
    public static func day(of date: Date) -> String {
        let days = Int(((date.timeIntervalSince1970 + 8 * 3600) / 86400).rounded(.down))
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

/// Counts searches per cell, day and kind in memory; `flush` adds them to `map_demand` in one transaction.
/// Searches are reads and must stay fast, so counting never writes on the search path. A process that dies
/// before flushing loses its unflushed counts: they are statistics, not records.
public final class DemandTally: Sendable {
    public struct Key: Hashable, Sendable {
        let day: String
        let cell: DemandCell
        let kind: String
    }

    private let counts = Mutex<[Key: Int]>([:])

    public init() {}

    public func count(_ origin: Coordinate, kind: String?, at date: Date) {
        let key = Key(day: DemandCell.day(of: date), cell: DemandCell(origin), kind: kind ?? "")
        counts.withLock { $0[key, default: 0] += 1 }
    }

    /// Takes the pending counts (the caller writes them with `DemandCells.add`).
    public func drain() -> [Key: Int] {
        counts.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }

    /// Puts counts back after a failed write.
    public func restore(_ pending: [Key: Int]) {
        counts.withLock { current in
            for (key, count) in pending { current[key, default: 0] += count }
        }
    }
}

/// A busy cell and how far its centre is from the nearest point of the kind asked about.
public struct DemandRow: Sendable, Equatable {
    public let cell: DemandCell
    public let queries: Int
    public let nearestDistanceM: Double?
    public let nearestPointID: String?
}

public enum DemandCells {
    public static func add(_ db: Database, _ counts: [DemandTally.Key: Int]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO map_demand (day, cell_lat, cell_lon, kind, queries) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (day, cell_lat, cell_lon, kind) DO UPDATE SET queries = queries + excluded.queries
            """)
        for (key, count) in counts {
            try statement.execute(arguments: [key.day, key.cell.latIndex, key.cell.lonIndex, key.kind, count])
        }
    }

    /// The busiest cells since `sinceDay` (inclusive), counting searches for `kind` (and kind-less searches
    /// when `kind` is nil: all of them), with the distance from each cell's centre to the nearest active point.
    public static func busiest(_ db: Database, sinceDay: String?, kind: String?, limit: Int) throws -> [DemandRow] {
        var sql = "SELECT cell_lat, cell_lon, sum(queries) AS total FROM map_demand WHERE 1"
        var arguments: StatementArguments = []
        if let sinceDay {
            sql += " AND day >= ?"
            arguments += [sinceDay]
        }
        if let kind {
            sql += " AND kind = ?"
            arguments += [kind]
        }
        sql += " GROUP BY cell_lat, cell_lon ORDER BY total DESC, cell_lat, cell_lon LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let cell = DemandCell(latIndex: row[0], lonIndex: row[1])
            let nearest = try NearestSearch.search(db, NearestQuery(origin: cell.centre, kind: kind, limit: 1)).first
            return DemandRow(
                cell: cell, queries: row[2], nearestDistanceM: nearest?.distanceM, nearestPointID: nearest?.point.id)
        }
    }
}
