import TuanjuCore

// Messages of photos (PhotoStore): size and format checks, JPEG and PNG structure, decoding, the store on disk,
// in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum PhotoMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Decoding
    case decodeFailed

    // MARK: - Photos: any format
    case photoEmpty, photoTooLarge, photoUnknownFormat, photoCountOutOfRange, photoDimensionsTooLarge
    case photoDimensionsInvalid, photoFileMissing, photoFileNotRegular, photoFileUnreadable

    // MARK: - Photos: the store on disk
    case photoStoreFailed, storeStepCreateDirectory, storeStepWrite, storeStepSync, storeStepRename, storeStepRemove
    case storeStepList

    // MARK: - Photos: JPEG structure
    case jpegTruncated, jpegSegmentPastEnd, jpegSegmentLengthInvalid, jpegMarkerExpected, jpegMarkerUnexpected
    case jpegNoImage

    // MARK: - Photos: PNG structure
    case pngTruncated, pngChunkTooLong, pngChunkTypeInvalid, pngCRCMismatch, pngHeaderNotFirst, pngHeaderInvalid
    case pngCriticalChunkUnknown, pngNoImageData

    public var texts: (en: String, zh: String) {
        switch self {
        case .decodeFailed:
            ("the photo cannot be decoded: {detail}", "照片无法解码:{detail}")
        case .photoEmpty: ("the photo is empty (0 bytes)", "照片为空(0 字节)")
        case .photoTooLarge:
            ("the photo has {bytes} bytes; at most {max} are accepted", "照片有 {bytes} 字节,最多接受 {max} 字节")
        case .photoUnknownFormat:
            ("not a JPEG or PNG photo (judged by its content, not its name)", "不是 JPEG 或 PNG 照片(按文件内容判断,而非文件名)")
        case .photoCountOutOfRange:
            ("a report takes {min} to {max} photos, not {count}", "每份上报需要 {min} 至 {max} 张照片,而不是 {count} 张")
        case .photoDimensionsTooLarge:
            ("the photo declares {width}×{height} pixels; at most {side} on a side and {megapixels} megapixels are accepted",
             "照片声明为 {width}×{height} 像素;每边最多 {side} 像素,总共最多 {megapixels} 百万像素")
        case .photoDimensionsInvalid:
            ("the photo declares {width}×{height} pixels; a photo needs a width and a height of at least 1",
             "照片声明为 {width}×{height} 像素;照片的宽和高至少为 1")
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
        }
    }
}
