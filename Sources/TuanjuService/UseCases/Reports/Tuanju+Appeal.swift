import Identity
import Reports
import TuanjuCore

extension Tuanju {
    /// `reports appeal` (the report's rider): a rejected report goes back to the review queue, once, within
    /// 7 days of the rejection; the coordinator reviews it again.
    public func appealReport(_ caller: Caller, id: String, reason: String) throws -> Report {
        let useCase = try useCase(caller, requires: .rider(AppealMsg.action))
        let reason = try Appeals.reason(reason)
        return try useCase.write { work in
            guard try Reports.find(work.db, id: id).riderID == caller.id else { throw AccessError.notYours(ServiceMsg.whatReport) }
            let report = try Appeals.appeal(work.db, id: id, by: caller.id, reason: reason, at: work.now)
            try work.emit(.reportAppealed, ReportEvent(report, by: caller.id, note: reason))
            return report
        }
    }
}
