import Engagement

struct SurveyAnsweredEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case surveyId = "survey_id", version, riderId = "rider_id", replaced
    }

    let surveyId: String
    let version: Int
    let riderId: String
    let replaced: Bool

    var auditTarget: String? { surveyId }
    static let examples = [SurveyAnsweredEvent(surveyId: "needs-2026", version: 1, riderId: "rdr_01J9Z3M2A7", replaced: false)]
}

struct SignupEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case sessionId = "session_id", riderId = "rider_id", state, waitlistPosition = "waitlist_position"
    }

    let sessionId: String
    let riderId: String
    let state: String
    let waitlistPosition: Int?

    var auditTarget: String? { sessionId }
    static let examples = [
        SignupEvent(sessionId: "ses_01J9Z3X3L1", riderId: "rdr_01J9Z3M2A7", state: "confirmed", waitlistPosition: nil),
        SignupEvent(sessionId: "ses_01J9Z3X3L1", riderId: "rdr_01J9Z3M2B8", state: "waitlisted", waitlistPosition: 2),
    ]
}

extension SignupEvent {
    init(_ signup: Signup) {
        self.init(
            sessionId: signup.sessionID, riderId: signup.riderID, state: signup.state.rawValue,
            waitlistPosition: signup.waitlistPosition)
    }
}

struct LessonEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case lessonId = "lesson_id", riderId = "rider_id", points
    }

    let lessonId: String
    let riderId: String
    let points: Int

    var auditTarget: String? { lessonId }
    static let examples = [LessonEvent(lessonId: "lesson-01", riderId: "rdr_01J9Z3M2A7", points: 10)]
}
