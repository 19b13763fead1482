import Foundation
import GRDB
import TuanjuCore

/// A report as the console's map draws it: where, what and in which state; nothing else is read.
public struct ReportPin: Sendable, Equatable {
    public let id: String
    public let status: Report.Status
    public let categoryCode: String
    public let location: Coordinate
    public let submittedAt: String

    public init(id: String, status: Report.Status, categoryCode: String, location: Coordinate, submittedAt: String) {
        self.id = id
        self.status = status
        self.categoryCode = categoryCode
        self.location = location
        self.submittedAt = submittedAt
    }
}

extension Reports {
    /// The review queue: submitted reports, oldest first (the one waiting longest is reviewed first), at most
    /// `limit`, and how many are waiting in all. Reads the `reports_status` index (status, submitted_at, rowid):
    /// reports of the same second come in the order they were submitted.
    public static func queue(_ db: Database, limit: Int) throws -> (reports: [Report], waiting: Int) {
        let waiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports WHERE status = 'submitted'") ?? 0
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(Report.columns) FROM reports WHERE status = 'submitted' ORDER BY submitted_at, rowid LIMIT ?",
            arguments: [limit])
        return (try rows.map { try Report(row: $0, photos: try photoHashes(db, id: $0[0])) }, waiting)
    }

    /// What the map shows: located reports matching the filter, newest first, at most `limit`, and how many
    /// match in all. `from` and `to` are ISO times compared with `submitted_at` (`to` exclusive).
    public struct PinFilter: Sendable, Equatable {
        public var status: Report.Status?
        public var category: String?
        public var from: String?
        public var to: String?
        public init(status: Report.Status? = nil, category: String? = nil, from: String? = nil, to: String? = nil) {
            self.status = status
            self.category = category
            self.from = from
            self.to = to
        }
    }

    public static func pins(_ db: Database, _ filter: PinFilter, limit: Int) throws -> (pins: [ReportPin], matching: Int) {
        var conditions = ["lat IS NOT NULL", "lon IS NOT NULL"]
        var arguments: StatementArguments = []
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let category = filter.category {
            conditions.append("category_code = ?")
            arguments += [category]
        }
        if let from = filter.from {
            conditions.append("submitted_at >= ?")
            arguments += [from]
        }
        if let to = filter.to {
            conditions.append("submitted_at < ?")
            arguments += [to]
        }
        let where_ = conditions.joined(separator: " AND ")
        let matching = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports WHERE \(where_)", arguments: arguments) ?? 0
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, status, category_code, lat, lon, submitted_at FROM reports WHERE \(where_) ORDER BY submitted_at DESC, id DESC LIMIT ?",
            arguments: arguments + [limit])
        var pins: [ReportPin] = []
        while let row = try rows.next() {
            pins.append(ReportPin(
                id: row[0], status: Report.Status(rawValue: row[1]) ?? .submitted, categoryCode: row[2],
                location: try Coordinate(lat: row[3], lon: row[4]), submittedAt: row[5]))
        }
        return (pins, matching)
    }
}
