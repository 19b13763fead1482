import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("Points, rewards and redemptions")
struct PointsTests {
    /// A coordinator, two riders, and a reward (cost 30, stock 2).
    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let li: (id: String, token: String)
        let zhang: (id: String, token: String)
        let reward: String

        init(stock: Int = 2) throws {
            let sandbox = try Sandbox()
            let coordinator = try sandbox.coordinator()
            self.sandbox = sandbox
            self.coordinator = coordinator
            li = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
            zhang = try sandbox.rider("张", phone: "13912341234", coordinator: coordinator)
            reward = try sandbox.ok(["rewards", "add", "--name", "Meal coupon", "--name-zh", "餐券", "--cost", "30",
                                     "--stock", "\(stock)"], token: coordinator)["id"] as! String
        }

        func award(_ rider: String, _ amount: Int, key: String? = nil) throws -> [String: Any] {
            var args = ["points", "award", "--rider", rider, "--amount", "\(amount)", "--reason", "offline outreach"]
            if let key { args += ["--key", key] }
            return try sandbox.ok(args, token: coordinator)
        }

        func balance(_ rider: (id: String, token: String)) throws -> [String: Any] {
            try sandbox.ok(["points", "balance"], token: rider.token)
        }

        func verify() throws {
            let result = sandbox.run(["points", "verify", "--json"], token: sandbox.adminToken)
            #expect(result.exit == 0, "\(result.stdout)")
            #expect(try result.object()["ok"] as? Bool == true)
        }
    }

    @Test("A redemption holds points; a batch spends them and decrements stock; the ledger stays sound")
    func redeemAndBatch() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 100)
        let request = try setup.sandbox.ok(["rewards", "redeem", setup.reward, "--quantity", "2"], token: setup.li.token)
        #expect(request["status"] as? String == "pending")
        #expect(request["held"] as? Int == 60)
        let held = try setup.balance(setup.li)
        #expect(held["balance"] as? Int == 100 && held["held"] as? Int == 60 && held["available"] as? Int == 40)
        let batch = try setup.sandbox.ok(["redemptions", "run"], token: setup.coordinator)
        #expect(batch["fulfilled"] as? Int == 1 && batch["rejected"] as? Int == 0)
        let after = try setup.balance(setup.li)
        #expect(after["balance"] as? Int == 40 && after["held"] as? Int == 0)
        let report = try String(contentsOfFile: batch["report"] as! String, encoding: .utf8)
        #expect(report.contains("138****1234") && !report.contains("13812341234"))
        let rewards = try setup.sandbox.run(["rewards", "list", "--json"], token: setup.coordinator).array()
        #expect(rewards.first { $0["id"] as? String == setup.reward }?["stock"] as? Int == 0)
        try setup.verify()
    }

    @Test("When stock runs out the later request is rejected and its points come back")
    func stockRunsOut() throws {
        let setup = try Setup(stock: 1)
        _ = try setup.award(setup.li.id, 100)
        _ = try setup.award(setup.zhang.id, 100)
        _ = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.li.token)
        _ = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.zhang.token)
        let batch = try setup.sandbox.ok(["redemptions", "run"], token: setup.coordinator)
        #expect(batch["fulfilled"] as? Int == 1 && batch["rejected"] as? Int == 1)
        #expect(try setup.balance(setup.li)["balance"] as? Int == 70)
        let zhang = try setup.balance(setup.zhang)
        #expect(zhang["balance"] as? Int == 100 && zhang["held"] as? Int == 0)
        let mine = try setup.sandbox.run(["redemptions", "list", "--json"], token: setup.zhang.token).array()
        #expect(mine.map { $0["status"] as? String } == ["rejected"])
        try setup.verify()
    }

    @Test("Redeeming more than the balance, an unknown or inactive reward, or a bad quantity is refused")
    func badRedemptions() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 50)
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward, "--quantity", "2"], token: setup.li.token,
                                        exit: 1, code: "insufficient_points")
        try setup.sandbox.expectRefusal(["rewards", "redeem", "rwd_0000000000000000"], token: setup.li.token, exit: 1, code: "not_found")
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward, "--quantity", "0"], token: setup.li.token, exit: 65)
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward, "--quantity=-1"], token: setup.li.token, exit: 65)
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward], token: setup.coordinator, exit: 77)
        _ = try setup.sandbox.ok(["rewards", "update", setup.reward, "--active", "false"], token: setup.coordinator)
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward], token: setup.li.token, exit: 1, code: "invalid_state")
        _ = try setup.sandbox.ok(["rewards", "update", setup.reward, "--active", "true", "--stock", "0"], token: setup.coordinator)
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward], token: setup.li.token, exit: 1, code: "out_of_stock")
    }

    @Test("A held balance cannot be redeemed twice")
    func noDoubleSpend() throws {
        let setup = try Setup(stock: 10)
        _ = try setup.award(setup.li.id, 30)
        _ = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.li.token)
        try setup.sandbox.expectRefusal(["rewards", "redeem", setup.reward], token: setup.li.token, exit: 1, code: "insufficient_points")
    }

    @Test("Rewards with a negative cost or stock are refused")
    func badRewards() throws {
        let setup = try Setup()
        for extra in [["--cost=-1", "--stock", "1"], ["--cost", "0", "--stock", "1"], ["--cost", "5", "--stock=-1"]] {
            try setup.sandbox.expectRefusal(["rewards", "add", "--name", "X"] + extra, token: setup.coordinator, exit: 65)
        }
        try setup.sandbox.expectRefusal(["rewards", "update", setup.reward, "--stock=-3"], token: setup.coordinator, exit: 65)
        try setup.sandbox.expectRefusal(["rewards", "add", "--name", "X", "--cost", "5", "--stock", "1"], token: setup.li.token, exit: 77)
    }

    @Test("A rider cannot see, cancel or spend another rider's points")
    func otherRiders() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 100)
        let request = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.li.token)["request_id"] as! String
        try setup.sandbox.expectRefusal(["redemptions", "cancel", request], token: setup.zhang.token, exit: 77, code: "forbidden")
        try setup.sandbox.expectRefusal(["points", "balance", "--rider", setup.li.id], token: setup.zhang.token, exit: 77)
        try setup.sandbox.expectRefusal(["points", "history", "--rider", setup.li.id], token: setup.zhang.token, exit: 77)
        try setup.sandbox.expectRefusal(["redemptions", "list", "--rider", setup.li.id], token: setup.zhang.token, exit: 77)
        try setup.sandbox.expectRefusal(["redemptions", "run"], token: setup.li.token, exit: 77)
    }

    @Test("Cancelling releases the hold exactly once")
    func cancel() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 30)
        let request = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.li.token)["request_id"] as! String
        _ = try setup.sandbox.ok(["redemptions", "cancel", request], token: setup.li.token)
        #expect(try setup.balance(setup.li)["available"] as? Int == 30)
        try setup.sandbox.expectRefusal(["redemptions", "cancel", request], token: setup.li.token, exit: 1, code: "invalid_state")
        try setup.verify()
    }

    @Test("Adjustments are admin-only, need a reason, and never take a balance below zero")
    func adjust() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 10)
        let args = ["points", "adjust", "--rider", setup.li.id, "--amount", "5"]
        try setup.sandbox.expectRefusal(args + ["--reason", "typo"], token: setup.coordinator, exit: 77)
        try setup.sandbox.expectRefusal(args, token: setup.sandbox.adminToken, exit: 65, code: "invalid_input")
        try setup.sandbox.expectRefusal(args + ["--reason", "  "], token: setup.sandbox.adminToken, exit: 65)
        try setup.sandbox.expectRefusal(["points", "adjust", "--rider", setup.li.id, "--amount=-11", "--reason", "x"],
                                        token: setup.sandbox.adminToken, exit: 1, code: "insufficient_points")
        let adjusted = try setup.sandbox.ok(["points", "adjust", "--rider", setup.li.id, "--amount=-4", "--reason", "double award"],
                                            token: setup.sandbox.adminToken)
        #expect(adjusted["balance"] as? Int == 6)
        try setup.verify()
    }

    @Test("The same idempotency key pays once; the same key with another amount is refused")
    func idempotency() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 10, key: "event-42")
        _ = try setup.award(setup.li.id, 10, key: "event-42")
        #expect(try setup.balance(setup.li)["balance"] as? Int == 10)
        try setup.sandbox.expectRefusal(["points", "award", "--rider", setup.li.id, "--amount", "11", "--reason", "r", "--key", "event-42"],
                                        token: setup.coordinator, exit: 1, code: "idempotency_conflict")
    }

    @Test("The budget cap stops awards beyond it")
    func budgetCap() throws {
        let setup = try Setup()
        _ = try setup.sandbox.ok(["settings", "set", "points_budget_cap", "50"], token: setup.sandbox.adminToken)
        _ = try setup.award(setup.li.id, 40)
        try setup.sandbox.expectRefusal(["points", "award", "--rider", setup.zhang.id, "--amount", "11", "--reason", "r"],
                                        token: setup.coordinator, exit: 1, code: "budget_exhausted")
    }

    @Test("The ledger is append-only and points verify finds a tampered balance")
    func tamper() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 10)
        let queue = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite")
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE transfers SET amount = 99") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM transfers") } }
        try queue.write { try $0.execute(sql: "UPDATE accounts SET balance = balance + 5 WHERE kind = 'rider'") }
        let result = setup.sandbox.run(["points", "verify", "--json"], token: setup.sandbox.adminToken)
        #expect(result.exit == 1)
        let problems = try result.object()["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains("add up to 5") })
        #expect(problems.contains { $0.contains("caches balance 15") })
    }

    @Test("An expired hold returns the points before the next batch")
    func expiry() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 30)
        _ = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.li.token)
        let later = try Tuanju.open(DataDirectory(path: setup.sandbox.data), clock: .fixed(Date().addingTimeInterval(31 * 86_400)))
        let coordinator = try later.authenticate(token: setup.coordinator)
        let summary = try later.runRedemptions(coordinator, limit: nil, dryRun: false)
        #expect(summary.expired == 1 && summary.requests == 0)
        #expect(try setup.balance(setup.li)["available"] as? Int == 30)
        try setup.verify()
    }

    @Test("--dry-run changes nothing")
    func dryRun() throws {
        let setup = try Setup()
        _ = try setup.award(setup.li.id, 30)
        _ = try setup.sandbox.ok(["rewards", "redeem", setup.reward], token: setup.li.token)
        let before = try setup.sandbox.snapshot()
        let preview = try setup.sandbox.ok(["redemptions", "run", "--dry-run"], token: setup.coordinator)
        #expect(preview["fulfilled"] as? Int == 1 && preview["dry_run"] as? Bool == true)
        #expect(try setup.sandbox.snapshot() == before)
    }
}
