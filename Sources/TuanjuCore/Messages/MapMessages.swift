// Messages of the warm-heart map (ServiceMap), GCJ-02 input and opening hours, in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum MapMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Coordinates
    case coordinateSystemUnknown

    // MARK: - Opening hours ({position} is the 1-based character position in {text})
    case hoursEmpty, hoursUnexpected, hoursIncomplete, hoursUnsupported
    case hoursHourInvalid, hoursMinuteInvalid, hoursMidnightEnd, hoursEmptyRange

    // MARK: - Errors
    case pointNotFound, pointInactive, kindUnknown, amenityUnknown, withinInvalid, importRejected
    case fieldKind, fieldPointName, fieldAddress, fieldExternalID, fieldContact
    case externalIDRequired, externalIDRepeated, latitudeMissing, longitudeMissing
    case geojsonUnreadable, geojsonNotCollection, geojsonNoFeatures, geojsonNotFeature, geojsonNoGeometry
    case geojsonNotPoint, geojsonNoCoordinates, formatUnknown, sinceInvalid
    // MARK: - CLI
    case mapAbstract, nearestAbstract, nearestDiscussion, addAbstract, updateAbstract, removeAbstract, showAbstract
    case importAbstract, importDiscussion, exportAbstract, demandAbstract, demandDiscussion, kindsAbstract
    case optLat, optLon, optCRS, optKind, optLimit, optWithin, optOpenNow, optAt, optName, optAddress, optHours
    case optAmenities, optContact, optExternalID, argPointID, argMapFile, optFormat, optOutput, optSince, optClearHours
    case colDistance, colKind, colOpen, colAddress, colCell, colQueries, colNearest, colHours, colAmenities
    case nearestNone, pointAdded, pointUpdated, pointRemoved, exportDone
    case openNow, closedNow, hoursUnknown, actionManageMap, actionViewDemand
    case demoMap, demoMapPhone, demoMapResult, demoMapPrivacy, demoMapDemand

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
        case .formatUnknown: ("unknown format \"{value}\" (use {known})", "未知格式“{value}”(可选:{known})")
        case .sinceInvalid: ("--since must be a date like 2026-11-01, not {value}", "--since 必须是形如 2026-11-01 的日期,而不是 {value}")
        case .mapAbstract: ("The warm-heart map: rest stations, convenience boxes, discounted meals.", "暖心地图:暖心微驿站、便民箱、暖心便利餐。")
        case .nearestAbstract: ("Find the nearest service points (no token needed).", "查找最近的服务点(无需令牌)。")
        case .nearestDiscussion: ("Distances are great-circle metres from the position given. Only a count per ~250 m cell and day is kept of a search, never the position.", "距离为到所给位置的大圆距离(米)。每次查询只按约 250 米网格和日期计数,从不保存位置本身。")
        case .addAbstract: ("Add a service point (coordinator).", "新增服务点(协调员)。")
        case .updateAbstract: ("Change a service point (coordinator).", "修改服务点(协调员)。")
        case .removeAbstract: ("Take a service point off the map (coordinator); its history stays.", "下线服务点(协调员);历史记录保留。")
        case .showAbstract: ("Show one service point.", "查看一个服务点。")
        case .importAbstract: ("Import points from CSV or GeoJSON, upserting by external id (coordinator).", "从 CSV 或 GeoJSON 导入服务点,按外部编号新增或更新(协调员)。")
        case .importDiscussion: ("CSV header: external_id,kind,name,address,lat,lon,opening_hours,amenities,contact (address and the last three optional). GeoJSON: a FeatureCollection of Points with those properties. Bad rows are listed and skipped (exit 65); --strict imports nothing if any row is bad.", "CSV 表头:external_id,kind,name,address,lat,lon,opening_hours,amenities,contact(address 和最后三列可省略)。GeoJSON:由 Point 要素组成的 FeatureCollection,属性同上。有误的行会列出并跳过(退出码 65);加 --strict 时只要有一行有误就不导入任何数据。")
        case .exportAbstract: ("Export the active points as GeoJSON or CSV (WGS-84).", "以 GeoJSON 或 CSV 导出在线服务点(WGS-84)。")
        case .demandAbstract: ("Where riders search most, and how far the nearest point is (coordinator).", "骑手查询最多的网格及其到最近服务点的距离(协调员)。")
        case .demandDiscussion: ("Counts are per ~250 m cell and day; no search position is ever stored.", "按约 250 米网格和日期计数;从不保存查询位置。")
        case .kindsAbstract: ("List the kinds of service point.", "列出服务点类型。")
        case .optLat: ("Latitude in decimal degrees.", "纬度(十进制度)。")
        case .optLon: ("Longitude in decimal degrees.", "经度(十进制度)。")
        case .optCRS: ("Coordinate system of the input: wgs84 (GPS) or gcj02 (Amap, Tencent, WeChat).", "输入坐标系:wgs84(GPS)或 gcj02(高德、腾讯、微信)。")
        case .optKind: ("Only this kind (station, box, meal, ...).", "只查此类型(station、box、meal 等)。")
        case .optLimit: ("How many points (1–100).", "返回数量(1–100)。")
        case .optWithin: ("Only points at most this many metres away.", "只返回此距离(米)以内的服务点。")
        case .optOpenNow: ("Only points open now (Asia/Shanghai).", "只返回当前营业的服务点(北京时间)。")
        case .optAt: ("Evaluate opening hours at this instant instead of now (ISO-8601).", "按此时刻(ISO-8601)而非当前时间判断营业。")
        case .optName: ("Name.", "名称。")
        case .optAddress: ("Street address.", "地址。")
        case .optHours: ("Opening hours, e.g. \"Mo-Fr 08:00-20:00; Sa,Su 10:00-18:00\" or \"24/7\".", "营业时间,例如 \"Mo-Fr 08:00-20:00; Sa,Su 10:00-18:00\" 或 \"24/7\"。")
        case .optAmenities: ("Amenities, comma-separated (water, charging, toilet, microwave, first_aid, umbrella, ...).", "便民设施,逗号分隔(water、charging、toilet、microwave、first_aid、umbrella 等)。")
        case .optContact: ("Contact (a phone number or a name).", "联系方式(电话或联系人)。")
        case .optExternalID: ("Your own id for the point, used by imports to update it.", "服务点的外部编号,导入时据此更新。")
        case .argPointID: ("The service point's id.", "服务点编号。")
        case .argMapFile: ("A .csv or .geojson file.", ".csv 或 .geojson 文件。")
        case .optFormat: ("Output format.", "输出格式。")
        case .optOutput: ("Write to this file instead of standard output.", "写入此文件而不是标准输出。")
        case .optSince: ("Only from this day on (YYYY-MM-DD, Asia/Shanghai).", "只统计此日期(YYYY-MM-DD,北京时间)起的数据。")
        case .optClearHours: ("Forget the opening hours (unknown).", "清除营业时间(改为未知)。")
        case .colDistance: ("DISTANCE", "距离")
        case .colKind: ("KIND", "类型")
        case .colOpen: ("OPEN", "营业")
        case .colAddress: ("ADDRESS", "地址")
        case .colCell: ("CELL CENTRE", "网格中心")
        case .colQueries: ("SEARCHES", "查询次数")
        case .colNearest: ("NEAREST POINT", "最近服务点")
        case .colHours: ("HOURS", "营业时间")
        case .colAmenities: ("AMENITIES", "便民设施")
        case .nearestNone: ("No service point matches.", "没有符合条件的服务点。")
        case .pointAdded: ("Added service point {id}.", "已新增服务点 {id}。")
        case .pointUpdated: ("Updated service point {id}.", "已更新服务点 {id}。")
        case .pointRemoved: ("Removed service point {id} from the map.", "已下线服务点 {id}。")
        case .exportDone: ("{count} points written to {path}.", "已将 {count} 个服务点写入 {path}。")
        case .openNow: ("open", "营业中")
        case .closedNow: ("closed", "已打烊")
        case .hoursUnknown: ("unknown", "未知")
        case .actionManageMap: ("change the map", "修改地图")
        case .actionViewDemand: ("see search demand", "查看查询热度")
        case .demoMap: ("The warm-heart map (暖心地图): 李骑手 looks for the nearest open rest station", "暖心地图:李骑手查找最近的营业中暖心微驿站")
        case .demoMapPhone: ("The phone's map app reports {lat},{lon} in GCJ-02 ({shift} m off true WGS-84); Tuanju converts it back.", "手机地图给出 GCJ-02 坐标 {lat},{lon}(与真实 WGS-84 位置相差 {shift} 米);团聚将其换算回 WGS-84。")
        case .demoMapResult: ("{name}: {distance}, open now ({hours})", "{name}:{distance},营业中({hours})")
        case .demoMapPrivacy: ("Kept of this search: one count for its ~250 m cell today. Never the position.", "这次查询只留下:今天所在约 250 米网格的一次计数。不保存位置。")
        case .demoMapDemand: ("The coordinator's demand view: cell around {lat},{lon}, {count} search(es).", "协调员看到的查询热度:{lat},{lon} 附近网格,{count} 次查询。")
        }
    }
}
