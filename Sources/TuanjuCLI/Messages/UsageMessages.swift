import TuanjuCore

// Messages of the command line's own usage checks (before ArgumentParser sees the words), in English and
// Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum UsageMsg: String, CaseIterable, CatalogMessage {
    case langUnknown, commandUnknown, commandSuggest

    public var texts: (en: String, zh: String) {
        switch self {
        case .langUnknown: ("--lang must be zh or en, not \"{value}\"", "--lang 只能是 zh 或 en,不能是“{value}”")
        case .commandUnknown: ("'{word}' is not a command of '{path}'; see '{path} --help'", "“{word}”不是“{path}”的子命令;请查看“{path} --help”")
        case .commandSuggest:
            ("'{word}' is not a command of '{path}'; did you mean '{suggestion}'?", "“{word}”不是“{path}”的子命令;您是不是想输入“{suggestion}”?")
        }
    }
}
