import GRDB

extension Migrations {
    /// Bounds on every stored amount and balance (Points/LedgerLimits.swift states the same numbers). Before this,
    /// SQLite turned an integer overflow in the balance triggers into a REAL (awarding 2^63−1 then 1 left the
    /// budget at −9.22e18). BEFORE triggers that RAISE(ABORT) add the checks without rebuilding the tables (a
    /// rebuild would have to re-create every trigger and index of the ledger); column affinity has already
    /// turned 1.0 into 1 when they run, so `typeof` sees what would be stored. A failed check is
    /// SQLITE_CONSTRAINT_TRIGGER and rolls the whole statement back, trigger effects included.
    static func ledgerBounds(_ db: Database) throws {
        let payment = "typeof(NEW.amount) <> 'integer' OR NEW.amount NOT BETWEEN 1 AND 100000000"
        let account = """
            typeof(NEW.balance) <> 'integer' OR typeof(NEW.held) <> 'integer'
                OR NEW.balance NOT BETWEEN -1000000000000000 AND 1000000000000000
                OR NEW.held NOT BETWEEN 0 AND 1000000000000000
            """
        let reward = """
            typeof(NEW.cost) <> 'integer' OR NEW.cost NOT BETWEEN 1 AND 1000000
                OR typeof(NEW.stock) <> 'integer' OR NEW.stock NOT BETWEEN 0 AND 10000000
            """
        let redemption = """
            typeof(NEW.points) <> 'integer' OR NEW.points NOT BETWEEN 1 AND 100000000
                OR typeof(NEW.quantity) <> 'integer'
            """
        try db.execute(sql: """
            CREATE TRIGGER transfers_amount_bounds BEFORE INSERT ON transfers WHEN \(payment)
            BEGIN SELECT RAISE(ABORT, 'a transfer carries a whole number of points from 1 to 100000000'); END;
            CREATE TRIGGER holds_amount_bounds BEFORE INSERT ON holds WHEN \(payment)
            BEGIN SELECT RAISE(ABORT, 'a hold carries a whole number of points from 1 to 100000000'); END;
            CREATE TRIGGER accounts_bounds_insert BEFORE INSERT ON accounts WHEN \(account)
            BEGIN SELECT RAISE(ABORT, 'an account balance is a whole number within 10^15 points'); END;
            CREATE TRIGGER accounts_bounds_update BEFORE UPDATE ON accounts WHEN \(account)
            BEGIN SELECT RAISE(ABORT, 'an account balance is a whole number within 10^15 points'); END;
            CREATE TRIGGER rewards_bounds_insert BEFORE INSERT ON rewards WHEN \(reward)
            BEGIN SELECT RAISE(ABORT, 'a reward costs 1 to 1000000 points and has 0 to 10000000 in stock'); END;
            CREATE TRIGGER rewards_bounds_update BEFORE UPDATE ON rewards WHEN \(reward)
            BEGIN SELECT RAISE(ABORT, 'a reward costs 1 to 1000000 points and has 0 to 10000000 in stock'); END;
            CREATE TRIGGER redemptions_bounds_insert BEFORE INSERT ON redemptions WHEN \(redemption)
            BEGIN SELECT RAISE(ABORT, 'a redemption holds a whole number of points from 1 to 100000000'); END;
            CREATE TRIGGER redemptions_bounds_update BEFORE UPDATE OF points, quantity ON redemptions WHEN \(redemption)
            BEGIN SELECT RAISE(ABORT, 'a redemption holds a whole number of points from 1 to 100000000'); END;
            """)
    }
}
