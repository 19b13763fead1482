// Messages of the photo reports (Reports, PhotoStore), in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum ReportMsg: String, CaseIterable, CatalogMessage {
    case catalogueName

    public var texts: (en: String, zh: String) {
        switch self {
        case .catalogueName: ("photo reports (Reports, PhotoStore)", "Report 消息目录")
        }
    }
}
