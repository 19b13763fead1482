import TuanjuCore

/// The texts of inbox notifications, one per template code, in English and Simplified Chinese. A notification
/// stores its code and arguments (never the text), so a gateway can render its own message and the inbox renders
/// this one in the rider's language. Adding a template is one case here and one line in the service's
/// `Notifications` rule.
public enum NoticeTemplate: String, CaseIterable, Sendable, CatalogMessage {
    case reportAccepted = "report.accepted"
    case reportRejected = "report.rejected"
    case reportDuplicate = "report.duplicate"
    case reportDispatched = "report.dispatched"
    case reportResolved = "report.resolved"
    case appealAccepted = "report.appeal_accepted"
    case appealRejected = "report.appeal_rejected"
    case pointsAwarded = "points.awarded"
    case pointsAdjusted = "points.adjusted"
    case waitlistPromoted = "activity.promoted"
    case claimRevoked = "task.claim_revoked"
    case redemptionCancelled = "redemption.cancelled"
    case reportAcceptedNoPoints = "report.accepted_no_points"
    case appealAcceptedNoPoints = "report.appeal_accepted_no_points"
    case redemptionFulfilled = "redemption.fulfilled"
    case redemptionRejected = "redemption.rejected"
    case redemptionExpired = "redemption.expired"
    case holdExpiring = "redemption.hold_expiring"
    case sessionRescheduled = "activity.session_rescheduled"
    case sessionCancelled = "activity.session_cancelled"
    case sessionReminder = "activity.session_reminder"

    public var texts: (en: String, zh: String) {
        switch self {
        case .reportAccepted: ("Your report {report} was accepted; {points} points credited.", "您的上报 {report} 已被采纳,获得 {points} 积分。")
        case .reportRejected: ("Your report {report} was rejected: {reason}. You may appeal within 7 days.", "您的上报 {report} 未被采纳:{reason}。可在 7 天内申诉。")
        case .reportDuplicate: ("Your report {report} duplicates {duplicate_of}, which is already being handled.", "您的上报 {report} 与 {duplicate_of} 重复,该问题已在处理中。")
        case .reportDispatched: ("Your report {report} was passed to {agency}.", "您的上报 {report} 已派发给{agency}处置。")
        case .reportResolved: ("Your report {report} has been resolved. Thank you!", "您的上报 {report} 已办结,感谢您!")
        case .appealAccepted: ("Your appeal succeeded: report {report} was accepted; {points} points credited.", "申诉成功:上报 {report} 已被采纳,获得 {points} 积分。")
        case .appealRejected: ("Your appeal of report {report} was not upheld: {reason}.", "上报 {report} 的申诉未获支持:{reason}。")
        case .pointsAwarded: ("{amount} points credited: {reason}.", "获得 {amount} 积分:{reason}。")
        case .pointsAdjusted: ("Your balance was corrected by {amount} points: {reason}.", "您的积分余额已更正 {amount} 分:{reason}。")
        case .waitlistPromoted: ("A place opened up: you are now signed up for session {session}.", "有名额空出:您已递补报名活动场次 {session}。")
        case .claimRevoked: ("Your seat on task {task} was withdrawn: {reason}.", "您在任务 {task} 的名额已被收回:{reason}。")
        case .redemptionCancelled: ("Redemption {request} was cancelled; {points} held points are available again.", "兑换申请 {request} 已取消,冻结的 {points} 积分已解冻。")
        case .reportAcceptedNoPoints: ("Your report {report} was accepted. Thank you!", "您的上报 {report} 已被采纳,感谢您!")
        case .appealAcceptedNoPoints: ("Your appeal succeeded: report {report} was accepted.", "申诉成功:上报 {report} 已被采纳。")
        case .redemptionFulfilled: ("Your redemption {request} was fulfilled; {points} points were spent.", "您的兑换申请 {request} 已兑现,扣除 {points} 积分。")
        case .redemptionRejected:
            ("Redemption {request} could not be fulfilled (out of stock or withdrawn); {points} held points are available again.",
             "兑换申请 {request} 未能兑现(库存不足或奖品已下架),冻结的 {points} 积分已解冻。")
        case .redemptionExpired:
            ("Redemption {request} was not handled in time and expired; {points} held points are available again.",
             "兑换申请 {request} 未在期限内处理,已过期,冻结的 {points} 积分已解冻。")
        case .holdExpiring:
            ("Redemption {request} is still waiting; if it is not handled by {time}, it expires and the {points} held points return to you.",
             "兑换申请 {request} 仍在等待处理;若 {time} 前未处理,申请将过期,冻结的 {points} 积分退回。")
        case .sessionRescheduled: ("Session {session} at {place} has moved: it now starts at {time}.", "您报名的活动场次 {session}({place})时间已调整,改为 {time} 开始。")
        case .sessionCancelled: ("Session {session} at {place} on {time} was cancelled: {reason}.", "{time} 在{place}的活动场次 {session} 已取消:{reason}。")
        case .sessionReminder: ("Reminder: session {session} at {place} starts at {time}.", "提醒:您报名的活动场次 {session} 将于 {time} 在{place}开始。")
        }
    }

    /// The stored code (`report.accepted`).
    public var code: String { rawValue }
}
