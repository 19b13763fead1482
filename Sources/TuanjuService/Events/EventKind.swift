import TuanjuCore

/// The event catalogue: every event Tuanju announces, declared once with its payload type and what it means.
/// Use cases emit them through `Work.emit`; webhook subscriptions name them; `tuanju webhooks events` and
/// docs/events.md list them with the JSON Schema of each payload (`EventCatalogue`).
public enum EventKind: String, CaseIterable, Sendable, CatalogMessage {
    case userCreated = "user.created"
    case userRevoked = "user.revoked"

    case riderRegistered = "rider.registered"
    case riderUpdated = "rider.updated"
    case riderDeactivated = "rider.deactivated"
    case riderReactivated = "rider.reactivated"
    case riderErased = "rider.erased"
    case ridersImported = "riders.imported"

    case servicePointCreated = "service_point.created"
    case servicePointUpdated = "service_point.updated"
    case servicePointRemoved = "service_point.removed"
    case mapKindCreated = "map_kind.created"
    case mapKindUpdated = "map_kind.updated"

    case roleCreated = "role.created"
    case roleUpdated = "role.updated"
    case roleRetired = "role.retired"
    case categoryCreated = "category.created"
    case categoryRetired = "category.retired"

    case taskCreated = "task.created"
    case taskUpdated = "task.updated"
    case taskClosed = "task.closed"
    case taskClaimed = "task.claimed"
    case taskReleased = "task.released"
    case taskClaimRevoked = "task.claim_revoked"

    case reportSubmitted = "report.submitted"
    case reportReviewed = "report.reviewed"
    case reportDispatched = "report.dispatched"
    case reportResolved = "report.resolved"
    case reportReopened = "report.reopened"
    case reportAppealed = "report.appealed"
    case reportsPurged = "reports.purged"

    case pointsAwarded = "points.awarded"
    case pointsAdjusted = "points.adjusted"

    case rewardCreated = "reward.created"
    case rewardUpdated = "reward.updated"
    case redemptionRequested = "redemption.requested"
    case redemptionCancelled = "redemption.cancelled"
    case redemptionFulfilled = "redemption.fulfilled"
    case redemptionRejected = "redemption.rejected"
    case redemptionExpired = "redemption.expired"
    case redemptionHoldExpiring = "redemption.hold_expiring"
    case redemptionBatchCompleted = "redemption.batch_completed"

    case surveyAnswered = "survey.answered"
    case surveyPublished = "survey.published"
    case surveyClosed = "survey.closed"
    case surveyReopened = "survey.reopened"
    case activitySignedUp = "activity.signed_up"
    case activityCancelled = "activity.cancelled"
    case activityPromoted = "activity.promoted"
    case activityCheckedIn = "activity.checked_in"
    case activityCreated = "activity.created"
    case activityUpdated = "activity.updated"
    case activityRetired = "activity.retired"
    case sessionScheduled = "activity.session_scheduled"
    case sessionRescheduled = "activity.session_rescheduled"
    case sessionResized = "activity.session_resized"
    case sessionCancelled = "activity.session_cancelled"
    case sessionReminder = "activity.session_reminder"
    case lessonCompleted = "lesson.completed"
    case lessonCreated = "lesson.created"
    case lessonUpdated = "lesson.updated"
    case lessonRetired = "lesson.retired"
    case lessonQuizFailed = "lesson.quiz_failed"

    case settingsChanged = "settings.changed"

    case notificationCreated = "notification.created"
    case agencyCreated = "agency.created"
    case agencyUpdated = "agency.updated"
    case agencyRetired = "agency.retired"
    case reportAgencyUpdated = "report.agency_updated"
    case reportOverdue = "report.overdue"
    case deadlineChanged = "deadline.changed"

    /// The payload every event of this kind carries.
    public var payloadType: any EventPayload.Type {
        switch self {
        case .userCreated, .userRevoked: UserEvent.self
        case .riderRegistered, .riderUpdated, .riderDeactivated, .riderReactivated, .riderErased: RiderEvent.self
        case .ridersImported: RidersImportedEvent.self
        case .servicePointCreated, .servicePointUpdated, .servicePointRemoved: ServicePointEvent.self
        case .mapKindCreated, .mapKindUpdated: MapKindEvent.self
        case .roleCreated, .roleUpdated, .roleRetired: RoleEvent.self
        case .categoryCreated, .categoryRetired: CategoryEvent.self
        case .taskCreated, .taskUpdated: TaskEvent.self
        case .taskClosed: TaskClosedEvent.self
        case .taskClaimed, .taskReleased, .taskClaimRevoked: ClaimEvent.self
        case .reportSubmitted, .reportReviewed, .reportDispatched, .reportResolved, .reportReopened, .reportAppealed:
            ReportEvent.self
        case .reportsPurged: ReportsPurgedEvent.self
        case .pointsAwarded, .pointsAdjusted: PointsEvent.self
        case .rewardCreated, .rewardUpdated: RewardEvent.self
        case .redemptionRequested, .redemptionCancelled, .redemptionFulfilled, .redemptionRejected, .redemptionExpired:
            RedemptionEvent.self
        case .redemptionHoldExpiring: HoldExpiringEvent.self
        case .redemptionBatchCompleted: BatchEvent.self
        case .surveyAnswered: SurveyAnsweredEvent.self
        case .surveyPublished, .surveyClosed, .surveyReopened: SurveyEvent.self
        case .activitySignedUp, .activityCancelled, .activityPromoted, .activityCheckedIn: SignupEvent.self
        case .activityCreated, .activityUpdated, .activityRetired: ActivityEvent.self
        case .sessionScheduled, .sessionRescheduled, .sessionResized, .sessionCancelled: SessionEvent.self
        case .sessionReminder: SessionReminderEvent.self
        case .lessonCompleted: LessonEvent.self
        case .lessonCreated, .lessonUpdated, .lessonRetired: LessonChangedEvent.self
        case .lessonQuizFailed: QuizFailedEvent.self
        case .settingsChanged: SettingChangedEvent.self
        case .notificationCreated: NotificationEvent.self
        case .agencyCreated, .agencyUpdated, .agencyRetired: AgencyEvent.self
        case .reportAgencyUpdated: ReportEvent.self
        case .reportOverdue: OverdueEvent.self
        case .deadlineChanged: DeadlineEvent.self
        }
    }

    /// One line for webhook consumers: what happened (English in docs/events.md; both in `webhooks events`).
    public var summary: String { texts.en }

    public var texts: (en: String, zh: String) {
        switch self {
        case .userCreated: ("An admin created a coordinator or admin account (or `init` created the first admin).", "管理员新建了协调员或管理员账号(或 init 创建了第一位管理员)。")
        case .userRevoked: ("An admin revoked a user; their tokens stopped working.", "管理员吊销了一位用户,其令牌随即失效。")
        case .riderRegistered: ("A coordinator registered a rider, or a rider joined with an invitation code (`by` is then the invitation's id).", "协调员登记了一位骑手,或骑手凭邀请码自行注册(此时 by 为邀请码编号)。")
        case .riderUpdated: ("A rider's profile changed (by the rider or a coordinator).", "骑手资料有变更(骑手本人或协调员修改)。")
        case .riderDeactivated: ("A coordinator deactivated a rider; their tokens stopped working.", "协调员停用了一位骑手,其令牌随即失效。")
        case .riderReactivated: ("A coordinator reactivated a rider.", "协调员恢复了一位骑手。")
        case .riderErased: ("An admin erased a rider on request; the id stays as a pseudonymous account.", "管理员应骑手请求删除了其个人信息;编号保留为匿名账户。")
        case .ridersImported: ("One committed chunk of a rider import, with its counts.", "骑手导入中已提交的一批,附各项计数。")
        case .servicePointCreated: ("A service point was added to the warm-heart map (by hand or by an import).", "暖心地图新增了一个服务点(手工添加或导入)。")
        case .servicePointUpdated: ("A service point changed.", "服务点信息有变更。")
        case .servicePointRemoved: ("A service point was taken off the map.", "服务点已从地图下架。")
        case .roleCreated: ("A coordinator added a governance role.", "协调员新增了一个治理角色。")
        case .roleUpdated: ("A coordinator changed a governance role.", "协调员修改了一个治理角色。")
        case .roleRetired:
            ("A coordinator retired a role: no new postings; claims and reports already made keep working.", "协调员停用了一个角色:不再发布新任务,已有认领和上报不受影响。")
        case .categoryCreated: ("A coordinator added a report category with its points range.", "协调员新增了一个上报分类及其积分范围。")
        case .categoryRetired: ("A coordinator retired a report category: no new reports in it.", "协调员停用了一个上报分类,不再接受该分类的新上报。")
        case .mapKindCreated: ("A coordinator added a kind of service point.", "协调员新增了一种服务点类型。")
        case .mapKindUpdated: ("A coordinator renamed a kind of service point.", "协调员修改了服务点类型的名称。")
        case .taskCreated: ("A coordinator posted a governance task.", "协调员发布了一项治理任务。")
        case .taskUpdated: ("A task posting changed.", "任务信息有变更。")
        case .taskClosed: ("A coordinator closed a task; its active claims ended.", "协调员关闭了任务,其有效认领随之结束。")
        case .taskClaimed: ("A rider claimed a seat on a task.", "骑手认领了任务的一个名额。")
        case .taskReleased: ("A rider gave their seat back.", "骑手退还了自己的名额。")
        case .taskClaimRevoked: ("A coordinator (or an erasure) took a rider's seat away.", "协调员(或删除个人信息时)收回了骑手的名额。")
        case .reportSubmitted: ("A rider submitted a photo report.", "骑手提交了一条随手拍上报。")
        case .reportReviewed: ("A coordinator accepted, rejected or marked a report as a duplicate.", "协调员采纳、驳回了上报,或将其标为重复。")
        case .reportDispatched: ("A coordinator dispatched a report to an agency.", "协调员将上报派发给处置部门。")
        case .reportResolved: ("A report was resolved.", "上报已办结。")
        case .reportReopened: ("A coordinator reopened a resolved report.", "协调员重新打开了已办结的上报。")
        case .reportAppealed: ("A rider appealed the rejection of their report; it is back in the review queue.", "骑手对被驳回的上报提出申诉,上报重新进入审核队列。")
        case .reportsPurged: ("Old rejected reports lost their photos and precise position (privacy retention).", "过期的已驳回上报删除了照片和精确位置(隐私保留期)。")
        case .pointsAwarded: ("Points were credited to a rider from the budget (a report, a lesson, or by hand).", "从积分预算中给骑手发放了积分(上报、课程或手工发放)。")
        case .pointsAdjusted: ("An admin corrected a rider's balance with a reasoned transfer.", "管理员以一笔附理由的转账更正了骑手余额。")
        case .rewardCreated: ("A reward was added to the catalogue.", "奖品目录新增了一项奖品。")
        case .rewardUpdated: ("A reward changed (cost, stock, name, active).", "奖品信息有变更(所需积分、库存、名称、是否上架)。")
        case .redemptionRequested: ("A rider asked to redeem a reward; the points are held.", "骑手申请兑换奖品,相应积分被冻结。")
        case .redemptionCancelled: ("A redemption request was cancelled; the hold is voided.", "兑换申请已取消,冻结的积分解冻。")
        case .redemptionFulfilled: ("A redemption batch fulfilled a request: the held points were spent.", "兑换批次兑现了一项申请,冻结的积分已扣除。")
        case .redemptionRejected:
            ("A redemption batch could not fulfil a request (out of stock or withdrawn); the hold is voided.", "兑换批次未能兑现一项申请(库存不足或奖品下架),冻结的积分解冻。")
        case .redemptionExpired: ("A pending request's hold ran out before a batch handled it; the points are available again.", "待处理的兑换申请在批次处理前冻结到期,积分已解冻。")
        case .redemptionHoldExpiring:
            ("A pending request's hold ends within 24 hours (sent once, outside the rider's quiet hours).", "待处理兑换申请的积分冻结将在 24 小时内到期(只发一次,避开骑手的免打扰时段)。")
        case .redemptionBatchCompleted: ("A redemption batch finished, with its counts.", "一批兑换处理完毕,附各项计数。")
        case .surveyAnswered: ("A rider answered (or re-answered) a questionnaire.", "骑手填写(或重新填写)了问卷。")
        case .surveyPublished:
            ("A coordinator published a questionnaire version (a new survey, or a changed one as version N+1).",
             "协调员发布了问卷的一个版本(新问卷,或内容变化后的第 N+1 版)。")
        case .surveyClosed: ("A coordinator closed a survey to new answers.", "协调员关闭了问卷,不再接受新答卷。")
        case .surveyReopened: ("A coordinator reopened a survey.", "协调员重新开放了问卷。")
        case .activitySignedUp: ("A rider signed up for an activity session (a place, or the waitlist).", "骑手报名了一场活动(获得名额或进入候补)。")
        case .activityCancelled: ("A rider's sign-up was cancelled.", "骑手的活动报名已取消。")
        case .activityPromoted: ("A waitlisted rider moved up to a place.", "候补骑手递补获得名额。")
        case .activityCheckedIn: ("A coordinator checked a rider in at a session.", "协调员为骑手办理了活动签到。")
        case .activityCreated: ("A coordinator added an activity.", "协调员新增了一项活动。")
        case .activityUpdated: ("A coordinator changed an activity.", "协调员修改了一项活动。")
        case .activityRetired: ("A coordinator retired an activity; it takes no new sessions.", "协调员停办了一项活动,不再安排新场次。")
        case .sessionScheduled: ("A coordinator scheduled a session of an activity.", "协调员为活动安排了一个场次。")
        case .sessionRescheduled: ("A coordinator moved a session; sign-ups keep their places.", "协调员调整了场次时间,已报名的骑手保留名额。")
        case .sessionResized:
            ("A coordinator changed a session's places; more places promote the waitlist (one activity.promoted each).",
             "协调员修改了场次名额;增加名额时候补骑手递补(每人一条 activity.promoted)。")
        case .sessionCancelled:
            ("A coordinator cancelled a session; every sign-up was released (one activity.cancelled each).",
             "协调员取消了场次,所有报名随之释放(每人一条 activity.cancelled)。")
        case .sessionReminder:
            ("A session a rider has a place on starts in 24 or 2 hours (each sent once, outside the rider's quiet hours, never after the start).",
             "骑手已报名的场次将在 24 小时或 2 小时后开始(各只发一次,避开骑手的免打扰时段,开始后不再发)。")
        case .lessonCompleted: ("A rider completed a party lesson.", "骑手学完了一节党课。")
        case .lessonCreated: ("A coordinator added a party lesson (with or without a quiz).", "协调员新增了一节党课(可含测验)。")
        case .lessonUpdated: ("A coordinator changed a lesson.", "协调员修改了一节党课。")
        case .lessonRetired: ("A coordinator retired a lesson; riders no longer see it.", "协调员下架了一节党课,骑手不再看到。")
        case .lessonQuizFailed:
            ("A rider's quiz attempt fell short of the pass mark; it counts towards the 3 a day.", "骑手的测验未达及格线;计入每天 3 次的限额。")
        case .settingsChanged: ("An admin changed a setting.", "管理员修改了一项设置。")
        case .notificationCreated:
            ("A rider's inbox got a notification (for a WeChat or SMS gateway to deliver): the template code, its parameters and the rider's language; never the phone number.",
             "骑手收到一条站内消息(供微信订阅消息或短信网关推送):模板代码、参数和骑手的语言;从不含手机号。")
        case .agencyCreated: ("An admin added an agency reports can be dispatched to.", "管理员新增了一个可派发上报的承办单位。")
        case .agencyUpdated: ("An admin changed an agency (name, Open311 endpoint, key, services).", "管理员修改了承办单位(名称、Open311 接口、密钥、服务代码)。")
        case .agencyRetired: ("An admin retired an agency; nothing new is dispatched to it.", "管理员停用了承办单位,不再向其派发。")
        case .reportOverdue: ("A report passed its category's target (review or resolution) while still open; sent once per report and stage.", "上报超过所属类别的时限(审核或办结)仍未完成;每条上报每个阶段只发一次。")
        case .deadlineChanged: ("A coordinator changed a category's targets (hours to review, hours to resolve).", "协调员修改了类别的时限(审核小时数、办结小时数)。")
        case .reportAgencyUpdated: ("The agency's Open311 system took a dispatched report, refused it, or changed its status or notes (a close resolves it: report.resolved).", "承办单位的 Open311 系统接收或拒收了派发的上报,或更新了其状态、处理说明(办结时为 report.resolved)。")
        }
    }
}
