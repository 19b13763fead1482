import Foundation
import GRDB

/// `redemptions run` over 20,000 pending requests (as Tests/TuanjuCLITests/CrashTests.swift does), killed at
/// random moments, then run to the end: every request handled once, one batch, one payment per fulfilment.
struct RedemptionsCrashLoop {
    let riders = 2000
    let requests = 20_000
    let scarceStock = 5000

    func run(kills: Int) throws -> CrashSummary {
        var summary = CrashSummary(command: "redemptions run")
        let sandbox = try CrashSandbox("redemptions")
        defer { sandbox.remove() }
        try seed(try sandbox.queue())
        summary.figures.append("\(requests) pending requests of \(riders) riders; the scarce reward has stock for \(scarceStock)")
        try killRepeatedly(["redemptions", "run"], data: sandbox.data, token: sandbox.coordinator, kills: kills,
                           window: 0.03...0.4, summary: &summary)
        let handled = try sandbox.count("SELECT count(*) FROM redemptions WHERE state <> 'pending'")
        let final = try TuanjuCLI.run(["redemptions", "run"], data: sandbox.data, token: sandbox.coordinator)
        summary.reruns += 1
        summary.expect(final.exit == 0, "the final run exited \(final.exit): \(final.stderr.prefix(300))")
        let verify = try TuanjuCLI.run(["points", "verify"], data: sandbox.data, token: sandbox.admin)
        summary.expect(verify.exit == 0, "points verify: \(verify.stdout.prefix(300))")
        let count = { (sql: String) in try sandbox.count(sql) }
        let fulfilled = try count("SELECT count(*) FROM redemptions WHERE state = 'fulfilled'")
        let rejected = try count("SELECT count(*) FROM redemptions WHERE state = 'rejected'")
        let pending = try count("SELECT count(*) FROM redemptions WHERE state = 'pending'")
        let payments = try count("SELECT count(*) FROM transfers WHERE kind = 'redemption'")
        let batches = try count("SELECT count(*) FROM redemption_batches")
        summary.figures.append("\(handled) handled before the final run; then \(fulfilled) fulfilled, \(rejected) rejected, \(payments) payments, \(batches) batch")
        summary.expect(pending == 0, "\(pending) requests still pending")
        summary.expect(fulfilled == requests - scarceStock, "\(fulfilled) fulfilled, expected \(requests - scarceStock)")
        summary.expect(rejected == scarceStock, "\(rejected) rejected, expected \(scarceStock)")
        summary.expect(payments == fulfilled, "\(payments) payments for \(fulfilled) fulfilments")
        summary.expect(batches == 1, "\(batches) batches: a kill must resume the same batch")
        try sandbox.doctor(into: &summary)
        return summary
    }

    /// Riders with 1,000 points each and pending requests written straight into the schema (the set-up is
    /// not what is under test), half for a plentiful reward and half for a scarce one.
    func seed(_ queue: DatabaseQueue) throws {
        try queue.write { db in
            let now = "2026-11-01T00:00:00Z"
            try db.execute(sql: """
                INSERT INTO rewards (id, name, name_zh, cost, stock, active, created_at, updated_at) VALUES
                ('rwd_plenty', 'Plenty', '充足', 10, 1000000, 1, ?, ?), ('rwd_scarce', 'Scarce', '稀缺', 10, ?, 1, ?, ?)
                """, arguments: [now, now, scarceStock, now, now])
            for index in 0..<riders {
                let rider = "rdr_crash\(index)"
                try db.cachedStatement(sql: """
                    INSERT INTO riders (id, name, phone, platform, registered_at, updated_at) VALUES (?, ?, ?, 'meituan', ?, ?)
                    """).execute(arguments: [rider, "R\(index)", "\(13_000_000_000 + index)", now, now])
                try db.cachedStatement(sql: "INSERT INTO accounts (id, kind, rider_id) VALUES (?, 'rider', ?)")
                    .execute(arguments: ["rider:" + rider, rider])
                try db.cachedStatement(sql: """
                    INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_at)
                    VALUES (?, 'budget', ?, 1000, 'award', 'setup', ?)
                    """).execute(arguments: ["setup:\(index)", "rider:" + rider, now])
            }
            for index in 0..<requests {
                let rider = "rdr_crash\(index % riders)"
                let at = String(format: "2026-11-02T%02d:%02d:%02dZ", index / 3600 % 24, index / 60 % 60, index % 60)
                try db.cachedStatement(sql: """
                    INSERT INTO holds (id, account_id, amount, state, created_at, expires_at) VALUES (?, ?, 10, 'pending', ?, '2099-01-01T00:00:00Z')
                    """).execute(arguments: ["hld_\(index)", "rider:" + rider, at])
                try db.cachedStatement(sql: """
                    INSERT INTO redemptions (id, rider_id, reward_id, quantity, points, hold_id, state, requested_at)
                    VALUES (?, ?, ?, 1, 10, ?, 'pending', ?)
                    """).execute(arguments: ["rdm_\(index)", rider, index % 2 == 0 ? "rwd_plenty" : "rwd_scarce", "hld_\(index)", at])
            }
        }
    }
}
