import TuanjuCore

// Messages of paged lists on the command line: the cursor options and the "next page" line, in English and
// Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum PageCLIMsg: String, CaseIterable, CatalogMessage {
    case optAfter, optAll, optPageLimit, nextPage

    public var texts: (en: String, zh: String) {
        switch self {
        case .optAfter: ("Start after the row with this id (the `next` of the previous page).", "从该编号的下一行开始(即上一页给出的 next)。")
        case .optAll: ("Every row, streamed page by page (JSON Lines with --json).", "逐页输出全部行(加 --json 时为每行一个 JSON 对象)。")
        case .optPageLimit: ("At most this many rows (1–1000, default 200).", "最多列出多少行(1–1000,默认 200)。")
        case .nextPage: ("next page: --after {id}", "下一页:--after {id}")
        }
    }
}
