import Foundation
import GRDB
import TuanjuCore

/// A rider's appeal of a rejection: the report goes back to the review queue (`submitted`) with the appeal in
/// its history. The report's own rider (the service checks who is asking) may appeal once, within
/// `Appeals.window` of the rejection, with a reason.
public enum Appeals {
    /// How long after a rejection an appeal is accepted.
    public static let window: TimeInterval = 7 * 86_400

    /// The reason, cleaned: the rule of every report reason (`ReportDraft.reason`), with the appeal's own message.
    public static func reason(_ text: String) throws(InputError) -> String {
        try ReportDraft.reason(text, missing: AppealMsg.reasonRequired)
    }

    public static func appeal(_ db: Database, id: String, by riderID: String, reason: String, at date: Date) throws -> Report {
        let report = try Reports.find(db, id: id)
        guard report.status == .rejected else { throw AppealError.notRejected(id: id, status: report.status.rawValue) }
        let history = try Reports.history(db, id: id)
        // The first `submitted` entry is the submission itself; a second one is an earlier appeal.
        guard history.filter({ $0.status == .submitted }).count < 2 else { throw AppealError.alreadyAppealed(id: id) }
        if let rejected = history.last(where: { $0.status == .rejected }), let at = Timestamp.parse(rejected.at),
           date.timeIntervalSince(at) > window {
            throw AppealError.tooLate(id: id, rejectedAt: rejected.at, days: Int(window / 86_400))
        }
        let now = Timestamp.iso(date)
        try db.execute(sql: "UPDATE reports SET status = 'submitted', updated_at = ? WHERE id = ?", arguments: [now, id])
        try Reports.appendHistory(db, id: id, status: .submitted, by: riderID, note: reason, at: now)
        return try Reports.find(db, id: id)
    }
}

/// Refusals of the appeal rule (exit 1: the request was understood, the rule says no).
public enum AppealError: TuanjuError, Equatable {
    case notRejected(id: String, status: String)
    case alreadyAppealed(id: String)
    case tooLate(id: String, rejectedAt: String, days: Int)

    public var code: String {
        switch self {
        case .notRejected: "invalid_state"
        case .alreadyAppealed: "already_appealed"
        case .tooLate: "appeal_too_late"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .notRejected(let id, let status): LocalizedText(AppealMsg.notRejected, ["id": id, "status": status])
        case .alreadyAppealed(let id): LocalizedText(AppealMsg.alreadyAppealed, ["id": id])
        case .tooLate(let id, let rejectedAt, let days):
            LocalizedText(AppealMsg.tooLate, ["id": id, "rejected_at": rejectedAt, "days": "\(days)"])
        }
    }

    public var category: ErrorCategory { .refused }
}

/// Texts of appeals, English and Simplified Chinese; `{name}` marks an argument.
public enum AppealMsg: String, CaseIterable, CatalogMessage {
    case action, abstract, optReason, appealed, reasonRequired, notRejected, alreadyAppealed, tooLate

    public var texts: (en: String, zh: String) {
        switch self {
        case .action: ("appeal reports", "申诉上报")
        case .abstract:
            ("Appeal the rejection of your report, once, within 7 days: it goes back to the review queue (rider).",
             "对被驳回的上报提出申诉(每条一次,驳回后 7 天内),上报将重新进入审核队列(骑手)。")
        case .optReason: ("Why the report should be looked at again (required).", "申诉理由(必填)。")
        case .appealed: ("report {id} appealed: it is back in the review queue", "上报 {id} 已申诉,重新进入审核队列")
        case .reasonRequired: ("an appeal needs a reason (--reason TEXT)", "申诉需要填写理由(--reason 文字)")
        case .notRejected:
            ("report {id} is {status}: only a rejected report can be appealed", "上报 {id} 当前为“{status}”:只有被驳回的上报可以申诉")
        case .alreadyAppealed: ("report {id} was already appealed once", "上报 {id} 已经申诉过一次")
        case .tooLate:
            ("report {id} was rejected at {rejected_at}; an appeal must come within {days} days",
             "上报 {id} 于 {rejected_at} 被驳回;申诉须在驳回后 {days} 天内提出")
        }
    }
}
