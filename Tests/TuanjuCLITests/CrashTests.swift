import Foundation
import GRDB
import Testing
@testable import TuanjuCLI

@Suite("Crash safety")
struct CrashTests {
    /// Writes `riders` riders with 1,000 points each and `requests` pending redemptions straight into the
    /// database (the setup is not what is under test), split over a plentiful and a scarce reward.
    static func seedRedemptions(_ sandbox: Sandbox, riders: Int, requests: Int, scarceStock: Int) throws {
        let queue = try sandbox.database()
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

    @Test("redemptions run killed 20 times at random moments still handles every request exactly once")
    func redemptionBatchSurvivesKills() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        try Self.seedRedemptions(sandbox, riders: 2000, requests: 20_000, scarceStock: 5000)
        let executable = try TuanjuProcess.executable
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for _ in 0..<20 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["redemptions", "run", "--json", "--data", sandbox.data, "--token", coordinator]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 30_000...400_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
        }
        // Then a run to the end.
        let handledBeforeFinal = try sandbox.database().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE state <> 'pending'") ?? 0
        }
        print("killed \(killed) times; \(handledBeforeFinal) requests handled before the final run")
        let final = sandbox.run(["redemptions", "run", "--json"], token: coordinator)
        #expect(final.exit == 0, "\(final.stderr)")
        let verify = sandbox.run(["points", "verify", "--json"], token: sandbox.adminToken)
        #expect(verify.exit == 0, "\(verify.stdout)")

        let queue = try sandbox.database()
        let (fulfilled, rejected, pending, payments, batches) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE state = 'fulfilled'")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE state = 'rejected'")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE state = 'pending'")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM transfers WHERE kind = 'redemption'")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM redemption_batches")!)
        }
        #expect(pending == 0)
        #expect(fulfilled == 15_000)
        #expect(rejected == 5_000)
        #expect(payments == fulfilled)
        #expect(batches == 1, "a kill must resume the same batch, not start another")
        #expect(killed > 0, "no run was killed: the test proved nothing")
    }
}

@Suite("Crash safety: webhooks")
struct WebhookCrashTests {
    @Test("webhooks deliver killed 10 times mid-drain, then re-run, delivers every event, repeats under the same id")
    func deliverSurvivesKills() throws {
        let sandbox = try Sandbox()
        let receiver = try Receiver(root: sandbox.root)
        defer { receiver.stop() }
        let endpoint = try sandbox.ok(["webhooks", "add", "http://127.0.0.1:\(receiver.port)/hook", "--events", "all",
                                       "--allow-private"], token: sandbox.adminToken)
        try (endpoint["secret"] as! String).write(toFile: receiver.secretFile, atomically: true, encoding: .utf8)
        let coordinator = try sandbox.coordinator()
        for index in 0..<300 {
            _ = try sandbox.rider("R\(index)", phone: "139\(String(format: "%08d", index))", coordinator: coordinator)
        }
        let executable = try TuanjuProcess.executable
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["webhooks", "deliver", "--until-idle", "--data", sandbox.data, "--token", sandbox.adminToken]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...250_000, using: &generator))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let final = sandbox.run(["webhooks", "deliver", "--until-idle", "--json"], token: sandbox.adminToken)
        #expect(final.exit == 0, "\(final.stderr)")

        let expected = try sandbox.database().read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT o.event_id FROM webhook_deliveries d JOIN outbox o ON o.seq = d.event_seq
                """))
        }
        let states = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT state FROM webhook_deliveries")
        }
        let received = try receiver.records()
        let ids = received.compactMap { $0["id"] as? String }
        #expect(expected.count == 301)  // 300 riders and the coordinator
        #expect(states == ["delivered"])
        #expect(Set(ids) == expected, "every event arrived, and only under its own id")
        #expect(received.allSatisfy { $0["valid"] as? Bool == true })
        print("\(ids.count) requests for \(expected.count) events: \(ids.count - expected.count) repeats after kills")
    }
}
