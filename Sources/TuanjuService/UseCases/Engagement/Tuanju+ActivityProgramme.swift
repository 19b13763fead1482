import Engagement
import Foundation
import TuanjuCore

extension Tuanju {
    // MARK: - Activities

    /// `activities add` (staff).
    public func addActivity(_ caller: Caller, _ draft: ActivityDraft) throws -> Activity {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        return try useCase.write { work in
            let activity = try ActivityProgramme.add(work.db, draft, by: caller.id, at: work.now)
            try work.emit(.activityCreated, ActivityEvent(activity, by: caller))
            return activity
        }
    }

    /// `activities update` (staff).
    public func updateActivity(_ caller: Caller, id: String, _ changes: ActivityChanges) throws -> Activity {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        return try useCase.write { work in
            let activity = try ActivityProgramme.update(work.db, id: id, changes, at: work.now)
            try work.emit(.activityUpdated, ActivityEvent(activity, by: caller))
            return activity
        }
    }

    /// `activities retire` (staff): refused while sessions ahead are open.
    public func retireActivity(_ caller: Caller, id: String) throws -> Activity {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        return try useCase.write { work in
            let activity = try ActivityProgramme.retire(work.db, id: id, at: work.now)
            try work.emit(.activityRetired, ActivityEvent(activity, by: caller))
            return activity
        }
    }

    // MARK: - Sessions

    /// What `activities schedule` takes before validation: the front ends parse times, the rules check them
    /// against the use case's `now`.
    public struct SessionRequest: Sendable {
        public var startsAt: Date
        public var endsAt: Date
        public var place: String
        public var pointID: String?
        public var capacity: Int
        public var points: Int

        public init(startsAt: Date, endsAt: Date, place: String, pointID: String? = nil, capacity: Int, points: Int = 0) {
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.place = place
            self.pointID = pointID
            self.capacity = capacity
            self.points = points
        }
    }

    /// `activities schedule ACTIVITY` (staff).
    public func scheduleSession(_ caller: Caller, activityID: String, _ request: SessionRequest) throws -> SessionListing {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        let draft = try SessionDraft(startsAt: request.startsAt, endsAt: request.endsAt, place: request.place,
                                     pointID: request.pointID, capacity: request.capacity, points: request.points, now: useCase.now)
        return try useCase.write { work in
            let session = try ActivityProgramme.schedule(work.db, activityID: activityID, draft, by: caller.id, at: work.now)
            try work.emit(.sessionScheduled, SessionEvent(session, by: caller))
            return try listing(work, session)
        }
    }

    /// `activities reschedule SESSION` (staff): only before it starts.
    public func rescheduleSession(_ caller: Caller, id: String, startsAt: Date, endsAt: Date) throws -> SessionListing {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        try SessionDraft.times(startsAt, endsAt, now: useCase.now)
        return try useCase.write { work in
            let session = try ActivityProgramme.reschedule(work.db, id: id, startsAt: startsAt, endsAt: endsAt, at: work.now)
            try work.emit(.sessionRescheduled, SessionEvent(session, by: caller))
            return try listing(work, session)
        }
    }

    /// `activities resize SESSION` (staff): never below the places taken; more places promote the waitlist in
    /// the same transaction, one `activity.promoted` each.
    public func resizeSession(_ caller: Caller, id: String, capacity: Int) throws -> (SessionListing, promoted: [Signup]) {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        let capacity = try SessionDraft.capacity(capacity)
        return try useCase.write { work in
            let (session, promoted) = try ActivityProgramme.resize(work.db, id: id, capacity: capacity, at: work.now)
            try work.emit(.sessionResized, SessionEvent(session, by: caller))
            for signup in promoted { try work.emit(.activityPromoted, SignupEvent(signup)) }
            return (try listing(work, session), promoted)
        }
    }

    /// `activities cancel-session SESSION` (staff): every sign-up and waitlist entry released, one
    /// `activity.cancelled` per rider.
    public func cancelSession(_ caller: Caller, id: String, reason: String) throws -> (SessionListing, released: [Signup]) {
        let useCase = try useCase(caller, requires: .staff(ProgrammeMsg.actionManageProgramme))
        let reason = try ActivityProgramme.reason(reason)
        return try useCase.write { work in
            let (session, released) = try ActivityProgramme.cancelSession(work.db, id: id, reason: reason, at: work.now)
            try work.emit(.sessionCancelled, SessionEvent(session, by: caller))
            for signup in released { try work.emit(.activityCancelled, SignupEvent(signup)) }
            return (try listing(work, session), released)
        }
    }

    /// A session with its activity, as `activities list` shows it.
    private func listing(_ work: Work, _ session: ActivitySession) throws -> SessionListing {
        SessionListing(activity: try ActivityProgramme.activity(work.db, id: session.activityID), session: session, mine: nil)
    }
}
