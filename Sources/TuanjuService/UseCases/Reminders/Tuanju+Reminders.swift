import Engagement
import Foundation
import Points
import Riders
import TuanjuCore

/// What one pass of the scheduler did.
public struct SchedulerPass: Sendable, Equatable {
    /// When the pass ran (the use case's one `now`).
    public var at: Date
    /// Session reminders sent (24 h and 2 h together).
    public var sessionReminders = 0
    /// Riders warned that a redemption hold runs out within 24 hours.
    public var holdWarnings = 0
    /// Pending redemptions whose hold ran out, expired in this pass.
    public var holdsExpired = 0
    /// Reports newly past their deadline (`report.overdue`).
    public var overdue = 0

    public init(at: Date) { self.at = at }
}

extension Tuanju {
    /// One pass of the scheduler (`tuanju serve` in the background, `tuanju run`): expires redemption holds that
    /// ran out, sends the reminders that are due (sessions 24 h and 2 h before the start to riders with a place,
    /// holds 24 h before they end), each at most once ever, outside the rider's quiet hours, and never after its
    /// moment passed; then the overdue-report check. Any number of schedulers may run against one data directory:
    /// a reminder's key is claimed in the transaction of its notification, so only one of them sends it.
    @discardableResult
    public func runSchedulerPass() throws -> SchedulerPass {
        let useCase = systemUseCase()
        var pass = try useCase.write { work in
            var pass = SchedulerPass(at: work.now)
            pass.holdsExpired = try expireHolds(work)
            pass.sessionReminders = try sendSessionReminders(work)
            pass.holdWarnings = try sendHoldWarnings(work)
            return pass
        }
        pass.overdue = try noticeOverdue().count
        return pass
    }

    /// The session reminders due now. A reminder's deadline is the next one's due time (a 24 h reminder not sent
    /// by the time the 2 h one is due is dropped), and the start for the 2 h one.
    private func sendSessionReminders(_ work: Work) throws -> Int {
        let leads: [ReminderKind] = [.session24h, .session2h]
        var sent = 0
        for place in try Activities.upcomingPlaces(work.db, from: work.now, until: work.now.addingTimeInterval(ReminderKind.session24h.lead)) {
            for (index, kind) in leads.enumerated() {
                let deadline = index + 1 < leads.count ? place.startsAt.addingTimeInterval(-leads[index + 1].lead) : place.startsAt
                let candidate = ReminderCandidate(
                    kind: kind, subjectID: place.sessionID, riderID: place.riderID, dueAt: place.startsAt.addingTimeInterval(-kind.lead),
                    deadline: deadline, since: place.since)
                if try send(candidate, work) { try work.emit(.sessionReminder, SessionReminderEvent(place, lead: kind.lead)); sent += 1 }
            }
        }
        return sent
    }

    /// The hold warnings due now: 24 h before a pending request's hold ends, until it ends.
    private func sendHoldWarnings(_ work: Work) throws -> Int {
        var sent = 0
        let lead = ReminderKind.holdExpiring.lead
        for hold in try Redemptions.expiring(work.db, from: work.now, until: work.now.addingTimeInterval(lead)) {
            let candidate = ReminderCandidate(
                kind: .holdExpiring, subjectID: hold.requestID, riderID: hold.riderID, dueAt: hold.expiresAt.addingTimeInterval(-lead),
                deadline: hold.expiresAt, since: hold.requestedAt)
            if try send(candidate, work) { try work.emit(.redemptionHoldExpiring, HoldExpiringEvent(hold)); sent += 1 }
        }
        return sent
    }

    /// Whether `candidate` goes out now; if so its key is claimed here, and the caller emits its event (whose
    /// notification is written in this same transaction).
    private func send(_ candidate: ReminderCandidate, _ work: Work) throws -> Bool {
        guard candidate.dueAt <= work.now, let recipient = try Reminders.recipient(work.db, riderID: candidate.riderID),
              Reminders.isDue(candidate, quiet: recipient.quietHours, at: work.now)
        else { return false }
        return try Reminders.claim(work.db, candidate, at: work.now)
    }

    /// The scheduler as a loop beside a long-running command: a pass at start, then one every `interval` seconds
    /// until `shouldStop` (polled every 50 ms, so a stop is quick). A failed pass (the database busy past its
    /// timeout) is reported and tried again next time.
    public func runScheduler(
        interval: TimeInterval, shouldStop: @escaping @Sendable () -> Bool,
        report: (Result<SchedulerPass, any Error>) -> Void
    ) {
        while !shouldStop() {
            report(Result { try runSchedulerPass() })
            let wake = Date().addingTimeInterval(interval)
            while !shouldStop(), Date() < wake { usleep(50_000) }
        }
    }
}
