import TuanjuCore

// Messages of the points ledger, rewards and redemptions (Points), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum PointsMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case insufficientPoints, keyConflict, budgetExhausted, rewardNotFound, rewardInactive, outOfStock
    case redemptionNotFound, redemptionNotPending, batchRunning, pointsAmountInvalid, costInvalid, stockInvalid
    case quantityInvalid, adjustAmountInvalid, ledgerLimit, ledgerDamaged

    public var texts: (en: String, zh: String) {
        switch self {
        case .insufficientPoints: ("not enough points: {available} available, {needed} needed", "积分不足:可用 {available},需要 {needed}")
        case .keyConflict: ("the transfer {key} was already made with a different amount or accounts", "转账 {key} 已以不同的金额或账户执行过")
        case .budgetExhausted: ("the points budget of {cap} is used up", "积分预算 {cap} 已用完")
        case .rewardNotFound: ("no reward {id}", "没有编号为 {id} 的奖品")
        case .rewardInactive: ("reward {id} is not offered now", "奖品 {id} 暂不可兑换")
        case .outOfStock: ("reward {id} is out of stock", "奖品 {id} 已无库存")
        case .redemptionNotFound: ("no redemption request {id}", "没有编号为 {id} 的兑换申请")
        case .redemptionNotPending: ("redemption request {id} is no longer pending", "兑换申请 {id} 已不在待处理状态")
        case .batchRunning: ("batch {id} is still running; run `tuanju redemptions run` to finish it", "批次 {id} 仍在处理中;运行 `tuanju redemptions run` 完成它")
        case .pointsAmountInvalid: ("points {value} must be a whole number from 1 to {max}", "积分 {value} 必须是 1 到 {max} 之间的整数")
        case .costInvalid: ("cost {value} must be from 1 to 1,000,000 points", "所需积分 {value} 必须在 1 到 1000000 之间")
        case .stockInvalid: ("stock {value} must be from 0 to 10,000,000", "库存 {value} 必须在 0 到 10000000 之间")
        case .quantityInvalid: ("quantity {value} must be from 1 to 100", "数量 {value} 必须在 1 到 100 之间")
        case .adjustAmountInvalid: ("adjustment {value} must be a whole number from -{max} to {max}, not 0", "调整积分 {value} 必须是 -{max} 到 {max} 之间的非零整数")
        case .ledgerLimit: ("refused: account {account} would pass the ledger's limit of 10^15 points", "已拒绝:账户 {account} 将超出账本上限(10^15 积分)")
        case .ledgerDamaged: ("the ledger is damaged at account {account} (a balance that is not a whole number within its bounds); run `tuanju points verify`", "账本在账户 {account} 处已损坏(余额不是范围内的整数);请运行 `tuanju points verify`")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: PointsMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: PointsMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
