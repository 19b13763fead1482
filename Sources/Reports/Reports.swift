import Foundation
import GRDB
import Storage
import TuanjuCore

/// The rules of reports. Runs inside the caller's transaction.
public enum Reports {
    /// Reports of one category within this distance and time of each other are likely the same problem.
    public static let duplicateRadiusM = 50.0
    public static let duplicateWindow: TimeInterval = 24 * 3600

    public static func insert(_ db: Database, _ draft: ReportDraft, duplicateOf: String?, at date: Date) throws -> Report {
        let id = Identifier.make("rpt")
        let now = Timestamp.iso(date)
        try db.cachedStatement(sql: """
            INSERT INTO reports (id, rider_id, category_code, task_id, claim_id, lat, lon, location_source, note, status,
                duplicate_of, submitted_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?)
            """).execute(arguments: [
                id, draft.riderID, draft.categoryCode, draft.taskID, draft.claimID, draft.location.lat, draft.location.lon,
                draft.locationSource, draft.note, duplicateOf, now, now,
            ])
        let photo = try db.cachedStatement(
            sql: "INSERT INTO report_photos (report_id, position, sha256, format, bytes) VALUES (?, ?, ?, ?, ?)")
        for (position, stored) in draft.photos.enumerated() {
            try photo.execute(arguments: [id, position, stored.sha256, stored.format, stored.bytes])
        }
        try appendHistory(db, id: id, status: .submitted, by: draft.riderID, note: draft.note, at: now)
        return try find(db, id: id)
    }

    public static func find(_ db: Database, id: String) throws -> Report {
        let statement = try db.cachedStatement(sql: "SELECT \(Report.columns) FROM reports WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { throw ReportError.notFound(id: id) }
        return try Report(row: row, photos: try photoHashes(db, id: id))
    }

    static func photoHashes(_ db: Database, id: String) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT sha256 FROM report_photos WHERE report_id = ? ORDER BY position"),
            arguments: [id])
    }

    public static func history(_ db: Database, id: String) throws -> [ReportHistoryEntry] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT status, at, by, note FROM report_history WHERE report_id = ? ORDER BY seq"),
            arguments: [id]
        ).map { ReportHistoryEntry(status: Report.Status(rawValue: $0[0]) ?? .submitted, at: $0[1], by: $0[2], note: $0[3]) }
    }

    /// The oldest open report of the same category within 50 m submitted in the last 24 h, followed to the
    /// head of its duplicate group.
    public static func likelyDuplicate(
        _ db: Database, category: String, location: Coordinate, at date: Date
    ) throws -> String? {
        let since = Timestamp.iso(date.addingTimeInterval(-duplicateWindow))
        let latSpan = duplicateRadiusM / 111_000 * 1.01
        let lonSpan = latSpan / max(0.01, cos(location.lat * .pi / 180))
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, lat, lon, duplicate_of FROM reports
            WHERE category_code = ? AND submitted_at >= ? AND status IN ('submitted', 'accepted', 'dispatched', 'reopened')
              AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?
            ORDER BY submitted_at, id
            """), arguments: [
                category, since, location.lat - latSpan, location.lat + latSpan, location.lon - lonSpan, location.lon + lonSpan,
            ])
        for row in rows {
            let other = try Coordinate(lat: row[1], lon: row[2])
            if other.distance(to: location) <= duplicateRadiusM {
                return (row[3] as String?) ?? row[0]
            }
        }
        return nil
    }

    /// Applies a review action: checks the state machine, records the transition. Points are the caller's.
    public static func transition(
        _ db: Database, id: String, _ action: ReviewAction, by actor: String, at date: Date
    ) throws -> Report {
        var report = try find(db, id: id)
        guard action.allowedFrom.contains(report.status) else {
            throw ReportError.invalidState(id: id, from: report.status.rawValue, to: action.target.rawValue)
        }
        switch action {
        case .duplicate(let of, _):
            guard of != id else { throw ReportError.duplicateTargetInvalid(id: of) }
            let target = try find(db, id: of)
            guard target.categoryCode == report.categoryCode else { throw ReportError.duplicateTargetInvalid(id: of) }
            // Point at the head of the target's group (its own duplicate_of, suggested or confirmed), so a group
            // is always one level deep and is paid once under its head's key.
            let head = target.duplicateOf ?? of
            guard head != id else { throw ReportError.duplicateTargetInvalid(id: of) }
            report.duplicateOf = head
        case .dispatch(let reference, _):
            let agency = try Agencies.resolve(db, reference)
            report.agency = agency.name
            report.agencyID = agency.id
        case .accept, .reject, .resolve, .reopen:
            break
        }
        report.status = action.target
        let now = Timestamp.iso(date)
        try db.cachedStatement(sql: "UPDATE reports SET status = ?, duplicate_of = ?, agency = ?, agency_id = ?, updated_at = ? WHERE id = ?")
            .execute(arguments: [report.status.rawValue, report.duplicateOf, report.agency, report.agencyID, now, id])
        try appendHistory(db, id: id, status: report.status, by: actor, note: action.note, at: now)
        return try find(db, id: id)
    }

    /// Records the points an acceptance paid.
    public static func setPointsAwarded(_ db: Database, id: String, points: Int) throws {
        try db.execute(sql: "UPDATE reports SET points_awarded = ? WHERE id = ?", arguments: [points, id])
    }

    /// Whether any report of the duplicate group headed by `head` was paid already.
    public static func groupWasPaid(_ db: Database, head: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM reports WHERE (id = ? OR duplicate_of = ?) AND points_awarded > 0)
            """, arguments: [head, head]) ?? false
    }

    static func appendHistory(_ db: Database, id: String, status: Report.Status, by actor: String, note: String, at now: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO report_history (report_id, seq, status, at, by, note)
            VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM report_history WHERE report_id = ?), ?, ?, ?, ?)
            """).execute(arguments: [id, id, status.rawValue, now, actor, note])
    }

    /// Listing filters.
    public struct Filter: Sendable {
        public var status: Report.Status?
        public var riderID: String?
        public var category: String?
        public init() {}
    }

    /// Newest first; the order of paging.
    public static let keyset = Keyset(table: "reports", keys: ["submitted_at", "id"], descending: true)

    public static func list(_ db: Database, _ filter: Filter, page: PageRequest) throws -> Page<Report> {
        var sql = "SELECT \(Report.columns) FROM reports WHERE 1"
        var arguments: StatementArguments = []
        if let after = try keyset.after(db, page.after) {
            sql += " AND " + after.sql
            arguments += after.arguments
        }
        if let status = filter.status {
            sql += " AND status = ?"
            arguments += [status.rawValue]
        }
        if let rider = filter.riderID {
            sql += " AND rider_id = ?"
            arguments += [rider]
        }
        if let category = filter.category {
            sql += " AND category_code = ?"
            arguments += [category]
        }
        sql += " ORDER BY \(keyset.order()) LIMIT ?"
        arguments += [page.limit + 1]
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Report(row: $0, photos: try photoHashes(db, id: $0[0])) }
        return Page.cut(rows, limit: page.limit, id: \.id)
    }

    /// Every photo hash any report references (for `photos gc` and `doctor`).
    public static func referencedPhotos(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM report_photos"))
    }
}
