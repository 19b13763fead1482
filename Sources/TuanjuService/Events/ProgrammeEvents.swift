import Engagement

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
