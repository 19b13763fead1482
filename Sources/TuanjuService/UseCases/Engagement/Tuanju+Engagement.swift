import Engagement
import Foundation
import GRDB
import Identity
import Storage
import TuanjuCore

/// A session with its activity, as `activities list` shows it.
public struct SessionListing: Sendable {
    public let activity: Activity
    public let session: ActivitySession
    /// The caller's own sign-up, for riders.
    public let mine: Signup?
}

extension Tuanju {
    // MARK: - Surveys

    /// `surveys list` (any token): the latest version of each survey, and whether it is closed.
    /// Short lists that a coordinator curates are read whole and sliced (`Page.slice`); the cursor is the id.
    public func surveys(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<SurveyStatus> {
        let page = try page.checked()
        let all = try database.read { db in try SurveyStore.latest(db).map { try SurveyPublishing.status(db, $0) } }
        return try Page.slice(all, page, id: \.definition.id)
    }

    /// `surveys show` (any token): the given version (default the latest), with the latest version and closure.
    public func survey(_ caller: Caller, id: String, version: Int? = nil) throws -> SurveyStatus {
        try database.read { db in try SurveyPublishing.status(db, try SurveyStore.definition(db, id: id, version: version)) }
    }

    /// `surveys answer` (rider): validated against the definition, consent required; a resubmission replaces
    /// the rider's earlier response to the same version.
    public func answerSurvey(_ caller: Caller, id: String, submission: SurveySubmission) throws -> (ValidatedResponse, replaced: Bool) {
        try useCase(caller, requires: .rider(ServiceMsg.actionAnswerSurveys)).write { work in
            let definition = try SurveyStore.definition(work.db, id: id)
            guard try !SurveyPublishing.isClosed(work.db, id: id) else { throw EngagementError.surveyClosed(id: id) }
            let response = try definition.validate(submission)
            let replaced = try SurveyStore.save(work.db, response, riderID: caller.id, at: work.now)
            try work.emit(.surveyAnswered, SurveyAnsweredEvent(
                surveyId: definition.id, version: definition.version, riderId: caller.id, replaced: replaced))
            return (response, replaced)
        }
    }

    /// `surveys portrait` (staff): counts per answer, cross-tabulated by a profile field, small cells hidden.
    /// `version` defaults to the latest; answers stay with the version they answered.
    public func surveyPortrait(_ caller: Caller, id: String, version: Int? = nil, by field: PortraitField?) throws -> SurveyPortrait {
        try caller.requireStaff(ServiceMsg.actionViewPortrait)
        if let version, version < 1 { throw InputError.invalid(SurveyPublishMsg.versionInvalid, ["value": "\(version)"]) }
        return try database.read { db in
            let definition = try SurveyStore.definition(db, id: id, version: version)
            let responses = try SurveyStore.responses(db, definition, profileField: field)
            return SurveyPortrait.compute(definition, responses: responses, by: field?.rawValue)
        }
    }

    // MARK: - Activities

    /// `activities list` (any token): sessions not yet over, with the rider's own sign-up.
    public func activitySessions(
        _ caller: Caller, kind: Activity.Kind?, includePast: Bool = false, page: PageRequest = PageRequest()
    ) throws -> Page<SessionListing> {
        let now = self.now
        let page = try page.checked()
        return try database.read { db in
            let sessions = try Activities.sessions(db, kind: kind, from: includePast ? nil : now)
            return try Page.slice(sessions, page, id: \.1.id).map { activity, session in
                let mine = caller.kind == .rider ? try Activities.signup(db, sessionID: session.id, riderID: caller.id) : nil
                return SessionListing(activity: activity, session: session, mine: mine)
            }
        }
    }

    /// `activities signup` (rider): a place, or the waitlist when the session is full.
    public func signUp(_ caller: Caller, sessionID: String) throws -> Signup {
        try useCase(caller, requires: .rider(ServiceMsg.actionSignUp)).write { work in
            let signup = try Activities.signUp(work.db, sessionID: sessionID, riderID: caller.id, at: work.now)
            try work.emit(.activitySignedUp, SignupEvent(signup))
            return signup
        }
    }

    /// `activities cancel` (rider): frees the place; the first waiting rider is promoted in the same transaction.
    public func cancelSignup(_ caller: Caller, sessionID: String) throws -> (Signup, promoted: Signup?) {
        try useCase(caller, requires: .rider(ServiceMsg.actionSignUp)).write { work in
            let (signup, promoted) = try Activities.cancel(work.db, sessionID: sessionID, riderID: caller.id, at: work.now)
            try work.emit(.activityCancelled, SignupEvent(signup))
            if let promoted { try work.emit(.activityPromoted, SignupEvent(promoted)) }
            return (signup, promoted)
        }
    }

    /// `activities attendees` (staff).
    /// The cursor is the rider's id (one sign-up per rider and session).
    public func attendees(
        _ caller: Caller, sessionID: String, page: PageRequest = PageRequest()
    ) throws -> Page<(signup: Signup, name: String)> {
        try caller.requireStaff(ServiceMsg.actionManageActivities)
        let page = try page.checked()
        return try Page.slice(try database.read { db in try Activities.attendees(db, sessionID: sessionID) }, page, id: \.signup.riderID)
    }

    /// `activities checkin` (staff): only a confirmed rider, once the session has started. The session's points
    /// are paid through the ledger under a key of the session and rider, so they cannot pay twice.
    public func checkIn(_ caller: Caller, sessionID: String, riderID: String) throws -> (Signup, awarded: Int) {
        try useCase(caller, requires: .staff(ServiceMsg.actionManageActivities)).write { work in
            let signup = try Activities.checkIn(work.db, sessionID: sessionID, riderID: riderID, at: work.now)
            let session = try Activities.session(work.db, id: sessionID)
            var awarded = 0
            if session.points > 0,
               try award(work, riderID: riderID, amount: session.points, key: "session:\(sessionID):\(riderID)",
                         reason: "session \(sessionID) attended") {
                awarded = session.points
            }
            try work.emit(.activityCheckedIn, SignupEvent(signup))
            return (signup, awarded)
        }
    }

    // MARK: - Lessons

    /// `lessons list` (any token; riders see what they completed).
    public func lessons(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<(Lesson, completedAt: String?)> {
        let page = try page.checked()
        let all = try database.read { db in try Lessons.all(db, riderID: caller.kind == .rider ? caller.id : nil) }
        return try Page.slice(all, page, id: \.0.id)
    }
}
