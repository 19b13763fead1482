import CSVReader
import Foundation
import GRDB
import Identity
import Points
import Riders
import Storage
import TuanjuCore

/// What `redemptions run` did (or, with --dry-run, would do).
public struct BatchSummary: Sendable, Equatable {
    public let batchId: String?
    public let requests: Int
    public let fulfilled: Int
    public let rejected: Int
    public let report: String?
    public let resumed: Bool
    public let expired: Int
    public let dryRun: Bool
}

extension Tuanju {
    // MARK: - Rewards

    /// `rewards add` (staff).
    public func addReward(_ caller: Caller, name: String, nameZh: String?, cost: Int, stock: Int) throws -> Reward {
        try caller.requireStaff(.actionManageRewards)
        let now = self.now
        return try database.write { db in
            let reward = try Rewards.add(db, name: name, nameZh: nameZh, cost: cost, stock: stock, at: now)
            try Outbox.append(db, type: "reward.created", payload: RewardEvent(reward, by: caller), at: now)
            return reward
        }
    }

    /// `rewards update` (staff).
    public func updateReward(_ caller: Caller, id: String, _ changes: RewardChanges) throws -> Reward {
        try caller.requireStaff(.actionManageRewards)
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        let now = self.now
        return try database.write { db in
            let reward = try Rewards.update(db, id: id, changes, at: now)
            try Outbox.append(db, type: "reward.updated", payload: RewardEvent(reward, by: caller), at: now)
            return reward
        }
    }

    /// `rewards list`: riders see what they can redeem; staff see every reward.
    public func listRewards(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<Reward> {
        let page = try page.checked()
        return try Page.slice(try database.read { db in try Rewards.list(db, activeOnly: !caller.isStaff) }, page, id: \.id)
    }

    // MARK: - Redemptions

    /// `rewards redeem` (rider): holds the points until a batch decides.
    public func redeem(_ caller: Caller, rewardID: String, quantity: Int) throws -> Redemption {
        try caller.requireRider(.actionRedeem)
        let now = self.now
        return try database.write { db in
            let days = try Setting.holdExpiryDays.value(db)
            let redemption = try Redemptions.request(
                db, riderID: caller.id, rewardID: rewardID, quantity: quantity, holdDays: days, at: now)
            try Outbox.append(db, type: "redemption.requested", payload: RedemptionEvent(redemption), at: now)
            return redemption
        }
    }

    /// `redemptions cancel` (the rider who asked): the hold is voided and the points are available again.
    public func cancelRedemption(_ caller: Caller, id: String) throws -> Redemption {
        try caller.requireRider(.actionRedeem)
        let now = self.now
        return try database.write { db in
            let found = try Redemptions.find(db, id: id)
            guard found.riderId == caller.id else { throw AccessError.notYours(ServiceMsg.whatRedemption) }
            let cancelled = try Redemptions.cancel(db, id: id, at: now)
            try Outbox.append(db, type: "redemption.cancelled", payload: RedemptionEvent(cancelled), at: now)
            return cancelled
        }
    }

    /// `redemptions list`: riders see their own; staff everyone's.
    public func listRedemptions(
        _ caller: Caller, state: Redemption.State?, riderID: String?, page: PageRequest = PageRequest()
    ) throws -> Page<Redemption> {
        let page = try page.checked()
        let riderID = try caller.scope(riderID: riderID, what: .whatRedemption)
        return try database.read { db in try Redemptions.list(db, riderID: riderID, state: state, page: page) }
    }

    /// `redemptions run` (staff): expires overdue holds, then starts a batch (or resumes the one a crash
    /// left running), handles it in chunks of 1,000 requests per transaction, writes the fulfilment CSV
    /// and completes the batch. Safe to kill at any instant and run again.
    public func runRedemptions(
        _ caller: Caller, limit: Int?, dryRun: Bool, progress: ((Int, Int) -> Void)? = nil
    ) throws -> BatchSummary {
        try caller.requireStaff(.actionRunBatches)
        if let limit, limit < 1 { throw InputError.invalid(.limitRange, ["max": "∞"]) }
        if dryRun { return try previewBatch(limit: limit) }
        let expired = try database.write { db in
            try Batches.running(db) == nil ? try Redemptions.expire(db, at: now) : 0
        }
        var resumed = false
        let started = try database.write { db -> RedemptionBatch? in
            if let running = try Batches.running(db) {
                resumed = true
                return running
            }
            guard try Batches.waitingCount(db) > 0 else { return nil }
            return try Batches.start(db, limit: limit, by: caller.id, at: now)
        }
        guard let batch = started else {
            return BatchSummary(batchId: nil, requests: 0, fulfilled: 0, rejected: 0, report: nil, resumed: false,
                                expired: expired, dryRun: false)
        }
        var done = batch.fulfilled + batch.rejected
        while true {
            let chunk = try database.write { db in try Batches.processChunk(db, batchID: batch.id, at: now) }
            if chunk.fulfilled + chunk.rejected == 0 { break }
            done += chunk.fulfilled + chunk.rejected
            progress?(done, batch.requests)
        }
        let report = try writeReport(batchID: batch.id)
        let completed = try database.write { db -> RedemptionBatch in
            let completed = try Batches.complete(db, batchID: batch.id, report: report, at: now)
            try Outbox.append(db, type: "redemption.batch_completed", payload: BatchEvent(completed), at: now)
            return completed
        }
        return BatchSummary(
            batchId: completed.id, requests: completed.requests, fulfilled: completed.fulfilled,
            rejected: completed.rejected, report: completed.report, resumed: resumed, expired: expired, dryRun: false)
    }

    /// What a run would do now, without writing anything: the oldest pending requests against the stock.
    private func previewBatch(limit: Int?) throws -> BatchSummary {
        try database.read { db in
            if let running = try Batches.running(db) {
                return BatchSummary(batchId: running.id, requests: running.requests, fulfilled: running.fulfilled,
                                    rejected: running.rejected, report: nil, resumed: true, expired: 0, dryRun: true)
            }
            var stock = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, stock, active FROM rewards").map {
                ($0["id"] as String, ($0["active"] as Bool) ? $0["stock"] as Int : 0)
            })
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT reward_id, quantity FROM redemptions WHERE state = 'pending' AND batch_id IS NULL
                ORDER BY requested_at, rowid LIMIT ?
                """, arguments: [limit ?? -1])
            var fulfilled = 0, rejected = 0
            while let row = try cursor.next() {
                let reward: String = row[0], quantity: Int = row[1]
                if let left = stock[reward], left >= quantity {
                    stock[reward] = left - quantity
                    fulfilled += 1
                } else {
                    rejected += 1
                }
            }
            return BatchSummary(batchId: nil, requests: fulfilled + rejected, fulfilled: fulfilled, rejected: rejected,
                                report: nil, resumed: false, expired: 0, dryRun: true)
        }
    }

    /// Writes `<data>/exports/redemptions-<batch>.csv`: one line per fulfilled request, phones masked.
    /// Written to a temporary file, fsynced and renamed, so a crash never leaves half a report.
    private func writeReport(batchID: String) throws -> String {
        let path = directory.exportsPath + "/redemptions-\(batchID).csv"
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw InputError.missingFile(path: temporary, reason: "cannot create")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        var buffer = CSVWriter.header(["request_id", "rider_id", "phone", "reward_id", "reward", "quantity"])
        try database.read { db in
            try Batches.fulfilments(db, batchID: batchID) { line in
                buffer += CSVWriter.line([
                    .text(line.requestId), .text(line.riderId), .text(line.phone.map(PhoneNumber.mask)), .text(line.rewardId),
                    .text(line.rewardName), .number(line.quantity),
                ])
                if buffer.utf8.count > 64 * 1024 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
        try handle.synchronize()
        try handle.close()
        if rename(temporary, path) != 0 { throw InputError.missingFile(path: path, reason: "cannot rename the report") }
        return path
    }
}

// MARK: - Events

struct RewardEvent: Encodable {
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

    init(_ reward: Reward, by caller: Caller) {
        rewardId = reward.id
        name = reward.name
        nameZh = reward.nameZh
        cost = reward.cost
        stock = reward.stock
        active = reward.active
        by = caller.id
    }
}

struct RedemptionEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case requestId = "request_id", riderId = "rider_id", rewardId = "reward_id", quantity, points, state
    }

    let requestId: String
    let riderId: String
    let rewardId: String
    let quantity: Int
    let points: Int
    let state: String

    init(_ redemption: Redemption) {
        requestId = redemption.id
        riderId = redemption.riderId
        rewardId = redemption.rewardId
        quantity = redemption.quantity
        points = redemption.points
        state = redemption.state.rawValue
    }
}

struct BatchEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case batchId = "batch_id", requests, fulfilled, rejected
    }

    let batchId: String
    let requests: Int
    let fulfilled: Int
    let rejected: Int

    init(_ batch: RedemptionBatch) {
        batchId = batch.id
        requests = batch.requests
        fulfilled = batch.fulfilled
        rejected = batch.rejected
    }
}
