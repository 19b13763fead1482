import Foundation
import GRDB
import Storage
import TuanjuCore

/// A rider's request to redeem points for a reward. Its points are held until a batch fulfils or
/// rejects it, the rider cancels it, or it expires.
public struct Redemption: Codable, Sendable, Equatable, FetchableRecord {
    public enum State: String, Codable, Sendable, CaseIterable { case pending, fulfilled, rejected, cancelled, expired }

    public let id: String
    public let riderId: String
    public let rewardId: String
    public let quantity: Int
    public let points: Int
    public let holdId: String
    public let state: State
    public let batchId: String?
    public let reason: String?
    public let requestedAt: String
    public let resolvedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, quantity, points, state, reason
        case riderId = "rider_id"
        case rewardId = "reward_id"
        case holdId = "hold_id"
        case batchId = "batch_id"
        case requestedAt = "requested_at"
        case resolvedAt = "resolved_at"
    }
}

/// Requests, cancellations and expiry. Runs inside the caller's transaction.
public enum Redemptions {
    /// Places a hold for `quantity` of a reward. The available balance is checked here, inside the
    /// transaction; stock is checked again when a batch fulfils the request.
    public static func request(
        _ db: Database, riderID: String, rewardID: String, quantity: Int, holdDays: Int, at date: Date
    ) throws -> Redemption {
        guard (1...100).contains(quantity) else { throw InputError.invalid(.quantityInvalid, ["value": "\(quantity)"]) }
        let reward = try Rewards.find(db, id: rewardID)
        guard reward.active else { throw PointsError.rewardInactive(id: rewardID) }
        guard reward.stock > 0 else { throw PointsError.outOfStock(id: rewardID) }
        let account = try Ledger.ensureAccount(db, riderID: riderID)
        // cost ≤ 1,000,000 and quantity ≤ 100 by their checks; a cost stored behind the app's back is refused here
        // rather than trapping.
        let (points, overflow) = reward.cost.multipliedReportingOverflow(by: quantity)
        guard !overflow, (1...LedgerLimits.paymentMax).contains(points) else { throw PointsError.ledgerLimit(account: account) }
        let balance = try Ledger.balance(db, account: account)
        guard balance.available >= points else {
            throw PointsError.insufficientPoints(available: balance.available, needed: points)
        }
        let now = Timestamp.iso(date)
        let holdID = Identifier.make("hld")
        try db.cachedStatement(sql: """
            INSERT INTO holds (id, account_id, amount, state, created_at, expires_at) VALUES (?, ?, ?, 'pending', ?, ?)
            """).execute(arguments: [holdID, account, points, now, Timestamp.iso(date.addingTimeInterval(Double(holdDays) * 86_400))])
        let id = Identifier.make("rdm")
        try db.cachedStatement(sql: """
            INSERT INTO redemptions (id, rider_id, reward_id, quantity, points, hold_id, state, requested_at)
            VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
            """).execute(arguments: [id, riderID, rewardID, quantity, points, holdID, now])
        return try find(db, id: id)
    }

    public static func find(_ db: Database, id: String) throws -> Redemption {
        guard let found = try Redemption.fetchOne(db, sql: "SELECT * FROM redemptions WHERE id = ?", arguments: [id]) else {
            throw PointsError.redemptionNotFound(id: id)
        }
        return found
    }

    /// The rider withdraws a pending request; the hold is voided.
    public static func cancel(_ db: Database, id: String, at date: Date) throws -> Redemption {
        let found = try find(db, id: id)
        guard found.state == .pending else { throw PointsError.redemptionNotPending(id: id) }
        try resolve(db, found, to: .cancelled, hold: "voided", reason: "cancelled by the rider", at: date)
        return try find(db, id: id)
    }

    /// Expires pending requests (not in a running batch) whose hold has run out; returns them, expired.
    public static func expire(_ db: Database, at date: Date) throws -> [Redemption] {
        let due = try Redemption.fetchAll(db, sql: """
            SELECT redemptions.* FROM redemptions JOIN holds ON holds.id = redemptions.hold_id
            WHERE redemptions.state = 'pending' AND redemptions.batch_id IS NULL AND holds.expires_at <= ?
            """, arguments: [Timestamp.iso(date)])
        for redemption in due {
            try resolve(db, redemption, to: .expired, hold: "expired", reason: "the hold expired", at: date)
        }
        return try due.map { try find(db, id: $0.id) }
    }

    /// A pending request whose hold runs out soon: what a hold warning needs.
    public struct ExpiringHold: Sendable, Equatable {
        public let requestID: String
        public let riderID: String
        public let points: Int
        public let requestedAt: Date
        public let expiresAt: Date
    }

    /// Pending requests, not in a batch, whose hold ends after `from` and no later than `until`.
    public static func expiring(_ db: Database, from: Date, until: Date) throws -> [ExpiringHold] {
        try Row.fetchAll(db, sql: """
            SELECT redemptions.id, redemptions.rider_id, redemptions.points, redemptions.requested_at, holds.expires_at
            FROM redemptions JOIN holds ON holds.id = redemptions.hold_id
            WHERE redemptions.state = 'pending' AND redemptions.batch_id IS NULL AND holds.expires_at > ? AND holds.expires_at <= ?
            ORDER BY holds.expires_at, redemptions.id
            """, arguments: [Timestamp.iso(from), Timestamp.iso(until)]).compactMap { row in
            guard let requested = Timestamp.parse(row[3]), let expires = Timestamp.parse(row[4]) else { return nil }
            return ExpiringHold(requestID: row[0], riderID: row[1], points: row[2], requestedAt: requested, expiresAt: expires)
        }
    }

    /// Newest first; the order of paging (`rowid` breaks ties between requests of the same instant).
    public static let keyset = Keyset(table: "redemptions", keys: ["requested_at", "rowid"], descending: true)

    public static func list(_ db: Database, riderID: String?, state: Redemption.State?, page: PageRequest) throws -> Page<Redemption> {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let riderID { conditions.append("rider_id = ?"); _ = arguments.append(contentsOf: [riderID]) }
        if let state { conditions.append("state = ?"); _ = arguments.append(contentsOf: [state.rawValue]) }
        if let after = try keyset.after(db, page.after) { conditions.append(after.sql); _ = arguments.append(contentsOf: after.arguments) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        _ = arguments.append(contentsOf: [page.limit + 1])
        let rows = try Redemption.fetchAll(
            db, sql: "SELECT * FROM redemptions \(filter) ORDER BY \(keyset.order()) LIMIT ?", arguments: arguments)
        return Page.cut(rows, limit: page.limit, id: \.id)
    }

    /// Ends a pending request and its hold in one step.
    static func resolve(
        _ db: Database, _ redemption: Redemption, to state: Redemption.State, hold: String, reason: String?, at date: Date
    ) throws {
        let now = Timestamp.iso(date)
        try db.cachedStatement(sql: "UPDATE holds SET state = ?, resolved_at = ? WHERE id = ? AND state = 'pending'")
            .execute(arguments: [hold, now, redemption.holdId])
        try db.cachedStatement(sql: "UPDATE redemptions SET state = ?, reason = ?, resolved_at = ? WHERE id = ? AND state = 'pending'")
            .execute(arguments: [state.rawValue, reason, now, redemption.id])
    }
}
