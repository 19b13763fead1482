// Messages of paged lists every list query shares: a cursor that names no row. English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum PageMsg: String, CaseIterable, CatalogMessage {
    case afterUnknown

    public var texts: (en: String, zh: String) {
        switch self {
        case .afterUnknown:
            ("after={id} names no row of this list; give the id of the last row of the previous page",
             "after={id} 不是本列表中的任何一行;请给出上一页最后一行的编号")
        }
    }
}
