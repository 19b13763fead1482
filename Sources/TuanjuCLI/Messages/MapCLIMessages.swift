import TuanjuCore

// Messages of `tuanju map` (help, columns, result lines, the demo's map scene), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum MapCLIMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case formatUnknown

    // MARK: - CLI
    case mapAbstract, nearestAbstract, nearestDiscussion, addAbstract, updateAbstract, removeAbstract, showAbstract
    case importAbstract, importDiscussion, exportAbstract, demandAbstract, demandDiscussion, kindsAbstract, optLat
    case optLon, optCRS, optKind, optLimit, optWithin, optOpenNow, optAt, optName, optAddress, optHours
    case optAmenities, optContact, optExternalID, argPointID, argMapFile, optFormat, optOutput, optSince
    case optClearHours, colDistance, colKind, colOpen, colAddress, colCell, colQueries, colNearest, colHours
    case colAmenities, nearestNone, pointAdded, pointUpdated, pointRemoved, exportDone, openNow, closedNow
    case hoursUnknown, demoMap, demoMapPhone, demoMapResult, demoMapPrivacy, demoMapDemand

    public var texts: (en: String, zh: String) {
        switch self {
        case .formatUnknown: ("unknown format \"{value}\" (use {known})", "未知格式“{value}”(可选:{known})")
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
        case .demoMap: ("The warm-heart map (暖心地图): 李骑手 looks for the nearest open rest station", "暖心地图:李骑手查找最近的营业中暖心微驿站")
        case .demoMapPhone: ("The phone's map app reports {lat},{lon} in GCJ-02 ({shift} m off true WGS-84); Tuanju converts it back.", "手机地图给出 GCJ-02 坐标 {lat},{lon}(与真实 WGS-84 位置相差 {shift} 米);团聚将其换算回 WGS-84。")
        case .demoMapResult: ("{name}: {distance}, open now ({hours})", "{name}:{distance},营业中({hours})")
        case .demoMapPrivacy: ("Kept of this search: one count for its ~250 m cell today. Never the position.", "这次查询只留下:今天所在约 250 米网格的一次计数。不保存位置。")
        case .demoMapDemand: ("The coordinator's demand view: cell around {lat},{lon}, {count} search(es).", "协调员看到的查询热度:{lat},{lon} 附近网格,{count} 次查询。")
        }
    }
}
