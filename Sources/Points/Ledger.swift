import Foundation
import GRDB
import TuanjuCore

/// One movement of points between two accounts.
public struct Transfer: Codable, Sendable, Equatable, FetchableRecord {
    public enum Kind: String, Codable, Sendable { case award, adjustment, redemption }

    public let seq: Int64
    public let key: String
    public let fromAccount: String
    public let toAccount: String
    public let amount: Int
    public let kind: Kind
    public let reason: String
    public let createdBy: String?
    public let createdAt: String

    enum CodingKeys: String, CodingKey {
        case seq, key, amount, kind, reason
        case fromAccount = "from_account"
        case toAccount = "to_account"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}

/// A rider's points: everything earned less spent (`balance`), what pending redemptions set aside
/// (`held`), and what can be redeemed now (`available`).
public struct Balance: Sendable, Equatable {
    public let riderId: String
    public let balance: Int
    public let held: Int
    /// Both are within ±LedgerLimits.balanceMax (Ledger.balance refuses anything else), so this cannot overflow.
    public var available: Int { balance - held }
}

/// The double-entry ledger. Runs inside the caller's transaction; the schema keeps it append-only, keeps
/// rider balances from going below zero, and keeps the cached balances in step with the transfers.
public enum Ledger {
    public static let budget = "budget"
    public static let redemptions = "redemptions"
    public static let adjustments = "adjustments"

    public static func riderAccount(_ riderID: String) -> String { "rider:" + riderID }

    /// The rider's account, created on first use.
    @discardableResult
    public static func ensureAccount(_ db: Database, riderID: String) throws -> String {
        let id = riderAccount(riderID)
        try db.cachedStatement(sql: "INSERT INTO accounts (id, kind, rider_id) VALUES (?, 'rider', ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [id, riderID])
        return id
    }

    /// Moves `amount` from one account to another under an idempotency key chosen by the cause
    /// (`award:report:<id>`, `lesson:<id>:<rider>`, `batch:<batch>:<request>`). The same key again with the
    /// same movement is a no-op and returns false; with a different movement it is an error.
    @discardableResult
    public static func transfer(
        _ db: Database, key: String, from: String, to: String, amount: Int, kind: Transfer.Kind, reason: String,
        by actor: String?, at date: Date
    ) throws -> Bool {
        guard (1...LedgerLimits.paymentMax).contains(amount) else {
            throw InputError.invalid(.pointsAmountInvalid, ["value": "\(amount)", "max": "\(LedgerLimits.paymentMax)"])
        }
        let reason = try Text.label(reason, field: .fieldReason, maxLength: 500)
        if let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT from_account, to_account, amount FROM transfers WHERE key = ?"), arguments: [key]) {
            // Compared as database values: a damaged amount must read as a conflict, not trap in a conversion.
            guard existing["from_account"] == from, existing["to_account"] == to,
                  (existing["amount"] as DatabaseValue) == amount.databaseValue else {
                throw PointsError.keyConflict(key: key)
            }
            return false
        }
        // The paying account must be sound and stay within the ledger's bounds (an overflow-reporting sum; a
        // damaged balance reads as `ledgerDamaged`). The receiving end is guarded by the schema's bounds
        // triggers and examined only when they refuse: one read less for every transfer that goes through.
        let source = try balance(db, account: from)
        _ = try LedgerLimits.sum(source.balance, -amount, account: from)
        do {
            try db.cachedStatement(sql: """
                INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [key, from, to, amount, kind.rawValue, reason, actor, Timestamp.iso(date)])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            _ = try LedgerLimits.sum(try balance(db, account: to).balance, amount, account: to)
            // The accounts CHECK: a rider's balance may not go below zero or below what is held.
            if from.hasPrefix("rider:") {
                throw PointsError.insufficientPoints(available: source.available, needed: amount)
            }
            throw error
        }
        return true
    }

    /// Awards points from the budget to a rider (accepted reports, completed lessons). `cap` limits all
    /// points ever issued from the budget; 0 means no cap.
    @discardableResult
    public static func award(
        _ db: Database, riderID: String, amount: Int, key: String, reason: String, cap: Int, by actor: String?, at date: Date
    ) throws -> Bool {
        let account = try ensureAccount(db, riderID: riderID)
        if cap > 0 {
            // The budget's balance is within ±balanceMax (checked on reading), so negating it cannot overflow;
            // the sum reports overflow instead of trapping all the same.
            let issued = -(try balance(db, account: budget).balance)
            let already = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM transfers WHERE key = ?"), arguments: [key]) ?? false
            let (after, overflow) = issued.addingReportingOverflow(amount)
            if !already, overflow || after > cap { throw PointsError.budgetExhausted(cap: cap) }
        }
        return try transfer(db, key: key, from: budget, to: account, amount: amount, kind: .award, reason: reason, by: actor, at: date)
    }

    /// An account's balance; zero for an account not yet created. A stored value that is not a whole number
    /// within the ledger's bounds (only possible behind the app's back) is `ledgerDamaged`, never a trap.
    public static func balance(_ db: Database, account: String) throws -> Balance {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT balance, held, rider_id FROM accounts WHERE id = ?"), arguments: [account]) else {
            return Balance(riderId: "", balance: 0, held: 0)
        }
        guard let balance = bounded(row["balance"]), let held = bounded(row["held"]), held >= 0 else {
            throw PointsError.ledgerDamaged(account: account)
        }
        return Balance(riderId: row["rider_id"] ?? "", balance: balance, held: held)
    }

    /// A stored integer within ±balanceMax, else nil (a REAL, text, NULL or an out-of-range integer).
    public static func bounded(_ value: DatabaseValue) -> Int? {
        guard case .int64(let number) = value.storage, let int = Int(exactly: number),
              (-LedgerLimits.balanceMax...LedgerLimits.balanceMax).contains(int) else { return nil }
        return int
    }

    public static func balance(_ db: Database, riderID: String) throws -> Balance {
        let found = try balance(db, account: riderAccount(riderID))
        return Balance(riderId: riderID, balance: found.balance, held: found.held)
    }

    /// Transfers in or out of an account, newest first; the cursor is a transfer's `seq`.
    public static func history(_ db: Database, account: String, page: PageRequest) throws -> Page<Transfer> {
        var before = Int64.max
        if let after = page.after {
            guard let seq = Int64(after), try Bool.fetchOne(
                db, sql: "SELECT 1 FROM transfers WHERE seq = ? AND ? IN (from_account, to_account)", arguments: [seq, account]) == true
            else { throw InputError.invalid(PageMsg.afterUnknown, ["id": after]) }
            before = seq
        }
        let rows = try Transfer.fetchAll(db, sql: """
            SELECT * FROM transfers WHERE from_account = ? AND seq < ?
            UNION ALL SELECT * FROM transfers WHERE to_account = ? AND seq < ?
            ORDER BY seq DESC LIMIT ?
            """, arguments: [account, before, account, before, page.limit + 1])
        return Page.cut(rows, limit: page.limit, id: { String($0.seq) })
    }
}
