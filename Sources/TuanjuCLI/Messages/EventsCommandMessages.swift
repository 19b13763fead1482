import TuanjuCore

// Texts of `tuanju webhooks events`. English and Simplified Chinese; `{name}` marks an argument.

public enum EventsCommandMsg: String, CaseIterable, CatalogMessage {
    case abstract, discussion, optMarkdown, colType, colSummary, count

    public var texts: (en: String, zh: String) {
        switch self {
        case .abstract: ("List the event types webhooks deliver, with the schema of each payload.", "列出 webhook 推送的全部事件类型及其数据结构。")
        case .discussion:
            ("Needs no token and no data directory. --json prints each type with its JSON Schema and an example payload; --markdown prints docs/events.md.",
             "无需令牌和数据目录。--json 输出每种类型的 JSON Schema 和示例数据;--markdown 输出 docs/events.md 的内容。")
        case .optMarkdown: ("Print the reference as Markdown (the text of docs/events.md).", "以 Markdown 输出(即 docs/events.md 的内容)。")
        case .colType: ("TYPE", "类型")
        case .colSummary: ("WHAT HAPPENED", "含义")
        case .count: ("{count} event types", "共 {count} 种事件")
        }
    }
}
