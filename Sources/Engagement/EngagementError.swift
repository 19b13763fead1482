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

    public var code: String {
        switch self {
        case .sessionNotFound, .lessonNotFound, .surveyNotFound: "not_found"
        case .sessionOver: "invalid_state"
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
        }
    }

    public var category: ErrorCategory { .refused }
}
