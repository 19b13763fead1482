import TuanjuCore

// Messages of users, tokens and refusals of access (Identity), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum IdentityMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case userNotFound, userAlreadyRevoked, lastAdmin, missingToken, unknownToken, forbidden, notYours

    public var texts: (en: String, zh: String) {
        switch self {
        case .userNotFound: ("no user {id}", "没有编号为 {id} 的用户")
        case .userAlreadyRevoked: ("user {id} is already revoked", "用户 {id} 已被吊销")
        case .lastAdmin: ("the last active admin cannot be revoked", "不能吊销最后一位有效的管理员")
        case .missingToken: ("this command needs a token: pass --token or set TUANJU_TOKEN", "此命令需要令牌:请用 --token 或设置 TUANJU_TOKEN")
        case .unknownToken: ("the token is unknown or has been revoked", "令牌无效或已被吊销")
        case .forbidden: ("your role may not {action}", "您的角色无权{action}")
        case .notYours: ("that {what} is not yours", "该{what}不属于您")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: IdentityMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: IdentityMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
