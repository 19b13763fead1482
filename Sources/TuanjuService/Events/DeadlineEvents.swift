import Foundation
import Reports
import TuanjuCore

/// A report past its target: sent once per report and stage by the long-running process.
struct OverdueEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case reportId = "report_id", category, status, stage, dueAt = "due_at", lateHours = "late_hours", agencyId = "agency_id"
    }

    let reportId: String
    let category: String
    let status: String
    /// review (submitted, not reviewed in time) or resolve (accepted, not resolved in time).
    let stage: String
    let dueAt: String
    let lateHours: Double
    let agencyId: String?

    var auditTarget: String? { reportId }
    static let examples = [
        OverdueEvent(reportId: "rpt_01J9Z3S7F1", category: "manhole-cover", status: "dispatched", stage: "resolve",
                     dueAt: "2026-12-02T08:00:00Z", lateHours: 3.5, agencyId: "agc_01J9Z3V2C1"),
        OverdueEvent(reportId: "rpt_01J9Z3S7F2", category: "waterlogging", status: "submitted", stage: "review",
                     dueAt: "2026-12-02T10:00:00Z", lateHours: 0.25, agencyId: nil),
    ]
}

extension OverdueEvent {
    init(_ report: OverdueReport) {
        self.init(reportId: report.reportID, category: report.category, status: report.status.rawValue, stage: report.stage.rawValue,
                  dueAt: Timestamp.iso(report.dueAt), lateHours: (report.late / 36).rounded() / 100, agencyId: report.agencyID)
    }
}

/// A category's targets changed.
struct DeadlineEvent: EventPayload {
    enum CodingKeys: String, CodingKey { case category, reviewHours = "review_hours", resolveHours = "resolve_hours", by }

    let category: String
    let reviewHours: Int
    let resolveHours: Int
    let by: String

    var auditTarget: String? { category }
    static let examples = [DeadlineEvent(category: "manhole-cover", reviewHours: 4, resolveHours: 24, by: "usr_01J9Z3K8Q4")]
}
