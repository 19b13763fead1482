import TuanjuCore

// Messages of rider profiles and the rider import (Riders), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum RiderMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: input
    case fieldBranch, phoneInvalid, phoneNotMainland, platformUnknown, partyMemberInvalid, importRejected

    // MARK: - Errors: rules
    case phoneTaken, riderAlreadyActive, riderErased

    public var texts: (en: String, zh: String) {
        switch self {
        case .fieldBranch: ("branch", "党支部")
        case .phoneInvalid: ("\"{text}\" is not a mainland mobile number (11 digits starting 13–19)", "“{text}”不是有效的大陆手机号(以 13–19 开头的 11 位数字)")
        case .phoneNotMainland: ("\"{text}\" is not a mainland mobile number (+86 and 11 digits)", "“{text}”不是大陆手机号(+86 加 11 位数字)")
        case .platformUnknown: ("unknown platform \"{text}\"; use meituan, eleme or other", "未知平台“{text}”,请使用 meituan、eleme 或 other")
        case .partyMemberInvalid: ("party_member \"{text}\" is not one of true/false, yes/no, 1/0, 是/否", "party_member“{text}”无效,应为 true/false、yes/no、1/0 或 是/否")
        case .importRejected: ("{bad} bad row(s) and --strict given, so nothing was imported (first: {first})", "有 {bad} 行错误且指定了 --strict,未导入任何数据(第一处:{first})")
        case .phoneTaken: ("another rider already has the phone {phone}", "手机号 {phone} 已被其他骑手使用")
        case .riderAlreadyActive: ("rider {id} is already active", "骑手 {id} 已是启用状态")
        case .riderErased: ("rider {id} has been erased; the profile can no longer change", "骑手 {id} 已注销,资料不能再修改")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: RiderMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: RiderMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
