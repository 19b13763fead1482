import TuanjuCore

/// The ledger's documented bounds (docs/cli-reference.md, "Amounts and their ranges"). The service layer checks
/// inputs against them with a clear 65; the schema (migration v10-ledger-bounds) enforces the same bounds on
/// every stored amount and balance, so a value outside them can never reach a sum in Swift or in SQLite.
public enum LedgerLimits {
    /// One award or adjustment moves at most this many points (either way for an adjustment).
    public static let transferMax = 1_000_000
    /// The most one transfer or hold may carry: a redemption's cost × quantity (1,000,000 × 100).
    public static let paymentMax = 100_000_000
    /// The most any account may hold, and the most the budget may owe (its balance is never below −this).
    /// Below 2^53, so every balance is exact in JSON too.
    public static let balanceMax = 1_000_000_000_000_000

    /// Checks an award's amount (1...transferMax).
    public static func awardAmount(_ amount: Int) throws(InputError) -> Int {
        guard (1...transferMax).contains(amount) else {
            throw .invalid(.pointsAmountInvalid, ["value": "\(amount)", "max": "1,000,000"])
        }
        return amount
    }

    /// Checks an adjustment's signed amount (−transferMax...transferMax, not 0).
    public static func adjustmentAmount(_ amount: Int) throws(InputError) -> Int {
        guard amount != 0, (-transferMax...transferMax).contains(amount) else {
            throw .invalid(.adjustAmountInvalid, ["value": "\(amount)", "max": "1,000,000"])
        }
        return amount
    }

    /// `a + b`, refused (never wrapped, never trapped) when it leaves the ledger's range for `account`.
    public static func sum(_ a: Int, _ b: Int, account: String) throws -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        guard !overflow, (-balanceMax...balanceMax).contains(total) else { throw PointsError.ledgerLimit(account: account) }
        return total
    }
}
