import TuanjuCore

// Messages of the use cases (TuanjuService): the actions and records a role may be refused, settings, seed
// files, backups and the rules the service itself checks, in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum ServiceMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Input, seed files, settings; the actions and records a role may be refused
    case nothingToChange, giveRiderID, seedNotInstalled, seedDirMissing, seedFileMissing, actionAddUsers
    case actionListUsers, actionRevokeUsers, actionRegisterRiders, actionImportRiders, actionListRiders
    case actionDeactivateRiders, actionReactivateRiders, actionIssueRiderTokens, whatRiderProfile, whatClaims
    case actionManageSettings, actionManageTasks, actionClaimTasks, actionRevokeClaims, settingUnknown
    case settingOutOfRange, maxSecondsInvalid, actionManageWebhooks, actionManageRewards, actionRedeem
    case actionAdjustPoints, actionRunBatches, actionVerifyLedger, whatRedemption, whatPoints

    // MARK: - Event subscriptions
    case eventUnknown, eventSuggest

    // MARK: - Engagement
    case actionAnswerSurveys, actionViewPortrait, actionSignUp, actionManageActivities, actionCompleteLessons

    // MARK: - Open311 GeoReport v2
    case open311IdsTooMany

    // MARK: - Map
    case sinceInvalid, actionManageMap, actionViewDemand

    // MARK: - Operations
    case actionRunDoctor, actionReadMetrics, actionReadAudit, actionBackup, actionPurge, actionErase, backupDestNotEmpty
    case backupCheckFailed, restoreTargetNotEmpty, restoreSourceInvalid

    // MARK: - Photos
    case photoPositionNotFound, photoSizeUnknown, originalOnlyOnReuse, originalOnlyOnAccept, actionRebuildPhotos

    // MARK: - Reports
    case locationRequired, pointsOnlyOnAccept, whatClaim, whatReport, actionSubmitReports, actionReviewReports
    case actionExportReports, actionCollectPhotos

    // MARK: - Console
    case actionSignInConsole, actionUseConsole

    public var texts: (en: String, zh: String) {
        switch self {
        case .eventUnknown:
            ("\"{event}\" is not an event type; `tuanju webhooks events` lists them",
             "“{event}”不是事件类型;用 `tuanju webhooks events` 查看全部类型")
        case .eventSuggest:
            ("\"{event}\" is not an event type; did you mean \"{suggestion}\"?",
             "“{event}”不是事件类型;您是想输入“{suggestion}”吗?")
        case .nothingToChange: ("nothing to change: give at least one field", "没有要修改的内容:请至少给出一个字段")
        case .giveRiderID: ("give the rider's ID", "请给出骑手编号")
        case .seedNotInstalled: ("the built-in seed data is not installed next to tuanju; pass --seed DIR", "tuanju 旁未安装内置种子数据;请用 --seed DIR 指定")
        case .seedDirMissing: ("no seed directory {path}", "种子数据目录 {path} 不存在")
        case .seedFileMissing: ("no seed file {path}", "种子数据文件 {path} 不存在")
        case .actionAddUsers: ("add users", "添加用户")
        case .actionListUsers: ("list users", "查看用户列表")
        case .actionRevokeUsers: ("revoke users", "吊销用户")
        case .actionRegisterRiders: ("register riders", "登记骑手")
        case .actionImportRiders: ("import riders", "导入骑手")
        case .actionListRiders: ("list riders", "查看骑手列表")
        case .actionDeactivateRiders: ("deactivate riders", "停用骑手")
        case .actionReactivateRiders: ("reactivate riders", "重新启用骑手")
        case .actionIssueRiderTokens: ("issue rider tokens", "签发骑手令牌")
        case .whatRiderProfile: ("rider profile", "骑手档案")
        case .whatClaims: ("claim history", "认领记录")
        case .actionManageSettings: ("manage settings", "管理系统设置")
        case .actionManageTasks: ("manage governance postings", "管理治理项目发布")
        case .actionClaimTasks: ("claim or release seats (riders only)", "认领或退出名额(仅限骑手)")
        case .actionRevokeClaims: ("revoke claims", "撤销认领")
        case .settingUnknown: ("unknown setting \"{key}\"; known: {known}", "未知设置“{key}”;可用设置:{known}")
        case .settingOutOfRange: ("{key} must be a whole number from {min} to {max}, not \"{value}\"", "{key} 必须是 {min} 到 {max} 之间的整数,而不是“{value}”")
        case .maxSecondsInvalid: ("--max-seconds must be more than 0", "--max-seconds 必须大于 0")
        case .actionManageWebhooks: ("manage webhooks", "管理 Webhook")
        case .actionManageRewards: ("manage rewards", "管理奖品")
        case .actionRedeem: ("redeem rewards (riders only)", "兑换奖品(仅限骑手)")
        case .actionAdjustPoints: ("adjust points", "调整积分")
        case .actionRunBatches: ("run redemption batches", "处理兑换批次")
        case .actionVerifyLedger: ("verify the ledger", "核对积分账本")
        case .whatRedemption: ("redemption request", "兑换申请")
        case .whatPoints: ("points account", "积分账户")
        case .actionAnswerSurveys: ("answer questionnaires", "填写问卷")
        case .actionViewPortrait: ("see the group portrait", "查看群体画像")
        case .actionSignUp: ("sign up for activities", "报名活动")
        case .actionManageActivities: ("manage activity attendance", "管理活动签到")
        case .actionCompleteLessons: ("complete lessons", "学习课程")
        case .open311IdsTooMany: ("at most {max} service_request_id values at once", "一次最多查询 {max} 个 service_request_id")
        case .sinceInvalid: ("--since must be a date like 2026-11-01, not {value}", "--since 必须是形如 2026-11-01 的日期,而不是 {value}")
        case .actionManageMap: ("change the map", "修改地图")
        case .actionViewDemand: ("see search demand", "查看查询热度")
        case .actionRunDoctor: ("run the health checks", "运行健康检查")
        case .actionReadMetrics: ("read the operations metrics", "查看运行指标")
        case .actionReadAudit: ("read the audit log", "查看审计日志")
        case .actionBackup: ("back up or restore the data", "备份或恢复数据")
        case .actionPurge: ("purge expired personal data", "清除过期的个人数据")
        case .actionErase: ("erase a rider's personal data", "注销骑手的个人数据")
        case .backupDestNotEmpty: ("{path} is not empty; back up into a new directory", "{path} 不为空;请备份到新目录")
        case .backupCheckFailed: ("the backup copy failed its check: {detail}", "备份副本校验失败:{detail}")
        case .restoreTargetNotEmpty: ("the data directory {path} is not empty; restore only into an empty one", "数据目录 {path} 不为空;只能恢复到空目录")
        case .restoreSourceInvalid: ("{path} is not a Tuanju backup: {detail}", "{path} 不是团聚备份:{detail}")
        case .photoPositionNotFound:
            ("report {id} has no photo number {position} (it has {count})", "上报 {id} 没有第 {position} 张照片(共 {count} 张)")
        case .photoSizeUnknown:
            ("size must be original or thumb, not {value}", "size 必须是 original 或 thumb,而不是 {value}")
        case .originalOnlyOnReuse:
            ("report {id} is not marked as a possible re-use; --original is for reports that are",
             "上报 {id} 未被标记为疑似重复使用照片;--original 只用于被标记的上报")
        case .originalOnlyOnAccept: ("--original goes with --accept", "--original 只能与 --accept 一起使用")
        case .actionRebuildPhotos: ("rebuild thumbnails and photo hashes", "重建缩略图和照片哈希")
        case .locationRequired: ("no location: give --lat and --lon, or a photo with GPS data", "缺少位置:请提供 --lat 和 --lon,或带 GPS 信息的照片")
        case .pointsOnlyOnAccept: ("--points goes with --accept only", "--points 只能与 --accept 一起使用")
        case .whatClaim: ("claim", "认领")
        case .whatReport: ("report", "上报")
        case .actionSubmitReports: ("submit reports", "提交上报")
        case .actionReviewReports: ("review reports", "审核上报")
        case .actionExportReports: ("export reports", "导出上报")
        case .actionCollectPhotos: ("clean up photos", "清理照片")
        case .actionSignInConsole: ("sign in to the console", "登录管理后台")
        case .actionUseConsole: ("use the console", "使用管理后台")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: ServiceMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: ServiceMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
