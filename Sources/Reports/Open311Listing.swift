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
    /// Who is reading: staff see every report as written; everyone else (no key, or a rider's key) sees only
    /// what a coordinator reviewed and let stand (accepted, dispatched, resolved) plus, for a rider, their own
    /// reports, with phone and ID-card numbers masked in the text (`PublicText`).
    public var audience: Audience = .public(riderID: nil)

    public enum Audience: Sendable, Equatable {
        case staff
        case `public`(riderID: String?)
    }

    /// The statuses the public sees: a coordinator accepted the report (and it may since have moved on).
    public static let publicStatuses: [Report.Status] = [.accepted, .dispatched, .resolved]

    public init() {}
}

extension ReportExport {
    /// Writes the JSON array of the reports the filter selects, newest first; returns how many.
    @discardableResult
    public func open311(_ db: Database, _ filter: Open311Filter, now: Date, write: (String) throws -> Void) throws -> Int {
        var sql = Self.selectColumns + "\nWHERE 1"
        var arguments: StatementArguments = []
        if case .public(let riderID) = filter.audience {
            // Applies to every query, ids included: an unreviewed report answers as if it did not exist.
            let statuses = Open311Filter.publicStatuses.map(\.rawValue)
            sql += " AND (r.status IN (" + Array(repeating: "?", count: statuses.count).joined(separator: ",") + ")"
            arguments += StatementArguments(statuses)
            if let riderID {
                sql += " OR r.rider_id = ?"
                arguments += [riderID]
            }
            sql += ")"
        }
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
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var writer = Open311Writer(self, masked: filter.audience != .staff)
        try write("[")
        let count = try writer.rows(statement, separator: ",", write: write)
        try write("]")
        return count
    }
}
