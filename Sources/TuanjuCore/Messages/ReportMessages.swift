// Messages of photo reports (Reports, PhotoStore), in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum ReportMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Photos: any format
    case photoEmpty, photoTooLarge, photoUnknownFormat, photoCountOutOfRange, photoDimensionsTooLarge, photoDimensionsInvalid
    case photoFileMissing, photoFileNotRegular, photoFileUnreadable

    // MARK: - Photos: the store on disk
    case photoStoreFailed, storeStepCreateDirectory, storeStepWrite, storeStepSync, storeStepRename, storeStepRemove
    case storeStepList

    // MARK: - Photos: JPEG structure
    case jpegTruncated, jpegSegmentPastEnd, jpegSegmentLengthInvalid, jpegMarkerExpected, jpegMarkerUnexpected
    case jpegNoImage

    // MARK: - Photos: PNG structure
    case pngTruncated, pngChunkTooLong, pngChunkTypeInvalid, pngCRCMismatch, pngHeaderNotFirst, pngHeaderInvalid
    case pngCriticalChunkUnknown, pngNoImageData

    // MARK: - Errors: reports
    case reportNotFound, categoryNotFound, noActiveClaim, invalidTransition, duplicateTargetInvalid, taskNotForCategory
    case locationRequired, outsideServiceArea, areaRingInvalid, statusUnknown, pointsOnlyOnAccept, formatUnknown
    case fieldNote, fieldAgency, whatClaim, whatReport
    case actionSubmitReports, actionReviewReports, actionExportReports, actionCollectPhotos
    // MARK: - CLI: reports, photos
    case reportsAbstract, submitAbstract, submitDiscussion, listAbstract, showAbstract, reviewAbstract, dispatchAbstract
    case resolveAbstract, reopenAbstract, exportAbstract, servicesAbstract, photosAbstract, gcAbstract
    case optCategory, optTask, optPhoto, optNote, optAccept, optReject, optReason, optDuplicateOf, optReviewPoints
    case optAgency, optStatus, optMine, optSince, optMediaBase, optFormat, optOutput, optDryRun, optRider, argReportID
    case reviewChooseOne, submitted, suggestedDuplicate, reviewed, awarded, exported, gcSummary, gcDryRun
    case labelLocation, labelPhotos, labelDuplicateOf, labelAgency, labelPoints, labelHistory, labelNote
    case colSubmitted, colPhotos
    case demoReports, demoPhotoIn, demoSubmitted, demoStoredClean, demoAccepted

    public var texts: (en: String, zh: String) {
        switch self {
        case .photoEmpty: ("the photo is empty (0 bytes)", "照片为空(0 字节)")
        case .photoTooLarge:
            ("the photo has {bytes} bytes; at most {max} are accepted", "照片有 {bytes} 字节,最多接受 {max} 字节")
        case .photoDimensionsTooLarge:
            ("the photo declares {width}×{height} pixels; at most {side} on a side and {megapixels} megapixels are accepted",
             "照片声明为 {width}×{height} 像素;每边最多 {side} 像素,总共最多 {megapixels} 百万像素")
        case .photoDimensionsInvalid:
            ("the photo declares {width}×{height} pixels; a photo needs a width and a height of at least 1",
             "照片声明为 {width}×{height} 像素;照片的宽和高至少为 1")
        case .photoUnknownFormat:
            ("not a JPEG or PNG photo (judged by its content, not its name)", "不是 JPEG 或 PNG 照片(按文件内容判断,而非文件名)")
        case .photoCountOutOfRange:
            ("a report takes {min} to {max} photos, not {count}", "每份上报需要 {min} 至 {max} 张照片,而不是 {count} 张")
        case .photoFileMissing: ("there is no such file", "文件不存在")
        case .photoFileNotRegular: ("it is not a regular file", "不是普通文件")
        case .photoFileUnreadable: ("it cannot be read", "无法读取该文件")
        case .photoStoreFailed: ("photo store: cannot {step} {path} ({detail})", "照片存储:无法{step} {path}({detail})")
        case .storeStepCreateDirectory: ("create the directory", "创建目录")
        case .storeStepWrite: ("write", "写入")
        case .storeStepSync: ("flush to disk", "同步到磁盘")
        case .storeStepRename: ("move into place", "移动到位")
        case .storeStepRemove: ("remove", "删除")
        case .storeStepList: ("list", "列出")
        case .jpegTruncated:
            ("the JPEG is cut short at byte {offset}: it ends before its end-of-image marker", "JPEG 在第 {offset} 字节处被截断:缺少图像结束标记")
        case .jpegSegmentPastEnd:
            ("the JPEG segment {marker} at byte {offset} claims {length} bytes, past the end of the file",
             "JPEG 第 {offset} 字节处的段 {marker} 声明长度 {length} 字节,超出了文件末尾")
        case .jpegSegmentLengthInvalid:
            ("the JPEG segment {marker} at byte {offset} has an impossible length {length}",
             "JPEG 第 {offset} 字节处的段 {marker} 长度 {length} 不合理")
        case .jpegMarkerExpected:
            ("the JPEG is broken: a marker should start at byte {offset}", "JPEG 已损坏:第 {offset} 字节处应为标记")
        case .jpegMarkerUnexpected:
            ("the JPEG is broken: marker {marker} at byte {offset} is not allowed there", "JPEG 已损坏:第 {offset} 字节处不应出现标记 {marker}")
        case .jpegNoImage: ("the JPEG has no image: its frame header or scan is missing", "JPEG 中没有图像:缺少帧头或扫描数据")
        case .pngTruncated:
            ("the PNG is cut short at byte {offset}: it ends before its IEND chunk", "PNG 在第 {offset} 字节处被截断:缺少 IEND 块")
        case .pngChunkTooLong:
            ("the PNG chunk at byte {offset} claims {length} bytes, more than PNG allows",
             "PNG 第 {offset} 字节处的块声明长度 {length} 字节,超出 PNG 允许的范围")
        case .pngChunkTypeInvalid: ("the PNG chunk at byte {offset} has an invalid type name", "PNG 第 {offset} 字节处的块类型名称无效")
        case .pngCRCMismatch:
            ("the PNG chunk {chunk} at byte {offset} fails its CRC check (damaged file)", "PNG 第 {offset} 字节处的块 {chunk} 校验(CRC)失败,文件已损坏")
        case .pngHeaderNotFirst: ("the PNG must start with its IHDR chunk, not {chunk}", "PNG 必须以 IHDR 块开头,而不是 {chunk}")
        case .pngHeaderInvalid: ("the PNG header chunk IHDR is invalid or repeated", "PNG 的头部块 IHDR 无效或重复")
        case .pngCriticalChunkUnknown: ("the PNG holds an unknown critical chunk {chunk}", "PNG 含有未知的关键块 {chunk}")
        case .pngNoImageData: ("the PNG has no image data (IDAT chunk)", "PNG 中没有图像数据(IDAT 块)")
        case .reportNotFound: ("no report {id}", "没有编号为 {id} 的上报")
        case .categoryNotFound: ("no report category {code} (see `tuanju roles list`)", "没有上报类别 {code}(见 `tuanju roles list`)")
        case .noActiveClaim: ("you hold no active claim on a task of the role that handles {category}; claim one first", "你没有认领负责 {category} 的角色任务;请先认领")
        case .invalidTransition: ("report {id} is {from}; it cannot become {to}", "上报 {id} 当前为 {from},不能改为 {to}")
        case .duplicateTargetInvalid: ("report {id} cannot be the original of this one (it must be another report of the same category)", "上报 {id} 不能作为原始上报(必须是同一类别的另一条上报)")
        case .taskNotForCategory: ("task {task} is not a task of the role that handles {category}", "任务 {task} 不属于负责 {category} 的角色")
        case .locationRequired: ("no location: give --lat and --lon, or a photo with GPS data", "缺少位置:请提供 --lat 和 --lon,或带 GPS 信息的照片")
        case .outsideServiceArea: ("{lat},{lon} is outside the service area ({area})", "{lat},{lon} 不在服务范围内({area})")
        case .areaRingInvalid: ("service area {code} is not a closed ring of [longitude, latitude] positions", "服务范围 {code} 不是由 [经度, 纬度] 组成的闭合多边形")
        case .statusUnknown: ("unknown status \"{value}\" (known: {known})", "未知状态“{value}”(可选:{known})")
        case .pointsOnlyOnAccept: ("--points goes with --accept only", "--points 只能与 --accept 一起使用")
        case .formatUnknown: ("unknown format \"{value}\" (use {known})", "未知格式“{value}”(可选:{known})")
        case .fieldNote: ("note", "备注")
        case .fieldAgency: ("agency", "承办单位")
        case .whatClaim: ("claim", "认领")
        case .whatReport: ("report", "上报")
        case .actionSubmitReports: ("submit reports", "提交上报")
        case .actionReviewReports: ("review reports", "审核上报")
        case .actionExportReports: ("export reports", "导出上报")
        case .actionCollectPhotos: ("clean up photos", "清理照片")
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
        case .optTask: ("The claimed task to file it under (default: your claim on a task of the category's role).", "归属的已认领任务(默认:你认领的该类别角色任务)。")
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
