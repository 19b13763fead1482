// Messages of the warm-heart map (ServiceMap), GCJ-02, opening hours, in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum MapMsg: String, CaseIterable, CatalogMessage {
    case catalogueName

    public var texts: (en: String, zh: String) {
        switch self {
        case .catalogueName: ("warm-heart map (ServiceMap), GCJ-02, opening hours", "Map 消息目录")
        }
    }
}
