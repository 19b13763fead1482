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
        }
    }

    /// The stored code (`report.accepted`).
    public var code: String { rawValue }
}
