import TuanjuCore

// Messages of `tuanju reports photos` and `photos rebuild` (help, labels, progress), in English and Simplified
// Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum PhotoCLIMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case outputNotDirectory

    // MARK: - CLI
    case photosOfReportAbstract, rebuildAbstract, optOriginal, optOutputDirectory, optChunk, labelFiles
    case labelThumbnail, labelPossibleReuse, labelReuseCleared, colReuse, copiedPhotos, rebuildProgress, rebuildDone
    case reuseNoPoints, demoUpright, demoReuse

    public var texts: (en: String, zh: String) {
        switch self {
        case .outputNotDirectory: ("{path} is not a directory", "{path} 不是目录")
        case .photosOfReportAbstract:
            ("Copy a report's photos and thumbnails into a directory", "将上报的照片和缩略图复制到目录")
        case .rebuildAbstract:
            ("Create the thumbnails and perceptual hashes of photos stored before they existed (resumable)",
             "为之前存储的照片创建缩略图和感知哈希(可断点续做)")
        case .optOriginal:
            ("With --accept: the coordinator checked that a photo flagged as possible re-use is original, so it earns points",
             "与 --accept 一起使用:协调员已核实被标记为疑似重复使用的照片是原创的,因此可获得积分")
        case .optOutputDirectory: ("The directory to copy the files into (created if missing)", "复制文件的目标目录(不存在则创建)")
        case .optChunk: ("Photos per transaction", "每个事务处理的照片数")
        case .labelFiles: ("Files", "文件")
        case .labelThumbnail: ("thumbnail", "缩略图")
        case .labelPossibleReuse:
            ("POSSIBLE RE-USE: photo {position} looks like a photo of report {report} (distance {distance}/64); no points unless accepted with --original",
             "疑似重复使用:第 {position} 张照片与上报 {report} 的照片相似(距离 {distance}/64);除非以 --original 接受,否则不计积分")
        case .labelReuseCleared:
            ("possible re-use of report {report}: accepted as original", "疑似重复使用上报 {report} 的照片:已确认原创")
        case .colReuse: ("REUSE", "重复使用")
        case .copiedPhotos: ("Copied {count} files into {path}", "已将 {count} 个文件复制到 {path}")
        case .rebuildProgress: ("{done}/{total} photos checked, {made} thumbnails and hashes made", "已检查 {done}/{total} 张照片,新建 {made} 个缩略图和哈希")
        case .rebuildDone:
            ("{made} photos got a thumbnail and a hash; {missing} referenced photos are missing from disk",
             "{made} 张照片已生成缩略图和哈希;{missing} 张被引用的照片在磁盘上缺失")
        case .reuseNoPoints:
            ("accepted without points: the photo may be re-used from report {report}", "已接受但不计积分:照片可能重复使用了上报 {report} 的照片")
        case .demoUpright:
            ("An upright phone photo (EXIF Orientation 6, {width}×{height} pixels as sent) is stored upright: {stored}",
             "竖拍的手机照片(EXIF 方向 6,发送时 {width}×{height} 像素)已按正向存储:{stored}")
        case .demoReuse:
            ("A re-saved copy of the manhole photo: report {id} is flagged as possible re-use of {of}; accepted, it earns {points} points",
             "井盖照片的重新保存副本:上报 {id} 被标记为疑似重复使用 {of} 的照片;接受后获得 {points} 积分")
        }
    }
}
