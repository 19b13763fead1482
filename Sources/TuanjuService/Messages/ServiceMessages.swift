import TuanjuCore

// Texts of the service layer's own rules (event subscriptions). English and Simplified Chinese;
// `{name}` marks an argument; the catalogue test checks both languages and the arguments.

public enum ServiceMsg: String, CaseIterable, CatalogMessage {
    case eventUnknown, eventSuggest

    public var texts: (en: String, zh: String) {
        switch self {
        case .eventUnknown:
            ("\"{event}\" is not an event type; `tuanju webhooks events` lists them",
             "“{event}”不是事件类型;用 `tuanju webhooks events` 查看全部类型")
        case .eventSuggest:
            ("\"{event}\" is not an event type; did you mean \"{suggestion}\"?",
             "“{event}”不是事件类型;您是想输入“{suggestion}”吗?")
        }
    }
}
