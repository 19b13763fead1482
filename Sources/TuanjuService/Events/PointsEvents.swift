import Points

struct PointsEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case riderId = "rider_id", amount, key, reason, by
    }

    let riderId: String
    let amount: Int
    let key: String
    let reason: String
    /// Nil when the rule paid by itself (a completed lesson).
    let by: String?

    var auditTarget: String? { riderId }
    static let examples = [
        PointsEvent(riderId: "rdr_01J9Z3M2A7", amount: 30, key: "award:report:rpt_01J9Z3S7F1", reason: "report rpt_01J9Z3S7F1 accepted", by: "usr_01J9Z3K8Q4"),
        PointsEvent(riderId: "rdr_01J9Z3M2B8", amount: -10, key: "adjust:adj_01J9Z3T8G1", reason: "重复发放更正", by: nil),
    ]
}

struct RewardEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case rewardId = "reward_id", name, nameZh = "name_zh", cost, stock, active, by
    }

    let rewardId: String
    let name: String
    let nameZh: String
    let cost: Int
    let stock: Int
    let active: Bool
    let by: String

    var auditTarget: String? { rewardId }
    static let examples = [
        RewardEvent(rewardId: "rwd_01J9Z3U9H1", name: "Rain poncho", nameZh: "雨衣", cost: 120, stock: 40, active: true, by: "usr_01J9Z3K8Q4"),
    ]
}

extension RewardEvent {
    init(_ reward: Reward, by caller: Caller) {
        self.init(
            rewardId: reward.id, name: reward.name, nameZh: reward.nameZh, cost: reward.cost, stock: reward.stock,
            active: reward.active, by: caller.id)
    }
}

struct RedemptionEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case requestId = "request_id", riderId = "rider_id", rewardId = "reward_id", quantity, points, state
    }

    let requestId: String
    let riderId: String
    let rewardId: String
    let quantity: Int
    let points: Int
    let state: String

    var auditTarget: String? { requestId }
    static let examples = [
        RedemptionEvent(requestId: "red_01J9Z3V1J1", riderId: "rdr_01J9Z3M2A7", rewardId: "rwd_01J9Z3U9H1", quantity: 1, points: 120, state: "pending"),
    ]
}

extension RedemptionEvent {
    init(_ redemption: Redemption) {
        self.init(
            requestId: redemption.id, riderId: redemption.riderId, rewardId: redemption.rewardId,
            quantity: redemption.quantity, points: redemption.points, state: redemption.state.rawValue)
    }
}

struct BatchEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case batchId = "batch_id", requests, fulfilled, rejected
    }

    let batchId: String
    let requests: Int
    let fulfilled: Int
    let rejected: Int

    var auditTarget: String? { batchId }
    static let examples = [BatchEvent(batchId: "bat_01J9Z3W2K1", requests: 250, fulfilled: 238, rejected: 12)]
}

extension BatchEvent {
    init(_ batch: RedemptionBatch) {
        self.init(batchId: batch.id, requests: batch.requests, fulfilled: batch.fulfilled, rejected: batch.rejected)
    }
}

struct SettingChangedEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case key, value, by
    }

    let key: String
    let value: Int
    let by: String

    var auditTarget: String? { key }
    static let examples = [SettingChangedEvent(key: "max_active_claims", value: 3, by: "usr_01J9Z3K8Q4")]
}
