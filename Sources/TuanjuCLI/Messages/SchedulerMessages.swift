import TuanjuCore

// Messages of `tuanju run`, the scheduler beside `tuanju serve`, and the rider's quiet hours, in English and
// Simplified Chinese. Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both
// languages, and CatalogTests checks that neither is empty and that both name the same arguments.

public enum SchedulerMsg: String, CaseIterable, CatalogMessage {
    case runAbstract, runDiscussion, optOnce, optInterval, optSchedulerInterval, intervalInvalid, passLine, passFailed, runStopped
    case optQuietHours, labelQuietHours

    public var texts: (en: String, zh: String) {
        switch self {
        case .runAbstract:
            ("Run the scheduled work without the HTTP server: reminders, expired redemption holds, overdue reports.",
             "不启动 HTTP 服务,单独运行定时任务:提醒、到期的兑换冻结、超时的上报。")
        case .runDiscussion:
            ("One pass at start, then one every --interval seconds, until SIGTERM or SIGINT (the pass in flight finishes). Prints one line per pass. Needs no token: it acts as the installation. Any number may run against one data directory; each reminder is sent once.",
             "启动时运行一轮,之后每隔 --interval 秒一轮,直到收到 SIGTERM 或 SIGINT(进行中的一轮会完成)。每轮输出一行。无需令牌:以系统身份运行。同一数据目录可同时运行多个,每条提醒只发一次。")
        case .optOnce: ("Run one pass and exit.", "只运行一轮后退出。")
        case .optInterval: ("Seconds between passes (1 to 86400).", "两轮之间的间隔秒数(1 到 86400)。")
        case .optSchedulerInterval:
            ("Seconds between passes of the scheduler (reminders, expired holds); 0 turns it off (run `tuanju run` instead).",
             "定时任务(提醒、到期冻结)两轮之间的间隔秒数;0 表示关闭(改用 tuanju run)。")
        case .intervalInvalid: ("--{name} must be a whole number from {min} to 86400", "--{name} 必须是 {min} 到 86400 之间的整数")
        case .passLine:
            ("{at}  reminders {reminders} · hold warnings {warnings} · holds expired {expired} · overdue {overdue}",
             "{at}  活动提醒 {reminders} · 冻结到期提醒 {warnings} · 冻结已过期 {expired} · 上报超时 {overdue}")
        case .passFailed: ("scheduler pass failed, retrying next time: {reason}", "定时任务本轮失败,下一轮重试:{reason}")
        case .runStopped: ("Stopped.", "已停止。")
        case .optQuietHours:
            ("When reminders wait, Asia/Shanghai: periods like \"11:00-13:00,17:00-19:30\" (the default), or none.",
             "免打扰时段(北京时间),提醒会推迟到时段结束:如 \"11:00-13:00,17:00-19:30\"(默认),或 none。")
        case .labelQuietHours: ("Quiet hours", "免打扰时段")
        }
    }
}
