// Messages of the questionnaires, activities, lessons (Engagement), in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum EngageMsg: String, CaseIterable, CatalogMessage {
    case catalogueName

    public var texts: (en: String, zh: String) {
        switch self {
        case .catalogueName: ("questionnaires, activities, lessons (Engagement)", "Engage 消息目录")
        }
    }
}
