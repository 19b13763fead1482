import Foundation
import GRDB
import TuanjuCore

/// The GeoReport v2 `GET requests` query: which reports, newest first, as the same fields `ReportExport` writes.
public struct Open311Filter: Sendable, Equatable {
    /// The spec's defaults: the last 90 days, at most 1,000 requests.
    public static let defaultWindow: TimeInterval = 90 * 24 * 3600
    public static let maximumCount = 1000
    /// At most this many `service_request_id` values in one query.
    public static let maximumIDs = 100

    /// `service_request_id` (comma-separated in the query): when given, every other parameter is ignored.
    public var ids: [String] = []
    /// `service_code`, comma-separated.
    public var serviceCodes: [String] = []
    /// `start_date` / `end_date` bound `requested_datetime`; without either, the last 90 days.
    public var start: Date?
    public var end: Date?
    /// `status`: open or closed (Open311's two states; `report_status` has Tuanju's finer one).
    public var open: Bool?
    public var limit = maximumCount

    public init() {}
}

extension ReportExport {
    /// Writes the JSON array of the reports the filter selects, newest first; returns how many.
    @discardableResult
    public func open311(_ db: Database, _ filter: Open311Filter, now: Date, write: (String) throws -> Void) throws -> Int {
        var sql = Self.selectColumns + "\nWHERE 1"
        var arguments: StatementArguments = []
        if !filter.ids.isEmpty {
            sql += " AND r.id IN (" + Array(repeating: "?", count: filter.ids.count).joined(separator: ",") + ")"
            arguments += StatementArguments(filter.ids)
        } else {
            if !filter.serviceCodes.isEmpty {
                sql += " AND r.category_code IN (" + Array(repeating: "?", count: filter.serviceCodes.count).joined(separator: ",") + ")"
                arguments += StatementArguments(filter.serviceCodes)
            }
            let start = filter.start ?? (filter.end == nil ? now.addingTimeInterval(-Open311Filter.defaultWindow) : nil)
            if let start {
                sql += " AND r.submitted_at >= ?"
                arguments += [Timestamp.iso(start)]
            }
            if let end = filter.end {
                sql += " AND r.submitted_at <= ?"
                arguments += [Timestamp.iso(end)]
            }
            if let open = filter.open {
                let statuses = Report.Status.allCases.filter { $0.isOpen == open }.map(\.rawValue)
                sql += " AND r.status IN (" + Array(repeating: "?", count: statuses.count).joined(separator: ",") + ")"
                arguments += StatementArguments(statuses)
            }
        }
        sql += " ORDER BY r.submitted_at DESC, r.id LIMIT ?"
        arguments += [min(max(filter.limit, 0), Open311Filter.maximumCount)]
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var count = 0
        try write("[")
        while let row = try cursor.next() {
            try write((count == 0 ? "" : ",") + JSONText.object(try fields(row)))
            count += 1
        }
        try write("]")
        return count
    }
}
