import TuanjuCore

// Messages of the data directory and the schema version (Storage), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum StorageMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case notInitialized, dataDirUnusable, reasonIsFile, reasonCannotCreate, reasonNotWritable, schemaTooNew

    public var texts: (en: String, zh: String) {
        switch self {
        case .notInitialized: ("no Tuanju data in {path}; run `tuanju init` first", "{path} 中没有团聚数据;请先运行 `tuanju init`")
        case .dataDirUnusable: ("cannot use {path} as the data directory: {reason}", "无法将 {path} 用作数据目录:{reason}")
        case .reasonIsFile: ("it is a file, not a directory", "它是文件而不是目录")
        case .reasonCannotCreate: ("it cannot be created", "无法创建")
        case .reasonNotWritable: ("it is not writable", "不可写")
        case .schemaTooNew: ("{path} was written by a newer version of tuanju; upgrade tuanju instead of downgrading the data", "{path} 由更新版本的 tuanju 写入;请升级 tuanju,不要降级数据")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: StorageMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: StorageMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
