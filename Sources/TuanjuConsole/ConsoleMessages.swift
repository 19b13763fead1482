import TuanjuCore

// The console's words (#23), in Simplified Chinese (the default) and English. Templates name them by case
// (`{{t.navQueue}}`); messages with arguments are rendered in Swift and handed to the template as values.
// Same rules as every catalogue: `{name}` marks an argument; CatalogTests checks both languages.

public enum ConsoleMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Frame
    case brand, navQueue, navMap, navFigures, navBatches, signOut, signedInAs

    // MARK: - Sign-in
    case signInTitle, signInToken, signInButton, signInHelp, signInRefused, signInRider, signedOut

    // MARK: - Queue
    case queueTitle, queueWaiting, queueEmpty, queueShortcuts, photoAlt, noPhotos, place, submitted, rider, note
    case duplicateWarning, reuseWarning, points, pointsDefault, original, accept, reject, reason, duplicateOf, markDuplicate
    case reviewed, openReport

    // MARK: - Report page
    case reportTitle, status, category, history, historyBy, dispatch, agency, dispatchNote, noAgencies, noPlace, backToQueue

    // MARK: - Map
    case mapTitle, mapFilter, anyStatus, anyCategory, from, to, show, mapShowing, mapLegendReports, mapLegendPoints
    case mapLegendDemand, mapLegendArea, mapNoArea

    // MARK: - Figures
    case figuresTitle, figuresAlt, byWeek, byMonth, totals

    // MARK: - Redemption batches
    case batchesTitle, batchesWaiting, batchesRun, batchesNothing, batchesStarted, batchId, batchState, batchProgress
    case batchStarted, batchDownload, batchesNone, batchesFailed

    // MARK: - Report statuses
    case statusSubmitted, statusAccepted, statusRejected, statusDuplicate, statusDispatched, statusResolved, statusReopened

    // MARK: - Errors
    case errorTitle, csrfRefused, signInNeeded, back

    public var texts: (en: String, zh: String) {
        switch self {
        case .brand: ("Tuanju console", "团聚管理后台")
        case .navQueue: ("Review queue", "审核队列")
        case .navMap: ("Map", "地图")
        case .navFigures: ("Figures", "统计")
        case .navBatches: ("Redemptions", "兑换批次")
        case .signOut: ("Sign out", "退出")
        case .signedInAs: ("Signed in as {name} ({role})", "当前用户:{name}({role})")
        case .signInTitle: ("Sign in", "登录")
        case .signInToken: ("Coordinator or admin token", "协调员或管理员令牌")
        case .signInButton: ("Sign in", "登录")
        case .signInHelp:
            ("Paste the token `tuanju users add` printed. The browser keeps a session for 12 hours, not the token.",
             "粘贴 `tuanju users add` 打印的令牌。浏览器只保存 12 小时的会话,不保存令牌。")
        case .signInRefused: ("This token is unknown or revoked.", "令牌无效或已撤销。")
        case .signInRider: ("A rider's token cannot sign in to the console.", "骑手令牌不能登录管理后台。")
        case .signedOut: ("You are signed out.", "已退出登录。")
        case .queueTitle: ("Review queue", "审核队列")
        case .queueWaiting: ("{count} reports wait for review, oldest first; showing {shown}.", "共 {count} 条上报待审核(最早的在前),显示 {shown} 条。")
        case .queueEmpty: ("Nothing waits for review.", "没有待审核的上报。")
        case .queueShortcuts:
            ("Keys: j next, k previous, a accept, r reject (type the reason, Enter), d duplicate.",
             "快捷键:j 下一条,k 上一条,a 通过,r 驳回(输入原因后回车),d 标记重复。")
        case .photoAlt: ("Photo {n} of report {id}", "上报 {id} 的第 {n} 张照片")
        case .noPhotos: ("No thumbnail yet", "暂无缩略图")
        case .place: ("Place", "位置")
        case .submitted: ("Submitted", "提交时间")
        case .rider: ("Rider", "骑手")
        case .note: ("Note", "备注")
        case .duplicateWarning: ("Possible duplicate of {id}", "可能与 {id} 重复")
        case .reuseWarning:
            ("Photo {position} may be re-used from report {id} (distance {distance}); accepting pays only if marked original.",
             "第 {position} 张照片可能取自上报 {id}(差异 {distance});只有确认为原创,通过后才发放积分。")
        case .points: ("Points", "积分")
        case .pointsDefault: ("default", "默认")
        case .original: ("Photo is original", "照片为原创")
        case .accept: ("Accept", "通过")
        case .reject: ("Reject", "驳回")
        case .reason: ("Reason", "原因")
        case .duplicateOf: ("Duplicate of", "重复于")
        case .markDuplicate: ("Mark duplicate", "标记重复")
        case .reviewed: ("Report {id} is now {status}.", "上报 {id} 已{status}。")
        case .openReport: ("Open it to dispatch it", "打开以转交")
        case .reportTitle: ("Report {id}", "上报 {id}")
        case .status: ("Status", "状态")
        case .category: ("Category", "类别")
        case .history: ("History", "处理记录")
        case .historyBy: ("by {who}", "操作人 {who}")
        case .dispatch: ("Dispatch", "转交")
        case .agency: ("Agency", "部门")
        case .dispatchNote: ("Note for the agency", "给部门的备注")
        case .noAgencies: ("No agency is set up (tuanju agencies add).", "尚未设置部门(tuanju agencies add)。")
        case .noPlace: ("This report has no position.", "该上报没有位置信息。")
        case .backToQueue: ("Back to the queue", "返回审核队列")
        case .mapTitle: ("Map of reports", "上报地图")
        case .mapFilter: ("Filter", "筛选")
        case .anyStatus: ("any status", "全部状态")
        case .anyCategory: ("any category", "全部类别")
        case .from: ("From", "起始日期")
        case .to: ("To", "截止日期")
        case .show: ("Show", "显示")
        case .mapShowing: ("{shown} of {matching} reports, {points} service points, {cells} demand cells.", "显示 {shown}/{matching} 条上报、{points} 个服务点、{cells} 个需求网格。")
        case .mapLegendReports: ("reports (colour by status)", "上报(颜色表示状态)")
        case .mapLegendPoints: ("service points", "服务点")
        case .mapLegendDemand: ("demand (nearest searches)", "需求(附近查询次数)")
        case .mapLegendArea: ("service area", "服务区域")
        case .mapNoArea: ("No service area is set; the map spans the points.", "未设置服务区域;地图范围取所有点。")
        case .figuresTitle: ("Figures", "统计")
        case .figuresAlt: ("Charts of reports, reviews and participation", "上报、审核与参与情况图表")
        case .byWeek: ("by week", "按周")
        case .byMonth: ("by month", "按月")
        case .totals: ("{submitted} submitted, {accepted} accepted, {rejected} rejected, {resolved} resolved", "提交 {submitted},通过 {accepted},驳回 {rejected},办结 {resolved}")
        case .batchesTitle: ("Redemption batches", "兑换批次")
        case .batchesWaiting: ("{count} redemption requests wait for a batch.", "{count} 个兑换申请等待处理。")
        case .batchesRun: ("Run a batch", "处理一批")
        case .batchesNothing: ("Nothing waits; no batch was started.", "没有待处理的申请,未启动批次。")
        case .batchesStarted: ("A batch is running; this page refreshes until it completes.", "批次处理中;本页会自动刷新直到完成。")
        case .batchId: ("Batch", "批次")
        case .batchState: ("State", "状态")
        case .batchProgress: ("Progress", "进度")
        case .batchStarted: ("Started", "开始时间")
        case .batchDownload: ("Fulfilment CSV", "发放清单 CSV")
        case .batchesNone: ("No batch has run yet.", "尚未处理过批次。")
        case .batchesFailed: ("The last run stopped: {reason}. Run again to resume the batch.", "上一次处理中断:{reason}。再次点击可继续处理该批次。")
        case .statusSubmitted: ("submitted", "待审核")
        case .statusAccepted: ("accepted", "已通过")
        case .statusRejected: ("rejected", "已驳回")
        case .statusDuplicate: ("duplicate", "重复")
        case .statusDispatched: ("dispatched", "已转交")
        case .statusResolved: ("resolved", "已办结")
        case .statusReopened: ("reopened", "已重新打开")
        case .errorTitle: ("Not done", "未完成")
        case .csrfRefused:
            ("This form is stale or came from elsewhere (no valid CSRF token); nothing was changed. Reload the page and try again.",
             "表单已过期或来源不明(CSRF 令牌无效);未做任何更改。请刷新页面后重试。")
        case .signInNeeded: ("Sign in first.", "请先登录。")
        case .back: ("Back", "返回")
        }
    }
}
