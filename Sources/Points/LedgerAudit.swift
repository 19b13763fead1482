import GRDB

/// `points verify`: recomputes every invariant of the ledger from the rows themselves.
public enum LedgerAudit {
    /// Each problem found, as a sentence; empty when the ledger is sound.
    public static func problems(_ db: Database, budgetCap: Int) throws -> [String] {
        var problems: [String] = []
        func each(_ sql: String, _ describe: (Row) -> String) throws {
            for row in try Row.fetchAll(db, sql: sql) { problems.append(describe(row)) }
        }
        let total = try Int.fetchOne(db, sql: "SELECT coalesce(sum(balance), 0) FROM accounts") ?? 0
        if total != 0 { problems.append("the balances of all accounts add up to \(total), not 0") }
        // Sums are grouped once and joined: a correlated subquery per account rescans a table per account.
        try each("""
            SELECT accounts.id, accounts.balance, coalesce(credits.total, 0) - coalesce(debits.total, 0) AS computed
            FROM accounts
            LEFT JOIN (SELECT to_account AS id, sum(amount) AS total FROM transfers GROUP BY to_account) AS credits
                ON credits.id = accounts.id
            LEFT JOIN (SELECT from_account AS id, sum(amount) AS total FROM transfers GROUP BY from_account) AS debits
                ON debits.id = accounts.id
            WHERE accounts.balance <> computed
            """) { "account \($0["id"] as String) caches balance \($0["balance"] as Int) but its transfers give \($0["computed"] as Int)" }
        try each("""
            SELECT accounts.id, accounts.held, coalesce(pending.total, 0) AS computed
            FROM accounts
            LEFT JOIN (SELECT account_id AS id, sum(amount) AS total FROM holds WHERE state = 'pending' GROUP BY account_id)
                AS pending ON pending.id = accounts.id
            WHERE accounts.held <> computed
            """) { "account \($0["id"] as String) caches held \($0["held"] as Int) but its pending holds add up to \($0["computed"] as Int)" }
        try each("SELECT id, balance, held FROM accounts WHERE kind = 'rider' AND (balance < 0 OR held > balance)") {
            "rider account \($0["id"] as String) has balance \($0["balance"] as Int) and held \($0["held"] as Int)"
        }
        try each("""
            SELECT redemptions.id, redemptions.state, holds.state AS hold_state FROM redemptions
            JOIN holds ON holds.id = redemptions.hold_id
            WHERE NOT ((redemptions.state = 'pending' AND holds.state = 'pending')
                    OR (redemptions.state = 'fulfilled' AND holds.state = 'posted')
                    OR (redemptions.state IN ('rejected', 'cancelled') AND holds.state = 'voided')
                    OR (redemptions.state = 'expired' AND holds.state = 'expired'))
            """) { "redemption \($0["id"] as String) is \($0["state"] as String) but its hold is \($0["hold_state"] as String)" }
        try each("""
            SELECT redemptions.id, redemptions.points, count(transfers.seq) AS n, coalesce(sum(transfers.amount), 0) AS paid
            FROM redemptions LEFT JOIN transfers ON transfers.key = 'batch:' || redemptions.batch_id || ':' || redemptions.id
            WHERE redemptions.state = 'fulfilled' GROUP BY redemptions.id HAVING n <> 1 OR paid <> redemptions.points
            """) { "fulfilled redemption \($0["id"] as String) has \($0["n"] as Int) transfer(s) paying \($0["paid"] as Int) of \($0["points"] as Int)" }
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
            """) { "batch \($0["id"] as String) counts \($0["fulfilled"] as Int)/\($0["rejected"] as Int) but holds \($0["f"] as Int)/\($0["r"] as Int)" }
        if budgetCap > 0 {
            let issued = -(try Int.fetchOne(db, sql: "SELECT balance FROM accounts WHERE id = 'budget'") ?? 0)
            if issued > budgetCap { problems.append("the budget issued \(issued) points, over its cap of \(budgetCap)") }
        }
        let guards = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        for name in ["transfers_no_update", "transfers_no_delete", "holds_once", "holds_no_delete"] where !guards.contains(name) {
            problems.append("the append-only guard \(name) is missing")
        }
        return problems
    }
}
