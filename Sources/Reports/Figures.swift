import Foundation
import GRDB
import TuanjuCore

/// The figures a coordinator shows at a meeting (`tuanju stats`): what happened to reports in a period, how fast,
/// what is late, participation, points, and where riders searched the map. Read in one snapshot.
public struct Figures: Sendable, Equatable {
    public enum Grouping: String, Sendable, CaseIterable { case week, month }

    /// Median and 90th percentile, in hours (nearest rank: the value at position ⌈p·n⌉ of the sorted list).
    public struct Quantiles: Sendable, Equatable {
        public let median: Double
        public let p90: Double
        public let count: Int

        public init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            func rank(_ p: Double) -> Double { sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)] }
            median = (rank(0.5) * 100).rounded() / 100
            p90 = (rank(0.9) * 100).rounded() / 100
            count = values.count
        }
    }

    /// Each counts the reports that reached that step in the period (a report accepted and resolved counts in both).
    public struct Counts: Sendable, Equatable {
        public var submitted = 0
        public var accepted = 0
        public var rejected = 0
        public var resolved = 0
        /// Of the reports accepted in the period, the share resolved by its end; nil when none was accepted.
        public var resolutionRate: Double?
        public var timeToReview: Quantiles?
        public var timeToResolve: Quantiles?
        /// Open reports past their target now.
        public var overdue = 0
    }

    public struct Group: Sendable, Equatable {
        public let key: String
        public let counts: Counts
    }

    public struct Bucket: Sendable, Equatable {
        /// The first day of the week (Monday) or month, `YYYY-MM-DD`, UTC.
        public let start: String
        public var submitted = 0
        public var accepted = 0
        public var rejected = 0
        public var resolved = 0
    }

    /// Counts of what riders did; nil where fewer than `threshold` riders did it (the portrait's rule).
    public struct Participation: Sendable, Equatable {
        public var activeRiders: Int?
        public var claims: Int?
        public var reports: Int?
        public var signups: Int?
        public var attendance: Int?
        public var lessons: Int?
        public var surveyAnswers: Int?
    }

    public struct PointsFigures: Sendable, Equatable {
        /// Awarded and redeemed in the period.
        public var awarded = 0
        public var redeemed = 0
        /// Now: set aside for pending redemptions, and every rider's balance (what the programme owes).
        public var held = 0
        public var outstanding = 0
    }

    public struct DemandCellFigure: Sendable, Equatable {
        public let lat: Double
        public let lon: Double
        public let queries: Int
    }

    public static let threshold = 5

    public let from: Date
    public let to: Date
    public let grouping: Grouping
    public var totals = Counts()
    public var byCategory: [Group] = []
    public var byRole: [Group] = []
    public var byAgency: [Group] = []
    public var trend: [Bucket] = []
    public var participation = Participation()
    public var points = PointsFigures()
    public var demand: [DemandCellFigure] = []
}

extension Figures {
    /// One report's steps, from its history.
    struct Steps {
        var category = "", role = "", agency: String?
        var submittedAt: Date?
        var firstReview: Date?, firstAccepted: Date?, firstResolved: Date?
        /// (status, at) of every transition.
        var entries: [(String, Date)] = []
    }

    /// Computes the figures of [from, to) at `now` (for "overdue now").
    public static func compute(_ db: Database, from: Date, to: Date, grouping: Grouping, now: Date) throws -> Figures {
        var figures = Figures(from: from, to: to, grouping: grouping)
        var steps: [String: Steps] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT h.report_id, h.status, h.at, r.category_code, c.role_code, r.agency, r.submitted_at
            FROM report_history h JOIN reports r ON r.id = h.report_id JOIN categories c ON c.code = r.category_code
            ORDER BY h.report_id, h.seq
            """)
        for row in rows {
            let id: String = row[0]
            var step = steps[id] ?? Steps()
            step.category = row[3]
            step.role = row[4]
            step.agency = row[5]
            step.submittedAt = Timestamp.parse(row[6])
            let status: String = row[1]
            guard let at = Timestamp.parse(row[2]) else { continue }
            step.entries.append((status, at))
            if ["accepted", "rejected", "duplicate"].contains(status), step.firstReview == nil { step.firstReview = at }
            if status == "accepted", step.firstAccepted == nil { step.firstAccepted = at }
            if status == "resolved", step.firstResolved == nil { step.firstResolved = at }
            steps[id] = step
        }
        let late = try Deadlines.overdue(db, at: now)
        let lateIDs = Set(late.map(\.reportID))
        let all = Array(steps)
        func counts(_ reports: [(key: String, value: Steps)]) -> Counts {
            var counts = Counts()
            var reviewHours: [Double] = [], resolveHours: [Double] = []
            var acceptedInPeriod = 0, acceptedThenResolved = 0
            for (id, step) in reports {
                func within(_ date: Date?) -> Bool { date.map { $0 >= from && $0 < to } ?? false }
                func reached(_ status: String) -> Bool { step.entries.contains { $0.0 == status && $0.1 >= from && $0.1 < to } }
                if within(step.submittedAt) { counts.submitted += 1 }
                if reached("accepted") {
                    counts.accepted += 1
                    acceptedInPeriod += 1
                    if step.entries.contains(where: { $0.0 == "resolved" && $0.1 < to }) { acceptedThenResolved += 1 }
                }
                if reached("rejected") { counts.rejected += 1 }
                if reached("resolved") { counts.resolved += 1 }
                if within(step.firstReview), let review = step.firstReview, let submitted = step.submittedAt {
                    reviewHours.append(review.timeIntervalSince(submitted) / 3600)
                }
                if within(step.firstResolved), let resolved = step.firstResolved, let accepted = step.firstAccepted {
                    resolveHours.append(resolved.timeIntervalSince(accepted) / 3600)
                }
                if lateIDs.contains(id) { counts.overdue += 1 }
            }
            counts.resolutionRate = acceptedInPeriod == 0 ? nil : (Double(acceptedThenResolved) / Double(acceptedInPeriod) * 1000).rounded() / 1000
            counts.timeToReview = Quantiles(reviewHours)
            counts.timeToResolve = Quantiles(resolveHours)
            return counts
        }
        figures.totals = counts(all)
        func grouped(_ key: (Steps) -> String?) -> [Group] {
            Dictionary(grouping: all.filter { key($0.value) != nil }, by: { key($0.value)! })
                .map { Group(key: $0.key, counts: counts($0.value)) }
                .filter { $0.counts != Counts() }
                .sorted { ($0.counts.submitted, $0.counts.accepted, $1.key) > ($1.counts.submitted, $1.counts.accepted, $0.key) }
        }
        figures.byCategory = grouped { $0.category }
        figures.byRole = grouped { $0.role }
        figures.byAgency = grouped { $0.agency }
        figures.trend = buckets(from: from, to: to, grouping: grouping).map { start, end in
            var bucket = Bucket(start: String(Timestamp.iso(start).prefix(10)))
            for (_, step) in all {
                if let submitted = step.submittedAt, submitted >= start, submitted < end { bucket.submitted += 1 }
                func reached(_ status: String) -> Bool { step.entries.contains { $0.0 == status && $0.1 >= start && $0.1 < end } }
                if reached("accepted") { bucket.accepted += 1 }
                if reached("rejected") { bucket.rejected += 1 }
                if reached("resolved") { bucket.resolved += 1 }
            }
            return bucket
        }
        figures.participation = try participation(db, from: from, to: to)
        figures.points = try pointsFigures(db, from: from, to: to)
        figures.demand = try Row.fetchAll(db, sql: """
            SELECT cell_lat, cell_lon, sum(queries) AS total FROM map_demand WHERE day >= ? AND day < ?
            GROUP BY cell_lat, cell_lon ORDER BY total DESC, cell_lat, cell_lon LIMIT 5
            """, arguments: [String(Timestamp.iso(from).prefix(10)), String(Timestamp.iso(to).prefix(10))]).map {
            DemandCellFigure(lat: ((Double($0[0] as Int) + 0.5) * 0.00225 * 1e6).rounded() / 1e6,
                             lon: ((Double($0[1] as Int) + 0.5) * 0.0026 * 1e6).rounded() / 1e6, queries: $0[2])
        }
        return figures
    }

    /// The ISO-8601 calendar in UTC: weeks start on Monday.
    public static var utc: Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// Weeks start on Monday, months on the 1st (UTC); the first and last buckets are cut to the period.
    static func buckets(from: Date, to: Date, grouping: Grouping) -> [(Date, Date)] {
        let calendar = utc
        let component: Calendar.Component = grouping == .week ? .weekOfYear : .month
        guard var start = calendar.dateInterval(of: component, for: from)?.start else { return [] }
        var result: [(Date, Date)] = []
        while start < to, result.count < 600 {
            let end = calendar.date(byAdding: component, value: 1, to: start)!
            result.append((max(start, from), min(end, to)))
            start = end
        }
        return result
    }

    static func participation(_ db: Database, from: Date, to: Date) throws -> Participation {
        let range: StatementArguments = [Timestamp.iso(from), Timestamp.iso(to)]
        func figure(_ sql: String) throws -> (Int?, Set<String>) {
            let riders = try String.fetchAll(db, sql: sql, arguments: range)
            return (Set(riders).count < threshold ? nil : riders.count, Set(riders))
        }
        let claims = try figure("SELECT rider_id FROM claims WHERE claimed_at >= ? AND claimed_at < ?")
        let reports = try figure("SELECT rider_id FROM reports WHERE submitted_at >= ? AND submitted_at < ?")
        let signups = try figure("SELECT rider_id FROM activity_signups WHERE queued_at >= ? AND queued_at < ?")
        let attendance = try figure("SELECT rider_id FROM activity_signups WHERE checked_in_at >= ? AND checked_in_at < ?")
        let lessons = try figure("SELECT rider_id FROM lesson_completions WHERE completed_at >= ? AND completed_at < ?")
        let answers = try figure("SELECT rider_id FROM survey_responses WHERE answered_at >= ? AND answered_at < ?")
        let active = [claims, reports, signups, attendance, lessons, answers].reduce(into: Set<String>()) { $0.formUnion($1.1) }
        return Participation(
            activeRiders: active.count < threshold ? nil : active.count, claims: claims.0, reports: reports.0, signups: signups.0,
            attendance: attendance.0, lessons: lessons.0, surveyAnswers: answers.0)
    }

    static func pointsFigures(_ db: Database, from: Date, to: Date) throws -> PointsFigures {
        let range: StatementArguments = [Timestamp.iso(from), Timestamp.iso(to)]
        var figures = PointsFigures()
        figures.awarded = try Int.fetchOne(db, sql: """
            SELECT coalesce(sum(amount), 0) FROM transfers WHERE kind = 'award' AND created_at >= ? AND created_at < ?
            """, arguments: range) ?? 0
        figures.redeemed = try Int.fetchOne(db, sql: """
            SELECT coalesce(sum(amount), 0) FROM transfers WHERE kind = 'redemption' AND created_at >= ? AND created_at < ?
            """, arguments: range) ?? 0
        let row = try Row.fetchOne(db, sql: "SELECT coalesce(sum(held), 0), coalesce(sum(balance), 0) FROM accounts WHERE kind = 'rider'")
        figures.held = row?[0] ?? 0
        figures.outstanding = row?[1] ?? 0
        return figures
    }
}
