import TuanjuCore

// Messages of the warm-heart map (ServiceMap): opening hours, service points, imports, in English and Simplified
// Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum MapMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Opening hours ({position} is the 1-based character position in {text})
    case hoursEmpty, hoursUnexpected, hoursIncomplete, hoursUnsupported, hoursHourInvalid, hoursMinuteInvalid
    case hoursMidnightEnd, hoursEmptyRange

    // MARK: - Errors
    case pointNotFound, pointInactive, kindUnknown, amenityUnknown, withinInvalid, importRejected, fieldKind
    case fieldPointName, fieldAddress, fieldExternalID, fieldContact, externalIDRequired, externalIDRepeated
    case latitudeMissing, longitudeMissing, geojsonUnreadable, geojsonNotCollection, geojsonNoFeatures
    case geojsonNotFeature, geojsonNoGeometry, geojsonNotPoint, geojsonNoCoordinates

    public var texts: (en: String, zh: String) {
        switch self {
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
        case .pointNotFound: ("no service point {id}", "没有编号为 {id} 的服务点")
        case .pointInactive: ("service point {id} has been removed", "服务点 {id} 已下线")
        case .kindUnknown: ("unknown kind \"{kind}\" (known: {known})", "未知的服务点类型“{kind}”(可选:{known})")
        case .amenityUnknown: ("unknown amenity \"{value}\" (known: {known})", "未知的便民设施“{value}”(可选:{known})")
        case .withinInvalid: ("--within must be a positive number of metres, not {value}", "--within 必须是正数(米),而不是 {value}")
        case .importRejected: ("nothing imported: {count} bad item(s); first: {first}", "未导入任何数据:{count} 条有误;第一条:{first}")
        case .fieldKind: ("kind", "类型")
        case .fieldPointName: ("name", "名称")
        case .fieldAddress: ("address", "地址")
        case .fieldExternalID: ("external id", "外部编号")
        case .fieldContact: ("contact", "联系方式")
        case .externalIDRequired: ("external_id is required, so that importing again updates instead of duplicating", "缺少 external_id(外部编号):有了它,再次导入时才会更新而不是重复添加")
        case .externalIDRepeated: ("external id {id} already appears at {place} of this file", "外部编号 {id} 已在本文件的{place}出现过")
        case .latitudeMissing: ("latitude is missing", "缺少纬度")
        case .longitudeMissing: ("longitude is missing", "缺少经度")
        case .geojsonUnreadable: ("{path} is not valid JSON: {reason}", "{path} 不是有效的 JSON:{reason}")
        case .geojsonNotCollection: ("{path} is not a GeoJSON FeatureCollection", "{path} 不是 GeoJSON FeatureCollection")
        case .geojsonNoFeatures: ("{path} has no \"features\" array", "{path} 缺少 \"features\" 数组")
        case .geojsonNotFeature: ("not a GeoJSON Feature", "不是 GeoJSON Feature")
        case .geojsonNoGeometry: ("the feature has no geometry", "该要素没有几何信息")
        case .geojsonNotPoint: ("the geometry is a {type}, not a Point", "几何类型是 {type},不是 Point")
        case .geojsonNoCoordinates: ("the Point has no [longitude, latitude] coordinates", "该 Point 缺少 [经度, 纬度] 坐标")
        }
    }
}
