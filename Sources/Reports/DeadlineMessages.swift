import TuanjuCore

// Messages of deadlines (`tuanju deadlines`, `tuanju reports overdue`), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum DeadlineMsg: String, CaseIterable, CatalogMessage {
    case actionView, actionSet, hoursInvalid, stageUnknown
    case abstract, listAbstract, setAbstract, overdueAbstract, argCategory, optReviewHours, optResolveHours, optStage
    case changed, colCategory, colReview, colResolve, colReport, colStage, colDue, colLate, colAgency, noneLate

    // MARK: - Stats
    case actionStats, dayInvalid, periodInvalid, statsAbstract, optFrom, optTo, optBy, optFormat, formatUnknown, groupingUnknown
    case chartTrend, chartCategory, chartAgency, legendSubmitted, legendAccepted, legendResolved, statsTitle

    public var texts: (en: String, zh: String) {
        switch self {
        case .actionView: ("view deadlines and overdue reports", "查看时限与超时上报")
        case .actionSet: ("change deadlines", "修改时限")
        case .hoursInvalid: ("{value} is not a number of hours from 1 to 8760", "{value} 不是 1 至 8760 之间的小时数")
        case .stageUnknown: ("unknown stage \"{value}\" (use review or resolve)", "未知阶段“{value}”(可选 review 或 resolve)")
        case .abstract: ("Each category's targets: hours to review a report, hours to resolve it.", "各类别的时限:审核上报的小时数、办结的小时数。")
        case .listAbstract: ("List every category's targets (coordinator).", "列出各类别的时限(协调员)。")
        case .setAbstract: ("Change a category's targets (coordinator).", "修改某一类别的时限(协调员)。")
        case .overdueAbstract: ("List the open reports past their category's target, and by how long (coordinator).", "列出超过类别时限仍未完成的上报及超时多久(协调员)。")
        case .argCategory: ("The report category code.", "上报类别代码。")
        case .optReviewHours: ("Hours from submission to review, 1 to 8760.", "从提交到审核的小时数,1 至 8760。")
        case .optResolveHours: ("Hours from acceptance to resolution, 1 to 8760.", "从采纳到办结的小时数,1 至 8760。")
        case .optStage: ("Only this stage: review or resolve.", "只看某一阶段:review(审核)或 resolve(办结)。")
        case .changed: ("{category}: review within {review} h, resolve within {resolve} h.", "{category}:{review} 小时内审核,{resolve} 小时内办结。")
        case .colCategory: ("CATEGORY", "类别")
        case .colReview: ("REVIEW (H)", "审核(小时)")
        case .colResolve: ("RESOLVE (H)", "办结(小时)")
        case .colReport: ("REPORT", "上报")
        case .colStage: ("STAGE", "阶段")
        case .colDue: ("DUE", "时限")
        case .colLate: ("LATE (H)", "超时(小时)")
        case .colAgency: ("AGENCY", "承办单位")
        case .noneLate: ("Nothing is late.", "没有超时的上报。")
        case .actionStats: ("view the figures", "查看统计")
        case .dayInvalid: ("\"{value}\" is not a day YYYY-MM-DD", "“{value}”不是 YYYY-MM-DD 形式的日期")
        case .periodInvalid: ("the period {from} to {to} is empty or longer than ten years", "时段 {from} 至 {to} 为空或超过十年")
        case .statsAbstract: ("The figures: reports and how fast they moved, what is late, participation, points, map demand (coordinator).", "统计:上报数量与处置速度、超时、参与情况、积分、地图需求(协调员)。")
        case .optFrom: ("First day, YYYY-MM-DD (UTC; default: the 1st of this month).", "起始日期 YYYY-MM-DD(UTC;默认本月 1 日)。")
        case .optTo: ("Last day, YYYY-MM-DD, included (default: up to now).", "截止日期 YYYY-MM-DD,含当天(默认到现在)。")
        case .optBy: ("The trend's step: week or month.", "趋势按周(week)或按月(month)。")
        case .optFormat: ("table, json, csv or svg (charts for a meeting).", "table、json、csv 或 svg(开会用的图表)。")
        case .formatUnknown: ("unknown format \"{value}\" (use table, json, csv or svg)", "未知格式“{value}”(可选 table、json、csv、svg)")
        case .groupingUnknown: ("unknown step \"{value}\" (use week or month)", "未知间隔“{value}”(可选 week 或 month)")
        case .chartTrend: ("Reports per {step}", "每{step}上报")
        case .chartCategory: ("Reports by category", "各类别上报")
        case .chartAgency: ("Resolved by agency", "各承办单位办结")
        case .legendSubmitted: ("submitted", "提交")
        case .legendAccepted: ("accepted", "采纳")
        case .legendResolved: ("resolved", "办结")
        case .statsTitle: ("Tuanju figures {from} – {to}", "团聚统计 {from} 至 {to}")
        }
    }
}
