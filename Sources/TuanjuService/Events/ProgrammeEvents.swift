import Engagement
import Governance
import ServiceMap

/// An activity a coordinator added, changed or retired.
struct ActivityEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case activityId = "activity_id", kind, title, titleZh = "title_zh", retiredAt = "retired_at", by
    }

    let activityId: String
    let kind: String
    let title: String
    let titleZh: String
    let retiredAt: String?
    let by: String

    var auditTarget: String? { activityId }
    static let examples = [
        ActivityEvent(activityId: "act_01J9Z3X3A1", kind: "skills", title: "Skills camp", titleZh: "技能训练营", retiredAt: nil,
                      by: "usr_01J9Z3K8Q4"),
        ActivityEvent(activityId: "act_01J9Z3X3A1", kind: "skills", title: "Skills camp", titleZh: "技能训练营",
                      retiredAt: "2027-03-01T02:00:00Z", by: "usr_01J9Z3K8Q4"),
    ]
}

extension ActivityEvent {
    init(_ activity: Activity, by caller: Caller) {
        self.init(activityId: activity.id, kind: activity.kind.rawValue, title: activity.title, titleZh: activity.titleZh,
                  retiredAt: activity.retiredAt, by: caller.id)
    }
}

/// A session a coordinator scheduled, moved, resized or cancelled (with the reason riders are told).
struct SessionEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case sessionId = "session_id", activityId = "activity_id", startsAt = "starts_at", endsAt = "ends_at", place
        case pointId = "point_id", capacity, signedUp = "signed_up", waiting, points, cancelReason = "cancel_reason", by
    }

    let sessionId: String
    let activityId: String
    let startsAt: String
    let endsAt: String
    let place: String
    let pointId: String?
    let capacity: Int
    let signedUp: Int
    let waiting: Int
    let points: Int
    let cancelReason: String?
    let by: String

    var auditTarget: String? { sessionId }
    static let examples = [
        SessionEvent(sessionId: "ses_01J9Z3X3L1", activityId: "act_01J9Z3X3A1", startsAt: "2027-02-06T06:00:00Z",
                     endsAt: "2027-02-06T08:00:00Z", place: "文晖街道党群服务中心", pointId: "spt_01J9Z3P2F6", capacity: 2,
                     signedUp: 0, waiting: 0, points: 20, cancelReason: nil, by: "usr_01J9Z3K8Q4"),
        SessionEvent(sessionId: "ses_01J9Z3X3L2", activityId: "act_01J9Z3X3A1", startsAt: "2027-02-13T06:00:00Z",
                     endsAt: "2027-02-13T08:00:00Z", place: "文晖街道党群服务中心", pointId: nil, capacity: 10,
                     signedUp: 0, waiting: 0, points: 0, cancelReason: "暴雨预警", by: "usr_01J9Z3K8Q4"),
    ]
}

extension SessionEvent {
    init(_ session: ActivitySession, by caller: Caller) {
        self.init(sessionId: session.id, activityId: session.activityID, startsAt: session.startsAt, endsAt: session.endsAt,
                  place: session.place, pointId: session.pointID, capacity: session.capacity, signedUp: session.signedUp,
                  waiting: session.waiting, points: session.points, cancelReason: session.cancelReason, by: caller.id)
    }
}

/// A lesson a coordinator added, changed or retired. The quiz's key is never in an event: only whether there is one.
struct LessonChangedEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case lessonId = "lesson_id", title, titleZh = "title_zh", points, hasQuiz = "has_quiz", passMark = "pass_mark"
        case retiredAt = "retired_at", by
    }

    let lessonId: String
    let title: String
    let titleZh: String
    let points: Int
    let hasQuiz: Bool
    let passMark: Int?
    let retiredAt: String?
    let by: String

    var auditTarget: String? { lessonId }
    static let examples = [
        LessonChangedEvent(lessonId: "lsn_01J9Z3X3Q1", title: "Road safety", titleZh: "交通安全", points: 10, hasQuiz: true,
                           passMark: 80, retiredAt: nil, by: "usr_01J9Z3K8Q4"),
        LessonChangedEvent(lessonId: "lesson-02", title: "Riders in governance", titleZh: "骑手参与基层治理", points: 10, hasQuiz: false,
                           passMark: nil, retiredAt: "2027-03-01T02:00:00Z", by: "usr_01J9Z3K8Q4"),
    ]
}

extension LessonChangedEvent {
    init(_ lesson: Lesson, by caller: Caller) {
        self.init(lessonId: lesson.id, title: lesson.title, titleZh: lesson.titleZh, points: lesson.points, hasQuiz: lesson.quiz != nil,
                  passMark: lesson.quiz?.passMark, retiredAt: lesson.retiredAt, by: caller.id)
    }
}

/// A rider's quiz attempt that did not reach the pass mark (a pass is `lesson.completed`).
struct QuizFailedEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case lessonId = "lesson_id", riderId = "rider_id", score, passMark = "pass_mark", attemptsLeft = "attempts_left"
    }

    let lessonId: String
    let riderId: String
    let score: Int
    let passMark: Int
    let attemptsLeft: Int

    var auditTarget: String? { lessonId }
    static let examples = [QuizFailedEvent(lessonId: "lsn_01J9Z3X3Q1", riderId: "rdr_01J9Z3M2A7", score: 60, passMark: 80, attemptsLeft: 2)]
}

/// A questionnaire version a coordinator published, or a survey closed or reopened (`version` is then the latest).
struct SurveyEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case surveyId = "survey_id", version, questions, by
    }

    let surveyId: String
    let version: Int
    let questions: Int
    let by: String

    var auditTarget: String? { surveyId }
    static let examples = [SurveyEvent(surveyId: "needs", version: 2, questions: 14, by: "usr_01J9Z3K8Q4")]
}

extension SurveyEvent {
    init(_ definition: SurveyDefinition, by caller: Caller) {
        self.init(surveyId: definition.id, version: definition.version, questions: definition.questions.count, by: caller.id)
    }
}

/// A governance role a coordinator added, changed or retired.
struct RoleEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case code, name, nameZh = "name_zh", retiredAt = "retired_at", by
    }

    let code: String
    let name: String
    let nameZh: String
    let retiredAt: String?
    let by: String

    var auditTarget: String? { code }
    static let examples = [
        RoleEvent(code: "elder-helper", name: "Elder helper", nameZh: "助老员", retiredAt: nil, by: "usr_01J9Z3K8Q4"),
        RoleEvent(code: "elder-helper", name: "Elder helper", nameZh: "助老员", retiredAt: "2027-03-01T02:00:00Z", by: "usr_01J9Z3K8Q4"),
    ]
}

extension RoleEvent {
    init(_ record: RoleProgramme.RoleRecord, by caller: Caller) {
        self.init(code: record.role.code, name: record.role.name, nameZh: record.role.nameZh, retiredAt: record.retiredAt, by: caller.id)
    }
}

/// A report category a coordinator added or retired, with its points range.
struct CategoryEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case code, role, name, nameZh = "name_zh", pointsMin = "points_min", pointsMax = "points_max", retiredAt = "retired_at", by
    }

    let code: String
    let role: String
    let name: String
    let nameZh: String
    let pointsMin: Int
    let pointsMax: Int?
    let retiredAt: String?
    let by: String

    var auditTarget: String? { code }
    static let examples = [
        CategoryEvent(code: "elder-alone", role: "elder-helper", name: "Elder living alone", nameZh: "独居老人", pointsMin: 10,
                      pointsMax: 30, retiredAt: nil, by: "usr_01J9Z3K8Q4"),
        CategoryEvent(code: "road-damage", role: "hazard-inspector", name: "Damaged road", nameZh: "道路破损", pointsMin: 10,
                      pointsMax: nil, retiredAt: "2027-03-01T02:00:00Z", by: "usr_01J9Z3K8Q4"),
    ]
}

extension CategoryEvent {
    init(_ record: RoleProgramme.CategoryRecord, by caller: Caller) {
        self.init(code: record.category.code, role: record.category.roleCode, name: record.category.name, nameZh: record.category.nameZh,
                  pointsMin: record.category.points, pointsMax: record.pointsMax, retiredAt: record.retiredAt, by: caller.id)
    }
}

/// A kind of service point a coordinator added or renamed.
struct MapKindEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case code, name, nameZh = "name_zh", by
    }

    let code: String
    let name: String
    let nameZh: String
    let by: String

    var auditTarget: String? { code }
    static let examples = [MapKindEvent(code: "toilet", name: "Public toilet", nameZh: "公共厕所", by: "usr_01J9Z3K8Q4")]
}
