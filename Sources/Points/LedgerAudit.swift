import GRDB

/// `points verify`: recomputes every invariant of the ledger from the rows themselves. A damaged ledger (a value
/// written behind the app's back: a REAL, text or out-of-range balance or amount) is reported as findings that
/// name the account or transfer, never as a database error: values are read as `DatabaseValue`s and shown as
/// text, damaged rows are left out of the sums (so SQLite's `sum()` cannot overflow), and Swift sums report
/// overflow.
public enum LedgerAudit {
    /// The append-only and bounds guards `points verify` expects to find.
    public static let guards = [
        "transfers_no_update", "transfers_no_delete", "holds_once", "holds_no_delete",
        "transfers_post", "holds_take", "holds_resolve",
        "transfers_amount_bounds", "holds_amount_bounds", "accounts_bounds_insert", "accounts_bounds_update",
    ]

    /// Each problem found, as a sentence; empty when the ledger is sound.
    public static func problems(_ db: Database, budgetCap: Int) throws -> [String] {
        var problems: [String] = []
        func each(_ sql: String, _ arguments: StatementArguments = [], _ describe: (Row) -> String) throws {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { problems.append(describe(row)) }
        }
        let max = LedgerLimits.balanceMax, payment = LedgerLimits.paymentMax
        let soundAccount = "typeof(balance) = 'integer' AND typeof(held) = 'integer' AND balance BETWEEN -\(max) AND \(max) AND held BETWEEN 0 AND \(max)"
        let soundAmount = "typeof(amount) = 'integer' AND amount BETWEEN 1 AND \(payment)"

        // Values the schema's bounds make impossible: named first, then kept out of every sum below.
        try each("SELECT id, balance, held FROM accounts WHERE NOT (\(soundAccount)) ORDER BY id") {
            "account \(show($0["id"])) is damaged: balance \(show($0["balance"])), held \(show($0["held"])) (each must be a whole number within ±\(max))"
        }
        try each("SELECT seq, from_account, to_account, amount FROM transfers WHERE NOT (\(soundAmount)) ORDER BY seq") {
            "transfer \(show($0["seq"])) from \(show($0["from_account"])) to \(show($0["to_account"])) is damaged: amount \(show($0["amount"])) (must be a whole number from 1 to \(payment))"
        }
        try each("SELECT id, account_id, amount FROM holds WHERE NOT (\(soundAmount)) ORDER BY id") {
            "hold \(show($0["id"])) of account \(show($0["account_id"])) is damaged: amount \(show($0["amount"]))"
        }

        // The balances of all accounts add up to zero (double entry). Summed in Swift: overflow is a finding.
        var total = 0, overflowed = false
        let balances = try Int.fetchCursor(db, sql: "SELECT balance FROM accounts WHERE \(soundAccount)")
        while let balance = try balances.next(), !overflowed {
            (total, overflowed) = total.addingReportingOverflow(balance)
        }
        if overflowed {
            problems.append("the balances of all accounts add up to more than a 64-bit integer holds, not 0")
        } else if total != 0 {
            problems.append("the balances of all accounts add up to \(total), not 0")
        }
        // Sums are grouped once and joined: a correlated subquery per account rescans a table per account. Every
        // summed amount is at most `paymentMax`, so a per-account sum would need billions of transfers to
        // overflow; if it ever did, that is reported too rather than thrown.
        do {
            try each("""
                SELECT accounts.id, accounts.balance, coalesce(credits.total, 0) - coalesce(debits.total, 0) AS computed
                FROM accounts
                LEFT JOIN (SELECT to_account AS id, sum(amount) AS total FROM transfers WHERE \(soundAmount) GROUP BY to_account)
                    AS credits ON credits.id = accounts.id
                LEFT JOIN (SELECT from_account AS id, sum(amount) AS total FROM transfers WHERE \(soundAmount) GROUP BY from_account)
                    AS debits ON debits.id = accounts.id
                WHERE \(soundAccount) AND accounts.balance <> computed
                """) { "account \(show($0["id"])) caches balance \(show($0["balance"])) but its transfers give \(show($0["computed"]))" }
            try each("""
                SELECT accounts.id, accounts.held, coalesce(pending.total, 0) AS computed
                FROM accounts
                LEFT JOIN (SELECT account_id AS id, sum(amount) AS total FROM holds
                           WHERE state = 'pending' AND \(soundAmount) GROUP BY account_id)
                    AS pending ON pending.id = accounts.id
                WHERE \(soundAccount) AND accounts.held <> computed
                """) { "account \(show($0["id"])) caches held \(show($0["held"])) but its pending holds add up to \(show($0["computed"]))" }
        } catch let error as DatabaseError where error.message?.contains("overflow") == true {
            problems.append("the transfers or holds of an account add up to more than a 64-bit integer holds")
        }
        try each("SELECT id, balance, held FROM accounts WHERE kind = 'rider' AND \(soundAccount) AND (balance < 0 OR held > balance)") {
            "rider account \(show($0["id"])) has balance \(show($0["balance"])) and held \(show($0["held"]))"
        }
        try each("""
            SELECT redemptions.id, redemptions.state, holds.state AS hold_state FROM redemptions
            JOIN holds ON holds.id = redemptions.hold_id
            WHERE NOT ((redemptions.state = 'pending' AND holds.state = 'pending')
                    OR (redemptions.state = 'fulfilled' AND holds.state = 'posted')
                    OR (redemptions.state IN ('rejected', 'cancelled') AND holds.state = 'voided')
                    OR (redemptions.state = 'expired' AND holds.state = 'expired'))
            """) { "redemption \(show($0["id"])) is \(show($0["state"])) but its hold is \(show($0["hold_state"]))" }
        // One transfer per key (UNIQUE), so this sum adds at most one amount.
        try each("""
            SELECT redemptions.id, redemptions.points, count(transfers.seq) AS n, coalesce(sum(transfers.amount), 0) AS paid
            FROM redemptions LEFT JOIN transfers ON transfers.key = 'batch:' || redemptions.batch_id || ':' || redemptions.id
            WHERE redemptions.state = 'fulfilled' GROUP BY redemptions.id HAVING n <> 1 OR paid <> redemptions.points
            """) { "fulfilled redemption \(show($0["id"])) has \(show($0["n"])) transfer(s) paying \(show($0["paid"])) of \(show($0["points"]))" }
        // With the check above (each fulfilled request has exactly one payment, found by its unique key), equal
        // counts mean no redemption transfer pays for anything else.
        let payments = try Int.fetchOne(db, sql: "SELECT count(*) FROM transfers WHERE kind = 'redemption'") ?? 0
        let fulfilled = try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE state = 'fulfilled'") ?? 0
        if payments != fulfilled {
            problems.append("\(payments) redemption transfers for \(fulfilled) fulfilled requests")
        }
        try each("""
            SELECT id, requests, fulfilled, rejected,
                   (SELECT count(*) FROM redemptions WHERE batch_id = b.id AND state = 'fulfilled') AS f,
                   (SELECT count(*) FROM redemptions WHERE batch_id = b.id AND state = 'rejected') AS r
            FROM redemption_batches b WHERE fulfilled <> f OR rejected <> r
               OR (state = 'completed' AND fulfilled + rejected <> requests)
            """) { "batch \(show($0["id"])) counts \(show($0["fulfilled"]))/\(show($0["rejected"])) but holds \(show($0["f"]))/\(show($0["r"]))" }
        if budgetCap > 0, let budget = try DatabaseValue.fetchOne(db, sql: "SELECT balance FROM accounts WHERE id = 'budget'"),
           let balance = Ledger.bounded(budget), -balance > budgetCap {
            // `bounded` keeps the balance within ±balanceMax, so the negation cannot overflow.
            problems.append("the budget issued \(-balance) points, over its cap of \(budgetCap)")
        }
        let present = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        for name in guards where !present.contains(name) {
            problems.append("the ledger guard \(name) is missing")
        }
        return problems
    }

    /// A stored value as text, whatever its type: a damaged row must be described, not converted.
    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): "\(number)"
        case .double(let number): "\(number)"
        case .string(let text): text
        case .blob(let data): "a blob of \(data.count) bytes"
        }
    }
}
