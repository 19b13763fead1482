import Foundation
import GRDB
import TuanjuCore

/// A redemption batch as stored.
public struct RedemptionBatch: Codable, Sendable, Equatable, FetchableRecord {
    public let id: String
    public let state: String
    public let requests: Int
    public let fulfilled: Int
    public let rejected: Int
    public let report: String?
    public let startedBy: String
    public let startedAt: String
    public let completedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, state, requests, fulfilled, rejected, report
        case startedBy = "started_by"
        case startedAt = "started_at"
        case completedAt = "completed_at"
    }

    public var remaining: Int { requests - fulfilled - rejected }
}

/// One fulfilled line of a batch's report.
public struct FulfilmentLine: Sendable, Equatable {
    public let requestId: String
    public let riderId: String
    /// nil when the rider has since been erased.
    public let phone: String?
    public let rewardId: String
    public let rewardName: String
    public let quantity: Int
}

/// The steps of a redemption batch. A batch is started (its requests chosen, oldest first) in one
/// transaction, processed in chunks of one transaction each, and completed in one more, so a kill at any
/// instant loses nothing: the next run resumes the running batch and handles each request exactly once.
public enum Batches {
    public static let chunkSize = 1000

    public static func running(_ db: Database) throws -> RedemptionBatch? {
        try RedemptionBatch.fetchOne(db, sql: "SELECT * FROM redemption_batches WHERE state = 'running'")
    }

    public static func find(_ db: Database, id: String) throws -> RedemptionBatch? {
        try RedemptionBatch.fetchOne(db, sql: "SELECT * FROM redemption_batches WHERE id = ?", arguments: [id])
    }

    /// Starts a batch over the oldest pending requests not yet in a batch (at most `limit`).
    public static func start(_ db: Database, limit: Int?, by actor: String, at date: Date) throws -> RedemptionBatch {
        if let running = try running(db) { throw PointsError.batchRunning(id: running.id) }
        let id = Identifier.make("bat")
        try db.execute(
            sql: "INSERT INTO redemption_batches (id, state, started_by, started_at) VALUES (?, 'running', ?, ?)",
            arguments: [id, actor, Timestamp.iso(date)])
        try db.execute(sql: """
            UPDATE redemptions SET batch_id = ? WHERE id IN (
                SELECT id FROM redemptions WHERE state = 'pending' AND batch_id IS NULL
                ORDER BY requested_at, rowid LIMIT ?)
            """, arguments: [id, limit ?? -1])
        try db.execute(sql: "UPDATE redemption_batches SET requests = ? WHERE id = ?", arguments: [db.changesCount, id])
        return try find(db, id: id)!
    }

    /// Pending requests not yet taken by any batch.
    public static func waitingCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE state = 'pending' AND batch_id IS NULL") ?? 0
    }

    /// Handles up to `chunkSize` pending requests of the batch, oldest first: stock available → fulfilled
    /// (hold posted as a transfer to the redemptions account, stock decremented), else rejected (hold
    /// voided). Returns (fulfilled, rejected) in this chunk, with the requests it resolved; (0, 0, []) when nothing
    /// is left.
    public static func processChunk(
        _ db: Database, batchID: String, at date: Date
    ) throws -> (fulfilled: Int, rejected: Int, resolved: [Redemption]) {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT redemptions.id, redemptions.rider_id, redemptions.reward_id, redemptions.quantity, redemptions.points,
                   redemptions.hold_id, holds.account_id
            FROM redemptions JOIN holds ON holds.id = redemptions.hold_id
            WHERE redemptions.batch_id = ? AND redemptions.state = 'pending'
            ORDER BY redemptions.requested_at, redemptions.rowid LIMIT ?
            """), arguments: [batchID, chunkSize])
        let now = Timestamp.iso(date)
        let takeStock = try db.cachedStatement(sql: "UPDATE rewards SET stock = stock - ? WHERE id = ? AND stock >= ? AND active = 1")
        let resolveHold = try db.cachedStatement(sql: "UPDATE holds SET state = ?, resolved_at = ? WHERE id = ? AND state = 'pending'")
        let resolveRequest = try db.cachedStatement(sql: """
            UPDATE redemptions SET state = ?, reason = ?, resolved_at = ? WHERE id = ? AND state = 'pending'
            """)
        var fulfilled = 0, rejected = 0
        for row in rows {
            let requestID: String = row["id"]
            let holdID: String = row["hold_id"]
            let account: String = row["account_id"]
            // Read as database values: a row damaged behind the app's back is refused by name, not a failed
            // conversion (the schema's bounds make one impossible since v10-ledger-bounds).
            guard let quantity = Ledger.bounded(row["quantity"]), let points = Ledger.bounded(row["points"]) else {
                throw PointsError.ledgerDamaged(account: account)
            }
            try takeStock.execute(arguments: [quantity, row["reward_id"] as String, quantity])
            if db.changesCount == 1 {
                // Release the hold first so the posted transfer may spend those points.
                try resolveHold.execute(arguments: ["posted", now, holdID])
                try Ledger.transfer(
                    db, key: "batch:\(batchID):\(requestID)", from: account, to: Ledger.redemptions,
                    amount: points, kind: .redemption, reason: "redemption \(requestID)", by: nil, at: date)
                try resolveRequest.execute(arguments: ["fulfilled", nil, now, requestID])
                fulfilled += 1
            } else {
                try resolveHold.execute(arguments: ["voided", now, holdID])
                try resolveRequest.execute(arguments: ["rejected", "out of stock or reward inactive", now, requestID])
                rejected += 1
            }
        }
        if !rows.isEmpty {
            try db.execute(
                sql: "UPDATE redemption_batches SET fulfilled = fulfilled + ?, rejected = rejected + ? WHERE id = ?",
                arguments: [fulfilled, rejected, batchID])
        }
        // The chunk's requests as they now stand, for one event each.
        let ids = rows.map { $0["id"] as String }
        let resolved = ids.isEmpty ? [] : try Redemption.fetchAll(
            db, sql: "SELECT * FROM redemptions WHERE id IN (\(databaseQuestionMarks(count: ids.count))) ORDER BY requested_at, rowid",
            arguments: StatementArguments(ids))
        return (fulfilled, rejected, resolved)
    }

    /// Marks the batch completed with its report's path.
    public static func complete(_ db: Database, batchID: String, report: String, at date: Date) throws -> RedemptionBatch {
        try db.execute(
            sql: "UPDATE redemption_batches SET state = 'completed', report = ?, completed_at = ? WHERE id = ? AND state = 'running'",
            arguments: [report, Timestamp.iso(date), batchID])
        return try find(db, id: batchID)!
    }

    /// The fulfilled requests of a batch, for its report; streamed through `each`.
    public static func fulfilments(_ db: Database, batchID: String, _ each: (FulfilmentLine) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT redemptions.id, redemptions.rider_id, riders.phone, redemptions.reward_id, rewards.name,
                   redemptions.quantity
            FROM redemptions JOIN riders ON riders.id = redemptions.rider_id JOIN rewards ON rewards.id = redemptions.reward_id
            WHERE redemptions.batch_id = ? AND redemptions.state = 'fulfilled'
            ORDER BY redemptions.requested_at, redemptions.rowid
            """, arguments: [batchID])
        while let row = try cursor.next() {
            try each(FulfilmentLine(
                requestId: row[0], riderId: row[1], phone: row[2], rewardId: row[3], rewardName: row[4], quantity: row[5]))
        }
    }
}
