// Messages of paged lists: the cursor options and the "next page" line. English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum PageMsg: String, CaseIterable, CatalogMessage {
    case afterUnknown, optAfter, optAll, optPageLimit, nextPage

    public var texts: (en: String, zh: String) {
        switch self {
        case .afterUnknown:
            ("after={id} names no row of this list; give the id of the last row of the previous page",
             "after={id} 不是本列表中的任何一行;请给出上一页最后一行的编号")
        case .optAfter: ("Start after the row with this id (the `next` of the previous page).", "从该编号的下一行开始(即上一页给出的 next)。")
        case .optAll: ("Every row, streamed page by page (JSON Lines with --json).", "逐页输出全部行(加 --json 时为每行一个 JSON 对象)。")
        case .optPageLimit: ("At most this many rows (1–1000, default 200).", "最多列出多少行(1–1000,默认 200)。")
        case .nextPage: ("next page: --after {id}", "下一页:--after {id}")
        }
    }
}
