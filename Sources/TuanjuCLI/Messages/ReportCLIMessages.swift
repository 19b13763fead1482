import TuanjuCore

// Messages of `tuanju reports` (help, labels, result lines, the demo's report scene), in English and Simplified
// Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum ReportCLIMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: reports
    case formatUnknown

    // MARK: - CLI: reports, photos
    case reportsAbstract, submitAbstract, submitDiscussion, listAbstract, showAbstract, reviewAbstract
    case dispatchAbstract, resolveAbstract, reopenAbstract, exportAbstract, servicesAbstract, photosAbstract
    case gcAbstract, optCategory, optTask, optPhoto, optNote, optAccept, optReject, optReason, optDuplicateOf
    case optReviewPoints, optAgency, optStatus, optMine, optSince, optMediaBase, optFormat, optOutput, optDryRun
    case optRider, argReportID, reviewChooseOne, submitted, suggestedDuplicate, reviewed, awarded, exported
    case gcSummary, gcDryRun, labelLocation, labelPhotos, labelDuplicateOf, labelAgency, labelPoints, labelHistory
    case labelNote, colSubmitted, colPhotos, demoReports, demoPhotoIn, demoSubmitted, demoStoredClean, demoAccepted

    public var texts: (en: String, zh: String) {
        switch self {
        case .formatUnknown: ("unknown format \"{value}\" (use {known})", "未知格式“{value}”(可选:{known})")
        case .reportsAbstract: ("Snap-and-report (随手拍): photo reports and their review.", "随手拍:照片上报及审核。")
        case .submitAbstract: ("Report a problem with 1–5 photos (rider).", "上报问题,附 1–5 张照片(骑手)。")
        case .submitDiscussion: ("You must hold an active claim on a task of the role that handles the category. Without --lat/--lon the first photo's GPS is used. Photos are JPEG or PNG up to 10 MB each; their metadata (EXIF, GPS, device) is removed before they are stored.", "须已认领负责该类别的角色任务。未给 --lat/--lon 时使用第一张照片的 GPS 位置。照片须为 JPEG 或 PNG,每张不超过 10 MB;保存前会去除其元数据(EXIF、GPS、设备信息)。")
        case .listAbstract: ("List reports (riders see their own).", "列出上报(骑手只能看到自己的)。")
        case .showAbstract: ("Show a report and its history.", "查看上报及其处理记录。")
        case .reviewAbstract: ("Accept, reject or mark a submitted report as a duplicate (coordinator).", "审核上报:采纳、驳回或标记为重复(协调员)。")
        case .dispatchAbstract: ("Dispatch an accepted report to the responsible agency (coordinator).", "将已采纳的上报派发给承办单位(协调员)。")
        case .resolveAbstract: ("Mark a dispatched report resolved (coordinator).", "将已派发的上报标记为已办结(协调员)。")
        case .reopenAbstract: ("Reopen a resolved report (coordinator).", "重新打开已办结的上报(协调员)。")
        case .exportAbstract: ("Export reports as Open311 GeoReport v2 JSON, GeoJSON or CSV, streamed (coordinator).", "以 Open311 GeoReport v2 JSON、GeoJSON 或 CSV 流式导出上报(协调员)。")
        case .servicesAbstract: ("List the report categories as Open311 services, grouped by role.", "以 Open311 服务列表形式列出上报类别,按角色分组。")
        case .photosAbstract: ("Stored report photos.", "已保存的上报照片。")
        case .gcAbstract: ("Remove stored photos that no report references (admin).", "删除没有任何上报引用的照片(管理员)。")
        case .optCategory: ("Report category code (see `tuanju roles list`).", "上报类别代码(见 `tuanju roles list`)。")
        case .optTask: ("The claimed task to file it under (default: your claim on a task of the category's role).", "归属的已认领任务(默认:您认领的该类别角色任务)。")
        case .optPhoto: ("A JPEG or PNG photo; repeat for up to 5.", "JPEG 或 PNG 照片;可重复,最多 5 张。")
        case .optNote: ("A note, up to 1,000 characters.", "备注,最多 1000 字。")
        case .optAccept: ("Accept the report (pays points).", "采纳上报(发放积分)。")
        case .optReject: ("Reject the report (needs --reason).", "驳回上报(须填写 --reason)。")
        case .optReason: ("Why it is rejected.", "驳回理由。")
        case .optDuplicateOf: ("Mark it a duplicate of this report.", "标记为此上报的重复。")
        case .optReviewPoints: ("Points to award (default: the task's, else the category's).", "发放积分(默认:任务设定,否则按类别)。")
        case .optAgency: ("The responsible agency.", "承办单位。")
        case .optStatus: ("Only reports in this status.", "只列出此状态的上报。")
        case .optMine: ("Only my own reports.", "只列出我自己的上报。")
        case .optSince: ("Only reports updated at or after this instant (ISO-8601).", "只导出此时刻(ISO-8601)及之后更新的上报。")
        case .optMediaBase: ("Base URL of photo links (media_url = base + SHA-256).", "照片链接的基础 URL(media_url = 基础 URL + SHA-256)。")
        case .optFormat: ("Output format.", "输出格式。")
        case .optOutput: ("Write to this file instead of standard output.", "写入此文件而不是标准输出。")
        case .optDryRun: ("Only list what would be removed.", "只列出将被删除的文件。")
        case .optRider: ("Only this rider's reports (coordinator).", "只列出该骑手的上报(协调员)。")
        case .argReportID: ("The report's id.", "上报编号。")
        case .reviewChooseOne: ("choose exactly one of --accept, --reject or --duplicate-of", "请在 --accept、--reject、--duplicate-of 中选择且只选择一个")
        case .submitted: ("Report {id} submitted with {count} photo(s); metadata removed.", "上报 {id} 已提交,含 {count} 张照片;元数据已去除。")
        case .suggestedDuplicate: ("It may duplicate report {id} (same category, within 50 m and 24 h).", "可能与上报 {id} 重复(同一类别,50 米、24 小时内)。")
        case .reviewed: ("Report {id} is now {status}.", "上报 {id} 现为 {status}。")
        case .awarded: ("{points} points awarded to the rider.", "已向骑手发放 {points} 积分。")
        case .exported: ("{count} reports written to {path}.", "已将 {count} 条上报写入 {path}。")
        case .gcSummary: ("{count} unreferenced photo(s) removed.", "已删除 {count} 张无引用的照片。")
        case .gcDryRun: ("{count} unreferenced photo(s) would be removed.", "将删除 {count} 张无引用的照片。")
        case .labelLocation: ("Location", "位置")
        case .labelPhotos: ("Photos", "照片")
        case .labelDuplicateOf: ("Duplicate of", "重复于")
        case .labelAgency: ("Agency", "承办单位")
        case .labelPoints: ("Points", "积分")
        case .labelHistory: ("History", "处理记录")
        case .labelNote: ("Note", "备注")
        case .colSubmitted: ("SUBMITTED", "提交时间")
        case .colPhotos: ("PHOTOS", "照片")
        case .demoReports: ("Snap-and-report (随手拍): 李骑手 photographs a loose manhole cover", "随手拍:李骑手拍下一个松动的井盖")
        case .demoPhotoIn: ("The phone's photo ({bytes} bytes) carries EXIF: GPS {lat},{lon}, camera make and model.", "手机照片({bytes} 字节)带有 EXIF:GPS {lat},{lon}、相机品牌和型号。")
        case .demoSubmitted: ("Report {id} submitted; its position {lat},{lon} was read from the photo.", "上报 {id} 已提交;位置 {lat},{lon} 取自照片。")
        case .demoStoredClean: ("Stored copy {hash}… ({bytes} bytes): EXIF {exif}, GPS {gps}.", "保存的副本 {hash}…({bytes} 字节):EXIF {exif},GPS {gps}。")
        case .demoAccepted: ("The coordinator accepts it ({points} points: balance {before} → {after}) and dispatches it to {agency}.", "协调员采纳(发放 {points} 积分:余额 {before} → {after}),并派发给{agency}。")
        }
    }
}
