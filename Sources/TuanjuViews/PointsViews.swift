import Points
import TuanjuService

/// `points balance --json` (CLI.md: rider_id, balance, held, available).
public struct BalanceJSON: Encodable, Sendable {
    public let rider_id: String
    public let balance: Int
    public let held: Int
    public let available: Int

    public init(_ balance: Balance) {
        rider_id = balance.riderId
        self.balance = balance.balance
        held = balance.held
        available = balance.available
    }
}

/// One transfer of `points history --json`.
public struct TransferJSON: Encodable, Sendable {
    public let seq: Int64
    public let key: String
    public let from: String
    public let to: String
    public let amount: Int
    public let kind: String
    public let reason: String
    public let created_at: String

    public init(_ transfer: Transfer) {
        seq = transfer.seq
        key = transfer.key
        from = transfer.fromAccount
        to = transfer.toAccount
        amount = transfer.amount
        kind = transfer.kind.rawValue
        reason = transfer.reason
        created_at = transfer.createdAt
    }
}

/// `points verify --json`.
public struct LedgerCheckJSON: Encodable, Sendable {
    public let ok: Bool
    public let problems: [String]

    public init(problems: [String]) {
        ok = problems.isEmpty
        self.problems = problems
    }
}

/// A reward of `rewards list/add/update --json`.
public struct RewardJSON: Encodable, Sendable {
    public let id: String
    public let name: String
    public let name_zh: String
    public let cost: Int
    public let stock: Int
    public let active: Bool

    public init(_ reward: Reward) {
        id = reward.id
        name = reward.name
        name_zh = reward.nameZh
        cost = reward.cost
        stock = reward.stock
        active = reward.active
    }
}

/// `rewards redeem --json` (CLI.md: request_id, status: pending, held).
public struct RedeemJSON: Encodable, Sendable {
    public let request_id: String
    public let status: String
    public let held: Int
    public let reward_id: String
    public let quantity: Int

    public init(_ redemption: Redemption) {
        request_id = redemption.id
        status = redemption.state.rawValue
        held = redemption.points
        reward_id = redemption.rewardId
        quantity = redemption.quantity
    }
}

/// A redemption request of `redemptions list/cancel --json`.
public struct RedemptionJSON: Encodable, Sendable {
    public let request_id: String
    public let rider_id: String
    public let reward_id: String
    public let quantity: Int
    public let points: Int
    public let status: String
    public let batch_id: String?
    public let reason: String?
    public let requested_at: String
    public let resolved_at: String?

    public init(_ redemption: Redemption) {
        request_id = redemption.id
        rider_id = redemption.riderId
        reward_id = redemption.rewardId
        quantity = redemption.quantity
        points = redemption.points
        status = redemption.state.rawValue
        batch_id = redemption.batchId
        reason = redemption.reason
        requested_at = redemption.requestedAt
        resolved_at = redemption.resolvedAt
    }
}

/// `redemptions run --json` (CLI.md: batch_id, fulfilled, rejected, report).
public struct BatchJSON: Encodable, Sendable {
    public let batch_id: String?
    public let requests: Int
    public let fulfilled: Int
    public let rejected: Int
    public let report: String?
    public let resumed: Bool
    public let expired: Int
    public let dry_run: Bool

    public init(_ summary: BatchSummary) {
        batch_id = summary.batchId
        requests = summary.requests
        fulfilled = summary.fulfilled
        rejected = summary.rejected
        report = summary.report
        resumed = summary.resumed
        expired = summary.expired
        dry_run = summary.dryRun
    }
}
