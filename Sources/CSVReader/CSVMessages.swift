import TuanjuCore

// Messages of CSV files and of every CSV import's header and rows (Riders, ServiceMap), in English and
// Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum CSVMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case csvInvalidUTF8, csvTooLong, csvUnterminated, csvStrayQuote, importFieldCount, importEmptyFile
    case importHeaderUnreadable, importHeaderMissing, importHeaderUnknown

    public var texts: (en: String, zh: String) {
        switch self {
        case .csvInvalidUTF8: ("field {field} is not valid UTF-8", "第 {field} 个字段不是有效的 UTF-8 文本")
        case .csvTooLong: ("record is longer than {limit} bytes", "该行超过 {limit} 字节")
        case .csvUnterminated: ("a quoted field is not closed before the end of the file", "引号字段直到文件结尾都未闭合")
        case .csvStrayQuote: ("field {field} has a quote character in the wrong place", "第 {field} 个字段中的引号位置不正确")
        case .importFieldCount: ("expected {expected} fields, found {found}", "应有 {expected} 个字段,实际 {found} 个")
        case .importEmptyFile: ("{path} is empty; expected a header row: {header}", "{path} 是空文件;第一行应为表头:{header}")
        case .importHeaderUnreadable: ("line {line}: the header row cannot be read: {reason}", "第 {line} 行:无法读取表头:{reason}")
        case .importHeaderMissing: ("line {line}: the header has no \"{column}\" column; expected {header}", "第 {line} 行:表头缺少“{column}”列;应为 {header}")
        case .importHeaderUnknown: ("line {line}: unknown column \"{column}\"; expected {header}", "第 {line} 行:未知列“{column}”;应为 {header}")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: CSVMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: CSVMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
