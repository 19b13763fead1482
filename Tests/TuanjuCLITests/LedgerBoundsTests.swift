import Foundation
import GRDB
import Testing
import TuanjuCore
@testable import TuanjuCLI

/// Issue #16 item 1: amounts have documented ranges, sums never wrap or trap, the schema refuses what is out of
/// bounds, and a ledger damaged behind the app's back is reported as findings, not as a database error.
@Suite("Ledger bounds")
struct LedgerBoundsTests {
    let setup: PointsTests.Setup
    var sandbox: Sandbox { setup.sandbox }

    init() throws { setup = try PointsTests.Setup() }

    func award(_ rider: String, _ amount: String) -> [String] {
        ["points", "award", "--rider", rider, "--amount=\(amount)", "--reason", "r"]
    }

    @Test("With a budget cap, awarding Int64.max is refused with 65 and nothing changes (it trapped before)")
    func capAndHugeAward() throws {
        _ = try sandbox.ok(["settings", "set", "points_budget_cap", "1000000"], token: sandbox.adminToken)
        _ = try setup.award(setup.zhang.id, 10)  // issued 10: then issued + Int64.max overflowed
        try sandbox.expectRefusal(award(setup.li.id, "9223372036854775807"), token: setup.coordinator, exit: 65, code: "invalid_input")
        try setup.verify()
    }

    @Test("Without a cap, Int64.max then 1 is refused at the first step; the budget stays an integer and verify passes")
    func noCapHugeAward() throws {
        try sandbox.expectRefusal(award(setup.li.id, "9223372036854775807"), token: setup.coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(award(setup.li.id, "1000001"), token: setup.coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(award(setup.li.id, "0"), token: setup.coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(award(setup.li.id, "-1"), token: setup.coordinator, exit: 65, code: "invalid_input")
        _ = try sandbox.ok(award(setup.li.id, "1000000"), token: setup.coordinator)
        _ = try sandbox.ok(award(setup.zhang.id, "1"), token: setup.coordinator)
        let result = sandbox.run(award(setup.li.id, "1000001") + ["--json"], token: setup.coordinator)
        #expect(result.stderr.contains("1,000,000"), "the message names the range: \(result.stderr)")
        try setup.verify()
        let doctor = sandbox.run(["doctor", "--json"], token: sandbox.adminToken)
        #expect(doctor.exit == 0, "\(doctor.stdout)")
    }

    @Test("points adjust with Int64.min or past ±1,000,000 is refused with 65 (abs(Int.min) trapped before)")
    func adjustBounds() throws {
        _ = try setup.award(setup.li.id, 10)
        for amount in ["-9223372036854775808", "9223372036854775807", "-1000001", "1000001", "0"] {
            try sandbox.expectRefusal(["points", "adjust", "--rider", setup.li.id, "--amount=\(amount)", "--reason", "x"],
                                      token: sandbox.adminToken, exit: 65, code: "invalid_input")
        }
        _ = try sandbox.ok(["points", "adjust", "--rider", setup.li.id, "--amount=1000000", "--reason", "x"], token: sandbox.adminToken)
        _ = try sandbox.ok(["points", "adjust", "--rider", setup.li.id, "--amount=-1000000", "--reason", "x"], token: sandbox.adminToken)
        try setup.verify()
    }

    @Test("The schema refuses a REAL, text or out-of-range amount or balance written with raw SQL")
    func schemaRefuses() throws {
        _ = try setup.award(setup.li.id, 10)
        let queue = try sandbox.database()
        let statements = [
            "UPDATE accounts SET balance = 1.5 WHERE id = 'budget'",
            "UPDATE accounts SET balance = 'lots' WHERE id = 'budget'",
            "UPDATE accounts SET balance = -1000000000000001 WHERE id = 'budget'",
            "UPDATE accounts SET held = 2000000000000000 WHERE id = 'budget'",
            """
            INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_at)
            VALUES ('x1', 'budget', 'adjustments', 9223372036854775807, 'award', 'r', '2026-01-01T00:00:00Z')
            """,
            """
            INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_at)
            VALUES ('x2', 'budget', 'adjustments', 2.5, 'award', 'r', '2026-01-01T00:00:00Z')
            """,
            "UPDATE rewards SET stock = 10000001",
            "UPDATE rewards SET cost = 0.5",
        ]
        let before = try sandbox.snapshot()
        for sql in statements {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        }
        #expect(try sandbox.snapshot() == before)
    }

    @Test("A REAL budget balance and a huge transfer written behind the app's back are findings naming them, exit 1, never 70")
    func damagedLedgerIsReported() throws {
        _ = try setup.award(setup.li.id, 10)
        let queue = try sandbox.database()
        // The damage the issue describes, made possible again by dropping the guards (as an old build or a hand edit could).
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS accounts_bounds_update; DROP TRIGGER IF EXISTS transfers_amount_bounds")
            try db.execute(sql: "INSERT INTO accounts (id, kind, rider_id) VALUES (?, 'rider', ?)",
                           arguments: ["rider:" + setup.zhang.id, setup.zhang.id])
            // The balance trigger computes -10 - (2^63 - 1): SQLite makes that a REAL, as in the issue.
            try db.execute(sql: """
                INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_at)
                VALUES ('raw:1', 'budget', ?, 9223372036854775807, 'award', 'r', '2026-01-01T00:00:00Z')
                """, arguments: ["rider:" + setup.zhang.id])
            #expect(try String.fetchOne(db, sql: "SELECT typeof(balance) FROM accounts WHERE id = 'budget'") == "real")
        }
        let verify = sandbox.run(["points", "verify", "--json"], token: sandbox.adminToken)
        #expect(verify.exit == 1, "\(verify.stderr)")
        let problems = try verify.object()["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains("account budget is damaged") }, "\(problems)")
        #expect(problems.contains { $0.contains("transfer") && $0.contains("9223372036854775807") }, "\(problems)")
        #expect(problems.contains { $0.contains("accounts_bounds_update is missing") }, "\(problems)")
        #expect(!verify.stdout.contains("SELECT"))
        let doctor = sandbox.run(["doctor", "--json"], token: sandbox.adminToken)
        #expect(doctor.exit == 1, "\(doctor.stderr)")
        #expect(doctor.stdout.contains("account budget is damaged") && !doctor.stdout.contains("SELECT"))
        // An award from the damaged budget is refused with a clear error, not a trap or raw SQL.
        let award = sandbox.run(award(setup.li.id, "5") + ["--json"], token: setup.coordinator)
        #expect(award.exit == 1 && award.errorCode == "ledger_damaged", "\(award.stderr)")
    }

    @Test("A balance at the ledger's limit refuses one more point with ledger_limit, exit 1, nothing changed")
    func balanceLimit() throws {
        _ = try setup.award(setup.li.id, 10)
        let queue = try sandbox.database()
        // A budget that has issued (nearly) 10^15 points, with its transfers to match, written directly (there is no
        // faster way to get there through a billion awards).
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO accounts (id, kind, rider_id, balance) VALUES (?, 'rider', ?, 0) ON CONFLICT DO NOTHING
                """, arguments: ["rider:" + setup.zhang.id, setup.zhang.id])
            try db.execute(sql: "UPDATE accounts SET balance = -1000000000000000 WHERE id = 'budget'")
        }
        try sandbox.expectRefusal(award(setup.zhang.id, "1"), token: setup.coordinator, exit: 1, code: "ledger_limit")
    }
}

@Suite("Seed amounts")
struct SeedBoundsTests {
    /// A copy of the built-in seed with one file's text replaced.
    static func seed(_ file: String, replacing old: String, with new: String, in root: String) throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seed/data")
        let copy = root + "/seed"
        try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: copy))
        let path = copy + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "the seed changed: \(file) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return copy
    }

    @Test("init refuses lesson points, session capacity or category points past their ranges with 65", arguments: [
        ("lessons.json", "\"points\": 10}", "\"points\": 9223372036854775807}"),
        ("lessons.json", "\"points\": 10}", "\"points\": 10001}"),
        ("activities.json", "\"capacity\": ", "\"capacity\": 1000000000"),
        ("roles.json", "\"points\": ", "\"points\": 100000"),
    ])
    func seedBounds(file: String, old: String, new: String) throws {
        let sandbox = try Sandbox(initialize: false)
        let seed = try Self.seed(file, replacing: old, with: new, in: sandbox.root)
        let result = sandbox.run(["init", "--seed", seed, "--json"])
        #expect(result.exit == 65, "\(file): \(result.stderr)")
        #expect(result.errorCode == "invalid_input", "\(result.stderr)")
    }
}
