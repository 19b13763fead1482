// The shared catalogue: the messages several modules use (generic input errors, positions, limits, a busy
// database, a rider that is missing or deactivated). A message one module owns lives in that module's catalogue
// (RiderMsg in Riders, HTTPMsg in TuanjuHTTP, CLIMsg in TuanjuCLI, ...), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum Msg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: input
    case inputEmpty, inputTooLong, fileUnreadable, fieldName, placeLine, placeFeature, limitRange, offsetNegative
    case latitudeInvalid, longitudeInvalid, coordinateInvalid, timeInvalid, seedInvalid

    // MARK: - Errors: rules
    case riderNotFound, riderInactive, fieldReason, pointsInvalid, reasonRequired, seedValueRange, busy

    // MARK: - Coordinates
    case coordinateSystemUnknown

    public var texts: (en: String, zh: String) {
        switch self {
        case .inputEmpty: ("{field} must not be empty", "{field}不能为空")
        case .inputTooLong: ("{field} is {count} characters long; at most {max} allowed", "{field}长 {count} 个字符,最多允许 {max} 个")
        case .fileUnreadable: ("cannot read {path}: {reason}", "无法读取 {path}:{reason}")
        case .fieldName: ("name", "姓名")
        case .placeLine: ("line {line}", "第 {line} 行")
        case .placeFeature: ("feature {index}", "第 {index} 个要素")
        case .limitRange: ("--limit must be between 1 and {max}", "--limit 必须在 1 到 {max} 之间")
        case .offsetNegative: ("--offset must not be negative", "--offset 不能为负数")
        case .latitudeInvalid: ("latitude {value} is not between -90 and 90", "纬度 {value} 不在 -90 到 90 之间")
        case .longitudeInvalid: ("longitude {value} is not between -180 and 180", "经度 {value} 不在 -180 到 180 之间")
        case .coordinateInvalid: ("\"{text}\" is not a position; write LAT,LON in decimal degrees", "“{text}”不是有效位置;请写成“纬度,经度”(十进制度数)")
        case .timeInvalid: ("\"{text}\" is not an ISO-8601 time with a zone, e.g. 2026-12-01T09:00:00+08:00", "“{text}”不是带时区的 ISO-8601 时间,例如 2026-12-01T09:00:00+08:00")
        case .seedInvalid: ("{source} is not a valid seed file: {reason}", "{source} 不是有效的种子数据文件:{reason}")
        case .riderNotFound: ("no rider {id}", "没有编号为 {id} 的骑手")
        case .riderInactive: ("rider {id} is deactivated", "骑手 {id} 已停用")
        case .fieldReason: ("reason", "原因")
        case .pointsInvalid: ("points {value} must be from 0 to 10,000", "积分 {value} 必须在 0 到 10000 之间")
        case .reasonRequired: ("a reason is required", "必须说明原因")
        case .seedValueRange: ("{source}: {code} has {field} {value}; it must be from {min} to {max}", "{source}:{code} 的 {field} 为 {value};必须在 {min} 到 {max} 之间")
        case .busy: ("the database is busy; try again in a moment", "数据库繁忙,请稍后重试")
        case .coordinateSystemUnknown:
            ("unknown coordinate system \"{text}\"; use wgs84 or gcj02",
             "未知坐标系“{text}”;请使用 wgs84 或 gcj02")
        }
    }
}
