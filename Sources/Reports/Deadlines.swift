import Foundation
import GRDB
import TuanjuCore

/// A category's targets: hours from submission to review, and from acceptance to resolution.
public struct Deadline: Sendable, Equatable {
    public let category: String
    public let reviewHours: Int
    public let resolveHours: Int
    public let updatedAt: String

    public static let hours = 1...8760
}

/// A report past its target, and by how long.
public struct OverdueReport: Sendable, Equatable {
    public enum Stage: String, Sendable, CaseIterable { case review, resolve }

    public let reportID: String
    public let category: String
    public let status: Report.Status
    public let stage: Stage
    public let agencyID: String?
    public let agency: String?
    public let dueAt: Date
    /// Seconds past `dueAt`.
    public let late: TimeInterval
}

/// The rules of deadlines. Run inside the caller's transaction.
public enum Deadlines {
    /// A category without its own targets (one added after the seed) has these.
    public static let fallback = (review: 24, resolve: 168)

    public static func all(_ db: Database) throws -> [Deadline] {
        try Row.fetchAll(db, sql: """
            SELECT c.code, coalesce(d.review_hours, ?), coalesce(d.resolve_hours, ?), coalesce(d.updated_at, '')
            FROM categories c LEFT JOIN category_deadlines d ON d.category_code = c.code ORDER BY c.position, c.code
            """, arguments: [fallback.review, fallback.resolve]).map {
            Deadline(category: $0[0], reviewHours: $0[1], resolveHours: $0[2], updatedAt: $0[3])
        }
    }

    /// Sets a category's targets; nil keeps a value.
    public static func set(_ db: Database, category: String, reviewHours: Int?, resolveHours: Int?, at date: Date) throws -> Deadline {
        guard let current = try all(db).first(where: { $0.category == category }) else {
            throw ReportError.categoryNotFound(code: category)
        }
        try db.execute(sql: """
            INSERT INTO category_deadlines (category_code, review_hours, resolve_hours, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (category_code) DO UPDATE SET review_hours = excluded.review_hours,
                resolve_hours = excluded.resolve_hours, updated_at = excluded.updated_at
            """, arguments: [category, reviewHours ?? current.reviewHours, resolveHours ?? current.resolveHours, Timestamp.iso(date)])
        return try all(db).first { $0.category == category }!
    }

    /// Every open report past its target at `date`, the latest first. Review runs from submission (or the
    /// appeal that put it back in the queue); resolution from the first acceptance.
    public static func overdue(_ db: Database, at date: Date, stage: OverdueReport.Stage? = nil) throws -> [OverdueReport] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, r.category_code, r.status, r.agency_id, r.agency,
                CASE WHEN r.status = 'submitted'
                    THEN (SELECT max(at) FROM report_history h WHERE h.report_id = r.id AND h.status = 'submitted')
                    ELSE (SELECT min(at) FROM report_history h WHERE h.report_id = r.id AND h.status = 'accepted') END,
                coalesce(d.review_hours, ?), coalesce(d.resolve_hours, ?)
            FROM reports r LEFT JOIN category_deadlines d ON d.category_code = r.category_code
            WHERE r.status IN ('submitted', 'accepted', 'dispatched', 'reopened')
            """, arguments: [fallback.review, fallback.resolve])
        var late: [OverdueReport] = []
        for row in rows {
            let status = Report.Status(rawValue: row[2]) ?? .submitted
            let reportStage: OverdueReport.Stage = status == .submitted ? .review : .resolve
            if let stage, stage != reportStage { continue }
            guard let startText: String = row[5], let start = Timestamp.parse(startText) else { continue }
            let hours: Int = reportStage == .review ? row[6] : row[7]
            let due = start.addingTimeInterval(TimeInterval(hours) * 3600)
            guard date > due else { continue }
            late.append(OverdueReport(reportID: row[0], category: row[1], status: status, stage: reportStage, agencyID: row[3],
                                      agency: row[4], dueAt: due, late: date.timeIntervalSince(due)))
        }
        return late.sorted { ($0.late, $0.reportID) > ($1.late, $1.reportID) }
    }

    /// The overdue reports not noticed before, now noticed: each (report, stage) once, ever.
    public static func notice(_ db: Database, at date: Date) throws -> [OverdueReport] {
        var fresh: [OverdueReport] = []
        for report in try overdue(db, at: date) {
            try db.execute(sql: """
                INSERT INTO overdue_notices (report_id, stage, due_at, noticed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [report.reportID, report.stage.rawValue, Timestamp.iso(report.dueAt), Timestamp.iso(date)])
            if db.changesCount > 0 { fresh.append(report) }
        }
        return fresh
    }

    /// Loads the seed's targets for every category (the default for those it does not name).
    public static func load(_ db: Database, defaults: (review: Int, resolve: Int), categories: [String: (review: Int, resolve: Int)],
                            at date: Date) throws {
        for code in try String.fetchAll(db, sql: "SELECT code FROM categories") {
            let targets = categories[code] ?? defaults
            try db.execute(sql: """
                INSERT INTO category_deadlines (category_code, review_hours, resolve_hours, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, arguments: [code, targets.review, targets.resolve, Timestamp.iso(date)])
        }
    }
}
