// Messages of the warm-heart map (ServiceMap), GCJ-02, opening hours, in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum MapMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Coordinates
    case coordinateSystemUnknown

    // MARK: - Opening hours ({position} is the 1-based character position in {text})
    case hoursEmpty, hoursUnexpected, hoursIncomplete, hoursUnsupported
    case hoursHourInvalid, hoursMinuteInvalid, hoursMidnightEnd, hoursEmptyRange

    public var texts: (en: String, zh: String) {
        switch self {
        case .coordinateSystemUnknown:
            ("unknown coordinate system \"{text}\"; use wgs84 or gcj02",
             "未知坐标系“{text}”;请使用 wgs84 或 gcj02")
        case .hoursEmpty:
            ("opening hours are empty; write e.g. \"Mo-Fr 08:00-20:00; Su off\" or \"24/7\"",
             "营业时间为空;请写成例如“Mo-Fr 08:00-20:00; Su off”或“24/7”")
        case .hoursUnexpected:
            ("opening hours \"{text}\": unexpected \"{token}\" at position {position}",
             "营业时间“{text}”:第 {position} 个字符处的“{token}”无法识别")
        case .hoursIncomplete:
            ("opening hours \"{text}\": something is missing after \"{token}\" at position {position}",
             "营业时间“{text}”:第 {position} 个字符处的“{token}”后面缺少内容")
        case .hoursUnsupported:
            ("opening hours \"{text}\": \"{token}\" at position {position} is not supported; "
                + "use only weekdays (Mo-Su) and times, e.g. \"Mo-Fr 08:00-20:00; Su off\"",
             "营业时间“{text}”:不支持第 {position} 个字符处的“{token}”;"
                + "只能使用星期(Mo-Su)和时间,例如“Mo-Fr 08:00-20:00; Su off”")
        case .hoursHourInvalid:
            ("opening hours \"{text}\": the hour of \"{token}\" at position {position} is above 24",
             "营业时间“{text}”:第 {position} 个字符处的“{token}”小时数大于 24")
        case .hoursMinuteInvalid:
            ("opening hours \"{text}\": the minute of \"{token}\" at position {position} is above 59",
             "营业时间“{text}”:第 {position} 个字符处的“{token}”分钟数大于 59")
        case .hoursMidnightEnd:
            ("opening hours \"{text}\": \"{token}\" at position {position} is past the end of the day; "
                + "24:00 is the latest time and only ends a range",
             "营业时间“{text}”:第 {position} 个字符处的“{token}”超出当天;24:00 是最晚时间,只能作为结束时间")
        case .hoursEmptyRange:
            ("opening hours \"{text}\": \"{token}\" at position {position} starts and ends at the same time",
             "营业时间“{text}”:第 {position} 个字符处的“{token}”开始和结束时间相同")
        }
    }
}
