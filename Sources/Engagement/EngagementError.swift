import TuanjuCore

/// Refusals of activities, lessons and survey look-ups.
public enum EngagementError: TuanjuError, Equatable {
    case sessionNotFound(id: String)
    case sessionOver(id: String)
    case alreadySignedUp(sessionID: String, state: String)
    case notSignedUp(sessionID: String, riderID: String)
    case alreadyCheckedIn(sessionID: String, riderID: String)
    case lessonNotFound(id: String)
    case lessonAlreadyCompleted(id: String)
    case surveyNotFound(id: String)
    // The programme a coordinator runs (#18).
    case activityNotFound(id: String)
    case activityRetired(id: String)
    case activityHasUpcomingSessions(id: String, count: Int)
    case sessionCancelled(id: String)
    case signupClosed(id: String, startsAt: String)
    case sessionNotStarted(id: String, startsAt: String)
    case sessionAlreadyStarted(id: String, startsAt: String)
    case capacityBelowTaken(id: String, capacity: Int, taken: Int)
    case pointNotFound(id: String)
    case lessonRetired(id: String)
    case lessonHasNoQuiz(id: String)
    case quizRequired(id: String)
    case tooManyAttempts(id: String, limit: Int)
    case surveyClosed(id: String)
    case surveyOpen(id: String)

    public var code: String {
        switch self {
        case .sessionNotFound, .lessonNotFound, .surveyNotFound, .activityNotFound, .pointNotFound: "not_found"
        case .sessionOver, .activityRetired, .activityHasUpcomingSessions, .sessionCancelled, .sessionNotStarted,
             .sessionAlreadyStarted, .lessonRetired, .lessonHasNoQuiz, .surveyOpen: "invalid_state"
        case .surveyClosed: "survey_closed"
        case .quizRequired: "quiz_required"
        case .tooManyAttempts: "too_many_attempts"
        case .signupClosed: "signup_closed"
        case .capacityBelowTaken: "capacity_below_taken"
        case .alreadySignedUp: "already_signed_up"
        case .notSignedUp: "not_signed_up"
        case .alreadyCheckedIn: "already_checked_in"
        case .lessonAlreadyCompleted: "already_completed"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .sessionNotFound(let id): LocalizedText(EngageMsg.sessionNotFound, ["id": id])
        case .sessionOver(let id): LocalizedText(EngageMsg.sessionOver, ["id": id])
        case .alreadySignedUp(let id, let state): LocalizedText(EngageMsg.alreadySignedUp, ["id": id, "state": state])
        case .notSignedUp(let id, let rider): LocalizedText(EngageMsg.notSignedUp, ["id": id, "rider": rider])
        case .alreadyCheckedIn(let id, let rider): LocalizedText(EngageMsg.alreadyCheckedIn, ["id": id, "rider": rider])
        case .lessonNotFound(let id): LocalizedText(EngageMsg.lessonNotFound, ["id": id])
        case .lessonAlreadyCompleted(let id): LocalizedText(EngageMsg.lessonAlreadyCompleted, ["id": id])
        case .surveyNotFound(let id): LocalizedText(EngageMsg.surveyNotFound, ["id": id])
        case .activityNotFound(let id): LocalizedText(ProgrammeMsg.activityNotFound, ["id": id])
        case .pointNotFound(let id): LocalizedText(ProgrammeMsg.pointNotFound, ["id": id])
        case .lessonRetired(let id): LocalizedText(LessonMsg.lessonRetired, ["id": id])
        case .surveyClosed(let id): LocalizedText(SurveyPublishMsg.closed, ["id": id])
        case .surveyOpen(let id): LocalizedText(SurveyPublishMsg.alreadyOpen, ["id": id])
        case .lessonHasNoQuiz(let id): LocalizedText(LessonMsg.lessonHasNoQuiz, ["id": id])
        case .quizRequired(let id): LocalizedText(LessonMsg.quizRequired, ["id": id])
        case .tooManyAttempts(let id, let limit): LocalizedText(LessonMsg.tooManyAttempts, ["id": id, "limit": "\(limit)"])
        case .activityRetired(let id): LocalizedText(ProgrammeMsg.activityRetired, ["id": id])
        case .activityHasUpcomingSessions(let id, let count):
            LocalizedText(ProgrammeMsg.activityHasUpcomingSessions, ["id": id, "count": "\(count)"])
        case .sessionCancelled(let id): LocalizedText(ProgrammeMsg.sessionCancelled, ["id": id])
        case .signupClosed(let id, let starts): LocalizedText(ProgrammeMsg.signupClosed, ["id": id, "starts": starts])
        case .sessionNotStarted(let id, let starts): LocalizedText(ProgrammeMsg.sessionNotStarted, ["id": id, "starts": starts])
        case .sessionAlreadyStarted(let id, let starts): LocalizedText(ProgrammeMsg.sessionAlreadyStarted, ["id": id, "starts": starts])
        case .capacityBelowTaken(let id, let capacity, let taken):
            LocalizedText(ProgrammeMsg.capacityBelowTaken, ["id": id, "capacity": "\(capacity)", "taken": "\(taken)"])
        }
    }

    public var category: ErrorCategory { .refused }
}
