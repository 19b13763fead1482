import Foundation
import Reports
import TuanjuCore

/// The JSON shape of `tuanju stats` and `GET /v1/stats`.
public struct StatsJSON: Encodable, Sendable {
    public struct QuantilesJSON: Encodable, Sendable {
        public let median_hours: Double
        public let p90_hours: Double
        public let count: Int
    }

    public struct CountsJSON: Encodable, Sendable {
        public let submitted, accepted, rejected, resolved, overdue: Int
        public let resolution_rate: Double?
        public let time_to_review: QuantilesJSON?
        public let time_to_resolve: QuantilesJSON?

        init(_ counts: Figures.Counts) {
            submitted = counts.submitted
            accepted = counts.accepted
            rejected = counts.rejected
            resolved = counts.resolved
            overdue = counts.overdue
            resolution_rate = counts.resolutionRate
            time_to_review = counts.timeToReview.map { QuantilesJSON(median_hours: $0.median, p90_hours: $0.p90, count: $0.count) }
            time_to_resolve = counts.timeToResolve.map { QuantilesJSON(median_hours: $0.median, p90_hours: $0.p90, count: $0.count) }
        }
    }

    public struct GroupJSON: Encodable, Sendable {
        public let key: String
        public let figures: CountsJSON
    }

    public struct BucketJSON: Encodable, Sendable {
        public let start: String
        public let submitted, accepted, rejected, resolved: Int
    }

    public struct ParticipationJSON: Encodable, Sendable {
        public let active_riders, claims, reports, signups, attendance, lessons, survey_answers: Int?
        public let threshold: Int
    }

    public struct PointsJSON: Encodable, Sendable {
        public let awarded, redeemed, held, outstanding: Int
    }

    public struct CellJSON: Encodable, Sendable {
        public let lat, lon: Double
        public let queries: Int
    }

    public let from: String
    public let to: String
    public let by: String
    public let totals: CountsJSON
    public let by_category: [GroupJSON]
    public let by_role: [GroupJSON]
    public let by_agency: [GroupJSON]
    public let trend: [BucketJSON]
    public let participation: ParticipationJSON
    public let points: PointsJSON
    public let demand: [CellJSON]

    public init(_ figures: Figures) {
        from = Timestamp.iso(figures.from)
        to = Timestamp.iso(figures.to)
        by = figures.grouping.rawValue
        totals = CountsJSON(figures.totals)
        by_category = figures.byCategory.map { GroupJSON(key: $0.key, figures: CountsJSON($0.counts)) }
        by_role = figures.byRole.map { GroupJSON(key: $0.key, figures: CountsJSON($0.counts)) }
        by_agency = figures.byAgency.map { GroupJSON(key: $0.key, figures: CountsJSON($0.counts)) }
        trend = figures.trend.map { BucketJSON(start: $0.start, submitted: $0.submitted, accepted: $0.accepted, rejected: $0.rejected, resolved: $0.resolved) }
        let p = figures.participation
        participation = ParticipationJSON(
            active_riders: p.activeRiders, claims: p.claims, reports: p.reports, signups: p.signups, attendance: p.attendance,
            lessons: p.lessons, survey_answers: p.surveyAnswers, threshold: Figures.threshold)
        points = PointsJSON(awarded: figures.points.awarded, redeemed: figures.points.redeemed, held: figures.points.held,
                            outstanding: figures.points.outstanding)
        demand = figures.demand.map { CellJSON(lat: $0.lat, lon: $0.lon, queries: $0.queries) }
    }

    /// Long CSV rows: section, key, metric, value (a hidden figure is `<5`).
    public var csvRows: [[String]] {
        var rows: [[String]] = [["section", "key", "metric", "value"]]
        func counts(_ section: String, _ key: String, _ c: CountsJSON) {
            for (metric, value) in [("submitted", c.submitted), ("accepted", c.accepted), ("rejected", c.rejected),
                                    ("resolved", c.resolved), ("overdue", c.overdue)] {
                rows.append([section, key, metric, "\(value)"])
            }
            rows.append([section, key, "resolution_rate", c.resolution_rate.map { "\($0)" } ?? ""])
            rows.append([section, key, "review_median_hours", c.time_to_review.map { "\($0.median_hours)" } ?? ""])
            rows.append([section, key, "review_p90_hours", c.time_to_review.map { "\($0.p90_hours)" } ?? ""])
            rows.append([section, key, "resolve_median_hours", c.time_to_resolve.map { "\($0.median_hours)" } ?? ""])
            rows.append([section, key, "resolve_p90_hours", c.time_to_resolve.map { "\($0.p90_hours)" } ?? ""])
        }
        counts("totals", "all", totals)
        for group in by_category { counts("category", group.key, group.figures) }
        for group in by_role { counts("role", group.key, group.figures) }
        for group in by_agency { counts("agency", group.key, group.figures) }
        for bucket in trend {
            for (metric, value) in [("submitted", bucket.submitted), ("accepted", bucket.accepted), ("rejected", bucket.rejected),
                                    ("resolved", bucket.resolved)] {
                rows.append(["trend", bucket.start, metric, "\(value)"])
            }
        }
        let p = participation
        for (metric, value) in [("active_riders", p.active_riders), ("claims", p.claims), ("reports", p.reports), ("signups", p.signups),
                                ("attendance", p.attendance), ("lessons", p.lessons), ("survey_answers", p.survey_answers)] {
            rows.append(["participation", "all", metric, value.map { "\($0)" } ?? "<\(p.threshold)"])
        }
        for (metric, value) in [("awarded", points.awarded), ("redeemed", points.redeemed), ("held", points.held),
                                ("outstanding", points.outstanding)] {
            rows.append(["points", "all", metric, "\(value)"])
        }
        for cell in demand { rows.append(["demand", "\(cell.lat),\(cell.lon)", "queries", "\(cell.queries)"]) }
        return rows
    }
}
