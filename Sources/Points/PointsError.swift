import TuanjuCore

/// Refusals of the points rules.
public enum PointsError: TuanjuError, Equatable {
    case insufficientPoints(available: Int, needed: Int)
    case keyConflict(key: String)
    case budgetExhausted(cap: Int)
    case rewardNotFound(id: String)
    case rewardInactive(id: String)
    case outOfStock(id: String)
    case redemptionNotFound(id: String)
    case redemptionNotPending(id: String)
    case batchRunning(id: String)
    case riderNotFound(id: String)
    /// A transfer would take an account past the ledger's bounds (LedgerLimits.balanceMax): refused, never wrapped.
    case ledgerLimit(account: String)
    /// A stored amount or balance is not a whole number within the bounds: written behind the app's back.
    case ledgerDamaged(account: String)

    public var code: String {
        switch self {
        case .insufficientPoints: "insufficient_points"
        case .keyConflict: "idempotency_conflict"
        case .budgetExhausted: "budget_exhausted"
        case .rewardNotFound, .redemptionNotFound, .riderNotFound: "not_found"
        case .rewardInactive, .redemptionNotPending, .batchRunning: "invalid_state"
        case .outOfStock: "out_of_stock"
        case .ledgerLimit: "ledger_limit"
        case .ledgerDamaged: "ledger_damaged"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .insufficientPoints(let available, let needed):
            LocalizedText(.insufficientPoints, ["available": "\(available)", "needed": "\(needed)"])
        case .keyConflict(let key): LocalizedText(.keyConflict, ["key": key])
        case .budgetExhausted(let cap): LocalizedText(.budgetExhausted, ["cap": "\(cap)"])
        case .rewardNotFound(let id): LocalizedText(.rewardNotFound, ["id": id])
        case .rewardInactive(let id): LocalizedText(.rewardInactive, ["id": id])
        case .outOfStock(let id): LocalizedText(.outOfStock, ["id": id])
        case .redemptionNotFound(let id): LocalizedText(.redemptionNotFound, ["id": id])
        case .redemptionNotPending(let id): LocalizedText(.redemptionNotPending, ["id": id])
        case .batchRunning(let id): LocalizedText(.batchRunning, ["id": id])
        case .riderNotFound(let id): LocalizedText(.riderNotFound, ["id": id])
        case .ledgerLimit(let account): LocalizedText(.ledgerLimit, ["account": account])
        case .ledgerDamaged(let account): LocalizedText(.ledgerDamaged, ["account": account])
        }
    }

    public var category: ErrorCategory { .refused }
}
