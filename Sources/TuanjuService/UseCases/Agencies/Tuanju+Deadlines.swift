import Foundation
import Reports
import TuanjuCore

extension Tuanju {
    /// `deadlines list` (staff): every category's targets.
    public func listDeadlines(_ caller: Caller) throws -> [Deadline] {
        try caller.requireStaff(DeadlineMsg.actionView)
        return try database.read { db in try Deadlines.all(db) }
    }

    /// `deadlines set` (coordinator): hours to review and to resolve, 1 to 8760 each.
    public func setDeadline(_ caller: Caller, category: String, reviewHours: Int?, resolveHours: Int?) throws -> Deadline {
        let useCase = try useCase(caller, requires: .staff(DeadlineMsg.actionSet))
        guard reviewHours != nil || resolveHours != nil else { throw InputError.invalid(.nothingToChange) }
        for value in [reviewHours, resolveHours].compactMap({ $0 }) where !Deadline.hours.contains(value) {
            throw InputError.invalid(DeadlineMsg.hoursInvalid, ["value": "\(value)"])
        }
        return try useCase.write { work in
            let deadline = try Deadlines.set(work.db, category: category, reviewHours: reviewHours, resolveHours: resolveHours, at: work.now)
            try work.emit(.deadlineChanged, DeadlineEvent(
                category: deadline.category, reviewHours: deadline.reviewHours, resolveHours: deadline.resolveHours, by: caller.id))
            return deadline
        }
    }

    /// `reports overdue` (staff): what is late now, and by how long, the latest first.
    public func overdueReports(_ caller: Caller, stage: OverdueReport.Stage? = nil) throws -> [OverdueReport] {
        try caller.requireStaff(DeadlineMsg.actionView)
        let now = self.now
        return try database.read { db in try Deadlines.overdue(db, at: now, stage: stage) }
    }

    /// The long-running process's check: `report.overdue` for each report and stage newly late, once ever.
    @discardableResult
    public func noticeOverdue() throws -> [OverdueReport] {
        try systemUseCase().write { work in
            let fresh = try Deadlines.notice(work.db, at: work.now)
            for report in fresh { try work.emit(.reportOverdue, OverdueEvent(report)) }
            return fresh
        }
    }
}
