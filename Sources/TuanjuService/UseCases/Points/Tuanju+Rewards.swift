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
        try useCase(caller, requires: .staff(ServiceMsg.actionManageRewards)).write { work in
            let reward = try Rewards.add(work.db, name: name, nameZh: nameZh, cost: cost, stock: stock, at: work.now)
            try work.emit(.rewardCreated, RewardEvent(reward, by: caller))
            return reward
        }
    }

    /// `rewards update` (staff).
    public func updateReward(_ caller: Caller, id: String, _ changes: RewardChanges) throws -> Reward {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionManageRewards))
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        return try useCase.write { work in
            let reward = try Rewards.update(work.db, id: id, changes, at: work.now)
            try work.emit(.rewardUpdated, RewardEvent(reward, by: caller))
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
        try useCase(caller, requires: .rider(ServiceMsg.actionRedeem)).write { work in
            let days = try Setting.holdExpiryDays.value(work.db)
            let redemption = try Redemptions.request(
                work.db, riderID: caller.id, rewardID: rewardID, quantity: quantity, holdDays: days, at: work.now)
            try work.emit(.redemptionRequested, RedemptionEvent(redemption))
            return redemption
        }
    }

    /// `redemptions cancel` (the rider who asked): the hold is voided and the points are available again.
    public func cancelRedemption(_ caller: Caller, id: String) throws -> Redemption {
        try useCase(caller, requires: .rider(ServiceMsg.actionRedeem)).write { work in
            let found = try Redemptions.find(work.db, id: id)
            guard found.riderId == caller.id else { throw AccessError.notYours(ServiceMsg.whatRedemption) }
            let cancelled = try Redemptions.cancel(work.db, id: id, at: work.now)
            try work.emit(.redemptionCancelled, RedemptionEvent(cancelled))
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
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionRunBatches))
        if let limit, limit < 1 { throw InputError.invalid(.limitRange, ["max": "∞"]) }
        if dryRun { return try previewBatch(limit: limit) }
        let expired = try useCase.write { work in try expireHolds(work) }
        var resumed = false
        let started = try useCase.write { work -> RedemptionBatch? in
            if let running = try Batches.running(work.db) {
                resumed = true
                return running
            }
            guard try Batches.waitingCount(work.db) > 0 else { return nil }
            return try Batches.start(work.db, limit: limit, by: caller.id, at: work.now)
        }
        guard let batch = started else {
            return BatchSummary(batchId: nil, requests: 0, fulfilled: 0, rejected: 0, report: nil, resumed: false,
                                expired: expired, dryRun: false)
        }
        var done = batch.fulfilled + batch.rejected
        while true {
            let chunk = try useCase.write { work in
                let chunk = try Batches.processChunk(work.db, batchID: batch.id, at: work.now)
                // One event each, so each rider hears their own outcome (Notifications).
                for redemption in chunk.resolved {
                    try work.emit(redemption.state == .fulfilled ? .redemptionFulfilled : .redemptionRejected, RedemptionEvent(redemption))
                }
                return chunk
            }
            if chunk.fulfilled + chunk.rejected == 0 { break }
            done += chunk.fulfilled + chunk.rejected
            progress?(done, batch.requests)
        }
        let report = try writeReport(batchID: batch.id)
        let completed = try useCase.write { work -> RedemptionBatch in
            let completed = try Batches.complete(work.db, batchID: batch.id, report: report, at: work.now)
            try work.emit(.redemptionBatchCompleted, BatchEvent(completed))
            return completed
        }
        return BatchSummary(
            batchId: completed.id, requests: completed.requests, fulfilled: completed.fulfilled,
            rejected: completed.rejected, report: completed.report, resumed: resumed, expired: expired, dryRun: false)
    }

    /// Expires the requests whose hold ran out (none while a batch runs: it may be about to fulfil them), one
    /// `redemption.expired` each; returns how many. `redemptions run` and the scheduler's pass both call it.
    func expireHolds(_ work: Work) throws -> Int {
        guard try Batches.running(work.db) == nil else { return 0 }
        let expired = try Redemptions.expire(work.db, at: work.now)
        for redemption in expired { try work.emit(.redemptionExpired, RedemptionEvent(redemption)) }
        return expired.count
    }

    /// What a run would do now, without writing anything: the oldest pending requests against the stock.
    private func previewBatch(limit: Int?) throws -> BatchSummary {
        try database.read { db in
            if let running = try Batches.running(db) {
                return BatchSummary(batchId: running.id, requests: running.requests, fulfilled: running.fulfilled,
                                    rejected: running.rejected, report: nil, resumed: true, expired: 0, dryRun: true)
            }
            let (fulfilled, rejected) = try Batches.preview(db, limit: limit)
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
