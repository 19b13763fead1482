import TuanjuCore

// Messages of the operations commands: doctor, audit log, backups, privacy retention (help and result lines),
// in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum OpsMsg: String, CaseIterable, CatalogMessage {
    case doctorAbstract, doctorDiscussion, doctorHealthy, doctorProblems, doctorProblem, auditAbstract
    case auditListAbstract, optActor, optSince, colAction, colTarget, colCommand, colActor, backupAbstract
    case backupDiscussion, argBackupDest, backupDone, restoreAbstract, argRestoreSource, restoreDone
    case privacyAbstract, purgeAbstract, purgeDiscussion, optPurgeDryRun, purgeDone, purgeDryRun, eraseAbstract
    case eraseDiscussion, argEraseRider, optEraseDryRun, eraseDone, eraseDryRun, demoErasure, demoErasedProfile
    case demoErasedDoctor

    public var texts: (en: String, zh: String) {
        switch self {
        case .doctorAbstract: ("Check that the data keeps every promise (admin).", "检查数据是否满足全部约束(管理员)。")
        case .doctorDiscussion: ("Runs SQLite's integrity and foreign-key checks, the ledger audit, seats against capacity, the map index, photo files against reports and overdue webhook deliveries. Exit 1 lists each problem.", "运行 SQLite 完整性与外键检查、积分账本核对、名额与容量、地图索引、照片文件与上报记录的对应,以及逾期的 Webhook 投递。发现问题时退出码为 1 并逐条列出。")
        case .doctorHealthy: ("All {count} checks passed.", "全部 {count} 项检查通过。")
        case .doctorProblems: ("{count} problem(s) found.", "发现 {count} 个问题。")
        case .doctorProblem: ("[{check}] {detail}", "[{check}] 问题:{detail}")
        case .auditAbstract: ("The audit log of coordinator and admin actions.", "协调员与管理员操作的审计日志。")
        case .auditListAbstract: ("List audit entries, newest first (admin).", "列出审计记录,最新的在前(管理员)。")
        case .optActor: ("Only this user's actions.", "只列出该用户的操作。")
        case .optSince: ("Only from this instant on (ISO-8601).", "只列出此时刻(ISO-8601)之后的记录。")
        case .colAction: ("ACTION", "操作")
        case .colTarget: ("RECORD", "对象")
        case .colCommand: ("COMMAND", "命令")
        case .colActor: ("WHO", "操作人")
        case .backupAbstract: ("Take a consistent online backup of the data directory (admin).", "在线备份数据目录,保证一致性(管理员)。")
        case .backupDiscussion: ("Copies the database with SQLite's backup API while writers keep running, fsyncs and checks the copy, then copies the photos it references. DEST must not exist or be empty.", "使用 SQLite 备份接口在写入继续进行时复制数据库,同步落盘并校验副本,再复制其引用的照片。DEST 必须不存在或为空。")
        case .argBackupDest: ("Where to write the backup (a new directory).", "备份写入的位置(新目录)。")
        case .backupDone: ("Backup written to {path}: database checked, {photos} photo(s) copied.", "备份已写入 {path}:数据库已校验,复制照片 {photos} 张。")
        case .restoreAbstract: ("Restore a backup into an empty data directory.", "将备份恢复到空的数据目录。")
        case .argRestoreSource: ("A directory written by `tuanju backup`.", "由 `tuanju backup` 生成的目录。")
        case .restoreDone: ("Restored into {path}: {photos} photo(s); run `tuanju doctor` to check.", "已恢复到 {path}:照片 {photos} 张;可运行 `tuanju doctor` 检查。")
        case .privacyAbstract: ("Privacy retention (docs/privacy.md).", "隐私数据保留(见 docs/privacy.md)。")
        case .purgeAbstract: ("Remove photos and precise positions of rejected reports past the retention period (admin).", "删除超过保留期的已驳回上报的照片和精确位置(管理员)。")
        case .purgeDiscussion: ("The period is the setting privacy_retention_days (default 180). Report rows and counts stay.", "保留期由设置项 privacy_retention_days 决定(默认 180 天)。上报记录与统计数量保留。")
        case .optPurgeDryRun: ("Only count what would be purged.", "只统计将被清除的数量。")
        case .purgeDone: ("{reports} rejected report(s) purged, {photos} photo file(s) removed.", "已清除 {reports} 条已驳回上报,删除照片文件 {photos} 个。")
        case .purgeDryRun: ("{reports} rejected report(s) would be purged.", "将清除 {reports} 条已驳回上报。")
        case .eraseAbstract: ("Erase a rider's personal data on their request (admin).", "应骑手本人要求注销其个人数据(管理员)。")
        case .eraseDiscussion: ("In one transaction: name, phone, branch and party membership are removed for good; tokens are revoked; active claims end, pending redemptions are cancelled, sign-ups for sessions not yet started are cancelled and survey answers are deleted. The rider id stays as a pseudonymous account, so the points ledger, reports and past attendance stay consistent. The phone number may register again as a new rider.", "在一个事务内完成:永久删除姓名、手机号、所属支部与党员身份;吊销令牌;结束进行中的认领,取消待处理的兑换申请,取消尚未开始场次的报名,删除问卷答案。骑手编号保留为匿名账户,积分账本、上报记录与历史签到保持一致。该手机号之后可作为新骑手重新注册。")
        case .argEraseRider: ("The rider to erase.", "要注销的骑手。")
        case .optEraseDryRun: ("Only show what would change.", "只显示将会变更的内容。")
        case .eraseDone: ("Rider {id} erased: {claims} claim(s) ended, {redemptions} redemption(s) cancelled, {signups} sign-up(s) cancelled, {responses} survey answer(s) deleted; the pseudonymous account keeps {balance} point(s).", "骑手 {id} 已注销:结束认领 {claims} 个,取消兑换 {redemptions} 个,取消报名 {signups} 个,删除问卷答案 {responses} 份;匿名账户保留积分 {balance}。")
        case .eraseDryRun: ("Erasing rider {id} would end {claims} claim(s), cancel {redemptions} redemption(s) and {signups} sign-up(s), delete {responses} survey answer(s); {balance} point(s) would stay on the pseudonymous account.", "注销骑手 {id} 将结束认领 {claims} 个,取消兑换 {redemptions} 个、报名 {signups} 个,删除问卷答案 {responses} 份;匿名账户将保留积分 {balance}。")
        case .demoErasure: ("A rider asks to be forgotten: the admin erases 何骑手", "骑手申请注销:管理员注销何骑手的个人数据")
        case .demoErasedProfile: ("Coordinators now see the profile as: {name}, phone {phone}.", "协调员现在看到的资料:{name},手机号 {phone}。")
        case .demoErasedDoctor: ("Health checks after the erasure: {count} problem(s); the ledger still balances.", "注销后的健康检查:{count} 个问题;积分账本依然平衡。")
        }
    }
}
