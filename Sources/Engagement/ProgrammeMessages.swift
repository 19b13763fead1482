import TuanjuCore

// Messages of the programme coordinators run after install (#18): activities and their sessions. The rules, the
// use cases' actions and the CLI's help share this catalogue, as the appeal feature does.

public enum ProgrammeMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Actions a role may be refused, fields
    case actionManageProgramme, fieldTitle, fieldTitleZh, fieldDescription, fieldPlace, fieldReason

    // MARK: - Input and refusals
    case nothingToChange, endsBeforeStarts, sessionTooLong, startsInPast, capacityInvalid
    case activityNotFound, activityRetired, activityHasUpcomingSessions, sessionCancelled, signupClosed
    case sessionNotStarted, sessionAlreadyStarted, capacityBelowTaken, pointNotFound

    // MARK: - CLI
    case addAbstract, updateAbstract, retireAbstract, scheduleAbstract, rescheduleAbstract, resizeAbstract
    case cancelSessionAbstract, argActivityID, optKind, optTitle, optTitleZh, optDescription, optStarts, optEnds
    case optPlace, optPoint, optCapacity, optPoints, optReason
    case added, updated, retired, scheduled, rescheduled, resized, promotedRider, sessionCancelledOut, releasedCount
    case checkedInPaid

    public var texts: (en: String, zh: String) {
        switch self {
        case .actionManageProgramme: ("manage activities and sessions", "管理活动和场次")
        case .fieldTitle: ("the title", "标题")
        case .fieldTitleZh: ("the Chinese title", "中文标题")
        case .fieldDescription: ("the description", "说明")
        case .fieldPlace: ("the place", "地点")
        case .fieldReason: ("the reason", "理由")
        case .nothingToChange: ("nothing to change: give at least one option", "没有要修改的内容:请至少给出一个选项")
        case .endsBeforeStarts: ("the session must end after it starts", "场次的结束时间必须晚于开始时间")
        case .sessionTooLong: ("a session lasts at most 7 days", "一个场次最长 7 天")
        case .startsInPast: ("the session would start at {starts}, which has passed", "场次开始时间 {starts} 已经过去")
        case .capacityInvalid: ("capacity {value} must be from 1 to 100,000", "名额 {value} 必须在 1 到 100000 之间")
        case .activityNotFound: ("no activity {id}", "没有活动 {id}")
        case .activityRetired: ("activity {id} is retired", "活动 {id} 已停办")
        case .activityHasUpcomingSessions:
            ("activity {id} still has {count} session(s) ahead: cancel them first", "活动 {id} 还有 {count} 个未结束的场次:请先取消")
        case .sessionCancelled: ("session {id} was cancelled", "场次 {id} 已取消")
        case .signupClosed: ("sign-up for session {id} closed when it started ({starts})", "场次 {id} 已于开始时({starts})截止报名")
        case .sessionNotStarted: ("session {id} starts at {starts}: check-in opens then", "场次 {id} 于 {starts} 开始,届时才能签到")
        case .sessionAlreadyStarted:
            ("session {id} started at {starts} and can no longer change", "场次 {id} 已于 {starts} 开始,不能再修改")
        case .capacityBelowTaken:
            ("session {id} has {taken} places taken: the capacity cannot go down to {capacity}",
             "场次 {id} 已有 {taken} 人报上名:名额不能减到 {capacity}")
        case .pointNotFound: ("no service point {id} on the map", "地图上没有服务点 {id}")
        case .addAbstract:
            ("Add an activity (health, affairs or skills) that sessions can then be scheduled for (coordinator).",
             "新增一项活动(健康服务、事务办理或技能培训),之后可为它安排场次(协调员)。")
        case .updateAbstract: ("Change an activity's kind, titles or description (coordinator).", "修改活动的类别、标题或说明(协调员)。")
        case .retireAbstract:
            ("Retire an activity: no new sessions; its past sessions stay (coordinator).", "停办一项活动:不再安排新场次,已有场次记录保留(协调员)。")
        case .scheduleAbstract:
            ("Schedule a session of an activity: time, place, places and the points paid at check-in (coordinator).",
             "为活动安排一个场次:时间、地点、名额和签到可得积分(协调员)。")
        case .rescheduleAbstract:
            ("Move a session that has not started; sign-ups keep their places (coordinator).", "调整尚未开始的场次时间,已报名的骑手保留名额(协调员)。")
        case .resizeAbstract:
            ("Change a session's places: never below those taken; more places promote the waitlist in order (coordinator).",
             "修改场次名额:不能少于已报上名的人数;增加名额时候补骑手按顺序递补(协调员)。")
        case .cancelSessionAbstract:
            ("Cancel a session that has not started: every place and waitlist entry is released (coordinator).",
             "取消尚未开始的场次:所有名额和候补一并释放(协调员)。")
        case .argActivityID: ("The activity's id (activities list shows it).", "活动编号(activities list 可查)。")
        case .optKind: ("health, affairs or skills.", "类别:health、affairs 或 skills。")
        case .optTitle: ("The title (at most 200 characters).", "标题(最多 200 个字符)。")
        case .optTitleZh: ("The Chinese title (defaults to the title).", "中文标题(默认与标题相同)。")
        case .optDescription: ("What happens there (at most 2,000 characters).", "活动说明(最多 2000 个字符)。")
        case .optStarts: ("When it starts: ISO-8601 with a zone, e.g. 2027-02-06T14:00:00+08:00.", "开始时间:带时区的 ISO-8601,例如 2027-02-06T14:00:00+08:00。")
        case .optEnds: ("When it ends (after the start, at most 7 days later).", "结束时间(晚于开始时间,最长 7 天)。")
        case .optPlace: ("Where (at most 200 characters).", "地点(最多 200 个字符)。")
        case .optPoint: ("The map point where it happens (map nearest shows ids).", "举办地对应的地图服务点编号(map nearest 可查)。")
        case .optCapacity: ("Number of places, 1 to 100,000.", "名额,1 到 100000。")
        case .optPoints: ("Points paid once to each rider checked in (0 to 10,000; default 0).", "每位签到骑手可得积分,只发一次(0 到 10000,默认 0)。")
        case .optReason: ("Why the session is cancelled (riders see it; required).", "取消理由(骑手可见,必填)。")
        case .added: ("activity {id} added: {title}", "已新增活动 {id}:{title}")
        case .updated: ("activity {id} updated", "活动 {id} 已修改")
        case .retired: ("activity {id} retired", "活动 {id} 已停办")
        case .scheduled: ("session {id} scheduled: {starts}, {place}, {capacity} places", "已安排场次 {id}:{starts},{place},{capacity} 个名额")
        case .rescheduled: ("session {id} moved to {starts}", "场次 {id} 已改到 {starts}")
        case .resized: ("session {id} now has {capacity} places ({taken} taken)", "场次 {id} 现有 {capacity} 个名额(已报上 {taken} 人)")
        case .promotedRider: ("rider {rider} moved up from the waitlist", "候补骑手 {rider} 已递补")
        case .sessionCancelledOut: ("session {id} cancelled", "场次 {id} 已取消")
        case .releasedCount: ("{count} sign-up(s) released", "已释放 {count} 个报名")
        case .checkedInPaid: ("{points} points paid", "已发放 {points} 积分")
        }
    }
}
