import Foundation
import Reports
import TuanjuCore

extension Tuanju {
    /// `tuanju stats` (staff): the period is whole UTC days `from`…`to` (inclusive), by default the current month
    /// up to now.
    public func stats(_ caller: Caller, from: String?, to: String?, by grouping: Figures.Grouping) throws -> Figures {
        try caller.requireStaff(DeadlineMsg.actionStats)
        let now = self.now
        func day(_ text: String) throws -> Date {
            guard text.count == 10, let date = Timestamp.parse(text + "T00:00:00Z") else {
                throw InputError.invalid(DeadlineMsg.dayInvalid, ["value": text])
            }
            return date
        }
        let start = try from.map(day) ?? Figures.utc.dateInterval(of: .month, for: now)!.start
        let end = try to.map { try day($0).addingTimeInterval(86_400) } ?? now
        guard start < end, end.timeIntervalSince(start) <= 3660 * 86_400 else {
            throw InputError.invalid(DeadlineMsg.periodInvalid, ["from": Timestamp.iso(start), "to": Timestamp.iso(end)])
        }
        return try database.read { db in try Figures.compute(db, from: start, to: end, grouping: grouping, now: now) }
    }
}
