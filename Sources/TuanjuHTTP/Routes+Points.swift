import Foundation
import Hummingbird
import Points
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `points balance/history/award/adjust/verify`.
    static func pointsRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/points/balance") { call in
            let caller = try await call.caller()
            let rider = call.query("rider")
            let balance = try await call.service { try $0.pointsBalance(caller, riderID: rider) }
            return try JSONBody.response(BalanceJSON(balance))
        }
        routes.get("/v1/points/history") { call in
            let caller = try await call.caller()
            let rider = call.query("rider")
            let page = try call.page()
            let transfers = try await call.service { try $0.pointsHistory(caller, riderID: rider, page: page) }
            return try JSONBody.page(transfers.map(TransferJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/points/award") { call in
            let caller = try await call.caller()
            let body = try await call.json(PointsChange.self)
            guard let reason = body.reason, !Text.clean(reason).isEmpty else { throw InputError.invalid(.reasonRequired) }
            let balance = try await call.service {
                try $0.awardPoints(caller, riderID: body.rider_id, amount: body.amount, reason: reason, key: body.key)
            }
            return try JSONBody.response(BalanceJSON(balance))
        }
        routes.post("/v1/points/adjust") { call in
            let caller = try await call.caller()
            let body = try await call.json(PointsChange.self)
            let balance = try await call.service {
                try $0.adjustPoints(caller, riderID: body.rider_id, amount: body.amount, reason: body.reason ?? "", key: body.key)
            }
            return try JSONBody.response(BalanceJSON(balance))
        }
        routes.get("/v1/points/verify") { call in
            let caller = try await call.caller()
            let problems = try await call.service { try $0.verifyLedger(caller) }
            return try JSONBody.response(LedgerCheckJSON(problems: problems))
        }
    }

    /// `rewards add/update/list/redeem`, `redemptions run/list/cancel`.
    static func rewardRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/rewards") { call in
            let caller = try await call.caller()
            let page = try call.page()
            let rewards = try await call.service { try $0.listRewards(caller, page: page) }
            return try JSONBody.page(rewards.map(RewardJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/rewards") { call in
            let caller = try await call.caller()
            let body = try await call.json(AddReward.self)
            let reward = try await call.service {
                try $0.addReward(caller, name: body.name, nameZh: body.name_zh, cost: body.cost, stock: body.stock)
            }
            return try JSONBody.response(RewardJSON(reward), status: .created)
        }
        routes.patch("/v1/rewards/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(UpdateReward.self)
            var changes = RewardChanges()
            changes.name = body.name
            changes.nameZh = body.name_zh
            changes.cost = body.cost
            changes.stock = body.stock
            changes.active = body.active
            let reward = try await call.service { [changes] in try $0.updateReward(caller, id: id, changes) }
            return try JSONBody.response(RewardJSON(reward))
        }
        routes.post("/v1/rewards/{id}/redeem") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(Redeem.self)
            let redemption = try await call.service { try $0.redeem(caller, rewardID: id, quantity: body.quantity ?? 1) }
            return try JSONBody.response(RedeemJSON(redemption), status: .created)
        }
        routes.get("/v1/redemptions") { call in
            let caller = try await call.caller()
            let state = try call.query("status").map { text in
                guard let state = Redemption.State(rawValue: text) else {
                    throw Call.queryError("status", type: "pending|fulfilled|rejected|cancelled|expired", value: text)
                }
                return state
            }
            let rider = call.query("rider")
            let page = try call.page()
            let list = try await call.service { try $0.listRedemptions(caller, state: state, riderID: rider, page: page) }
            return try JSONBody.page(list.map(RedemptionJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/redemptions/run") { call in
            let caller = try await call.caller()
            let body = try await call.json(RunBatch.self)
            let summary = try await call.service { try $0.runRedemptions(caller, limit: body.limit, dryRun: body.dry_run ?? false) }
            return try JSONBody.response(BatchJSON(summary))
        }
        routes.post("/v1/redemptions/{id}/cancel") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let redemption = try await call.service { try $0.cancelRedemption(caller, id: id) }
            return try JSONBody.response(RedemptionJSON(redemption))
        }
    }

    struct PointsChange: APIBody {
        static let fields = ["rider_id", "amount", "reason", "key"]
        let rider_id: String
        let amount: Int
        let reason: String?
        let key: String?
    }

    struct AddReward: APIBody {
        static let fields = ["name", "name_zh", "cost", "stock"]
        let name: String
        let name_zh: String?
        let cost: Int
        let stock: Int
    }

    struct UpdateReward: APIBody {
        static let fields = ["name", "name_zh", "cost", "stock", "active"]
        let name: String?
        let name_zh: String?
        let cost: Int?
        let stock: Int?
        let active: Bool?
    }

    struct Redeem: APIBody {
        static let fields = ["quantity"]
        let quantity: Int?
    }

    struct RunBatch: APIBody {
        static let fields = ["limit", "dry_run"]
        let limit: Int?
        let dry_run: Bool?
    }
}
