import TuanjuCore

// Messages of governance roles, postings and claims (Governance), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum GovernanceMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: the roles seed file
    case seedDuplicate, seedNoCategories, seedNegativePoints

    // MARK: - Errors: postings and claims
    case roleNotFound, taskNotFound, taskFull, alreadyClaimed, notClaimed, taskClosed, taskNotStarted, taskEnded
    case tooManyClaims, capacityBelowClaimed, fieldTitle, fieldDescription, radiusInvalid, capacityInvalid
    case endsBeforeStarts

    public var texts: (en: String, zh: String) {
        switch self {
        case .seedDuplicate: ("{source}: code {code} appears twice", "{source}:编码 {code} 重复出现")
        case .seedNoCategories: ("{source}: role {code} has no categories", "{source}:角色 {code} 没有上报类别")
        case .seedNegativePoints: ("{source}: category {code} has negative points", "{source}:类别 {code} 的积分为负数")
        case .roleNotFound: ("no governance role {code}; see `tuanju roles list`", "没有治理项目 {code};请查看 `tuanju roles list`")
        case .taskNotFound: ("no posting {id}", "没有编号为 {id} 的项目发布")
        case .taskFull: ("posting {id} is full", "项目 {id} 名额已满")
        case .alreadyClaimed: ("you already hold a seat on {id}", "您已认领 {id}")
        case .notClaimed: ("no active claim on {id} to end", "在 {id} 上没有可结束的认领")
        case .taskClosed: ("posting {id} is closed", "项目 {id} 已关闭")
        case .taskNotStarted: ("posting {id} opens at {at}", "项目 {id} 将于 {at} 开放")
        case .taskEnded: ("posting {id} has ended", "项目 {id} 已结束")
        case .tooManyClaims: ("you already hold {limit} claims, the most allowed; release one first", "您已认领 {limit} 个项目,已达上限;请先退出一个")
        case .capacityBelowClaimed: ("capacity cannot go below the {claimed} seats already claimed", "名额不能少于已认领的 {claimed} 个")
        case .fieldTitle: ("title", "标题")
        case .fieldDescription: ("description", "说明")
        case .radiusInvalid: ("radius {value} m must be more than 0 and at most 50,000", "半径 {value} 米必须大于 0 且不超过 50000")
        case .capacityInvalid: ("capacity {value} must be from 1 to 100,000", "名额 {value} 必须在 1 到 100000 之间")
        case .endsBeforeStarts: ("the end must come after the start", "结束时间必须晚于开始时间")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: GovernanceMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: GovernanceMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
