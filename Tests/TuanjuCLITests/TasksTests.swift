import Foundation
import Governance
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju tasks")
struct TasksTests {
    /// A sandbox with a coordinator, `riders` riders and one posting.
    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let riders: [(id: String, token: String)]
        let task: String

        init(riders count: Int = 3, capacity: Int = 2, extra: [String] = []) throws {
            let sandbox = try Sandbox()
            let coordinator = try sandbox.coordinator()
            self.sandbox = sandbox
            self.coordinator = coordinator
            riders = try (0..<count).map {
                try sandbox.rider("R\($0)", phone: "1380000\(String(format: "%04d", $0))", coordinator: coordinator)
            }
            task = try sandbox.ok(
                ["tasks", "create", "--role", "hazard-inspector", "--title", "井盖巡查", "--capacity", "\(capacity)"] + extra,
                token: coordinator)["id"] as! String
        }

        func claim(_ rider: Int, _ task: String? = nil) -> RunResult {
            sandbox.run(["tasks", "claim", task ?? self.task, "--json"], token: riders[rider].token)
        }

        func show() throws -> [String: Any] {
            try sandbox.ok(["tasks", "show", task], token: coordinator)
        }
    }

    @Test("Two riders claim a posting of capacity 2 and a third finds it full")
    func fillsUp() throws {
        let setup = try Setup()
        #expect(setup.claim(0).exit == 0)
        #expect(setup.claim(1).exit == 0)
        try setup.sandbox.expectRefusal(["tasks", "claim", setup.task], token: setup.riders[2].token, exit: 1, code: "task_full")
        let shown = try setup.show()
        #expect(shown["claimed"] as? Int == 2)
        #expect((shown["claimers"] as? [[String: Any]])?.count == 2)
    }

    @Test("Claiming twice is refused with already_claimed")
    func twice() throws {
        let setup = try Setup()
        #expect(setup.claim(0).exit == 0)
        try setup.sandbox.expectRefusal(["tasks", "claim", setup.task], token: setup.riders[0].token, exit: 1, code: "already_claimed")
    }

    @Test("Releasing a claim you do not hold is not_found; a released seat is free again")
    func release() throws {
        let setup = try Setup(capacity: 1)
        try setup.sandbox.expectRefusal(["tasks", "release", setup.task], token: setup.riders[0].token, exit: 1, code: "not_found")
        #expect(setup.claim(0).exit == 0)
        try setup.sandbox.expectRefusal(["tasks", "release", setup.task], token: setup.riders[1].token, exit: 1, code: "not_found")
        _ = try setup.sandbox.ok(["tasks", "release", setup.task], token: setup.riders[0].token)
        #expect(setup.claim(1).exit == 0)
        #expect(try setup.show()["claimed"] as? Int == 1)
    }

    @Test("A coordinator revokes a claim with a reason; the seat frees and the history keeps why")
    func revoke() throws {
        let setup = try Setup(capacity: 1)
        #expect(setup.claim(0).exit == 0)
        try setup.sandbox.expectRefusal(
            ["tasks", "revoke", setup.task, setup.riders[0].id, "--reason", " "], token: setup.coordinator, exit: 65)
        try setup.sandbox.expectRefusal(
            ["tasks", "revoke", setup.task, setup.riders[0].id, "--reason", "x"], token: setup.riders[1].token, exit: 77)
        _ = try setup.sandbox.ok(["tasks", "revoke", setup.task, setup.riders[0].id, "--reason", "未到岗"], token: setup.coordinator)
        #expect(setup.claim(1).exit == 0)
        let history = try setup.sandbox.run(["tasks", "claims", "--json"], token: setup.riders[0].token).array()
        #expect(history.count == 1)
        #expect(history[0]["state"] as? String == "revoked")
        #expect(history[0]["reason"] as? String == "未到岗")
    }

    @Test("A rider sees only their own claim history")
    func ownHistory() throws {
        let setup = try Setup()
        #expect(setup.claim(0).exit == 0)
        #expect(setup.claim(1).exit == 0)
        let mine = try setup.sandbox.run(["tasks", "claims", "--json"], token: setup.riders[0].token).array()
        #expect(mine.map { $0["rider_id"] as? String } == [setup.riders[0].id])
        try setup.sandbox.expectRefusal(["tasks", "claims", "--rider", setup.riders[1].id], token: setup.riders[0].token, exit: 77)
        #expect(try setup.sandbox.run(["tasks", "claims", "--json"], token: setup.coordinator).array().count == 2)
    }

    @Test("A closed posting cannot be claimed and its claims end with it")
    func closed() throws {
        let setup = try Setup()
        #expect(setup.claim(0).exit == 0)
        _ = try setup.sandbox.ok(["tasks", "close", setup.task], token: setup.coordinator)
        try setup.sandbox.expectRefusal(["tasks", "claim", setup.task], token: setup.riders[1].token, exit: 1, code: "invalid_state")
        try setup.sandbox.expectRefusal(["tasks", "close", setup.task], token: setup.coordinator, exit: 1, code: "invalid_state")
        let history = try setup.sandbox.run(["tasks", "claims", "--json"], token: setup.riders[0].token).array()
        #expect(history[0]["state"] as? String == "ended")
        #expect(try setup.show()["claimed"] as? Int == 0)
    }

    @Test("A posting that has not started or has ended cannot be claimed")
    func window() throws {
        let future = try Setup(extra: ["--starts", "2099-01-01T00:00:00+08:00"])
        try future.sandbox.expectRefusal(["tasks", "claim", future.task], token: future.riders[0].token, exit: 1, code: "invalid_state")
        let past = try Setup(extra: ["--starts", "2020-01-01T00:00:00Z", "--ends", "2020-02-01T00:00:00Z"])
        try past.sandbox.expectRefusal(["tasks", "claim", past.task], token: past.riders[0].token, exit: 1, code: "invalid_state")
    }

    @Test("A rider holds at most 3 live claims, and the admin can change the limit")
    func limit() throws {
        let setup = try Setup(riders: 1)
        var tasks = [setup.task]
        for index in 0..<3 {
            tasks.append(try setup.sandbox.ok(
                ["tasks", "create", "--role", "anti-fraud-promoter", "--title", "T\(index)", "--capacity", "5"],
                token: setup.coordinator)["id"] as! String)
        }
        for task in tasks.prefix(3) { #expect(setup.claim(0, task).exit == 0) }
        try setup.sandbox.expectRefusal(["tasks", "claim", tasks[3]], token: setup.riders[0].token, exit: 1, code: "too_many_claims")
        try setup.sandbox.expectRefusal(["settings", "set", "max_active_claims", "4"], token: setup.coordinator, exit: 77)
        try setup.sandbox.expectRefusal(["settings", "set", "max_active_claims", "0"], token: setup.sandbox.adminToken, exit: 65)
        try setup.sandbox.expectRefusal(["settings", "set", "nope", "1"], token: setup.sandbox.adminToken, exit: 65)
        _ = try setup.sandbox.ok(["settings", "set", "max_active_claims", "4"], token: setup.sandbox.adminToken)
        #expect(setup.claim(0, tasks[3]).exit == 0)
    }

    @Test("A claim on a posting that has ended no longer counts against the rider")
    func endedClaimsDoNotCount() throws {
        let sandbox = try Sandbox()
        let coordinatorToken = try sandbox.coordinator()
        let rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinatorToken)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let early = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(start))
        let coordinator = try early.authenticate(token: coordinatorToken)
        let riderCaller = try early.authenticate(token: rider.token)
        let ending = try early.createTask(coordinator, TaskDraftFactory.make(ends: start.addingTimeInterval(3600)))
        let others = try (0..<3).map { _ in try early.createTask(coordinator, TaskDraftFactory.make(ends: nil)) }
        _ = try early.claimTask(riderCaller, id: ending.id)
        _ = try early.claimTask(riderCaller, id: others[0].id)
        _ = try early.claimTask(riderCaller, id: others[1].id)
        #expect(throws: (any Error).self) { try early.claimTask(riderCaller, id: others[2].id) }
        // Two hours later the first posting has ended: its claim no longer counts.
        let later = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(start.addingTimeInterval(7200)))
        _ = try later.claimTask(riderCaller, id: others[2].id)
        #expect(throws: (any Error).self) { try later.claimTask(riderCaller, id: ending.id) }
    }

    @Test("Bad postings are refused with 65 (or 1 for an unknown role) and change nothing")
    func badPostings() throws {
        let setup = try Setup()
        let base = ["tasks", "create", "--role", "hazard-inspector", "--title", "T"]
        for (extra, exit) in [
            (["--capacity", "0"], Int32(65)), (["--capacity=-3"], 65),
            (["--capacity", "2", "--starts", "2026-12-02T00:00:00Z", "--ends", "2026-12-01T00:00:00Z"], 65),
            (["--capacity", "2", "--ends", "tomorrow"], 65),
            (["--capacity", "2", "--area", "30.29,120.17"], 65), (["--capacity", "2", "--area", "91,120.17,500"], 65),
            (["--capacity", "2", "--area", "30.29,120.17,-5"], 65), (["--capacity", "2", "--points=-1"], 65),
        ] {
            try setup.sandbox.expectRefusal(base + extra, token: setup.coordinator, exit: exit)
        }
        try setup.sandbox.expectRefusal(
            ["tasks", "create", "--role", "astronaut", "--title", "T", "--capacity", "1"], token: setup.coordinator, exit: 1, code: "not_found")
        #expect(setup.claim(0).exit == 0)
        #expect(setup.claim(1).exit == 0)
        try setup.sandbox.expectRefusal(["tasks", "update", setup.task, "--capacity", "1"], token: setup.coordinator, exit: 1, code: "capacity_below_claimed")
        try setup.sandbox.expectRefusal(["tasks", "claim", "clm_0000000000000000"], token: setup.riders[2].token, exit: 1, code: "not_found")
    }

    @Test("Listing filters open postings, by role and by position")
    func listing() throws {
        let setup = try Setup(extra: ["--area", "30.29,120.17,1000"])
        _ = try setup.sandbox.ok(["tasks", "create", "--role", "anti-fraud-promoter", "--title", "Far", "--capacity", "1",
                                  "--area", "30.40,120.30,500"], token: setup.coordinator)
        let closed = try setup.sandbox.ok(["tasks", "create", "--role", "anti-fraud-promoter", "--title", "Gone", "--capacity", "1"],
                                          token: setup.coordinator)["id"] as! String
        _ = try setup.sandbox.ok(["tasks", "close", closed], token: setup.coordinator)
        func titles(_ args: [String]) throws -> [String] {
            try setup.sandbox.run(["tasks", "list", "--json"] + args, token: setup.riders[0].token).array().map { $0["title"] as! String }
        }
        #expect(try titles([]).count == 3)
        #expect(try titles(["--open"]) == ["井盖巡查", "Far"])
        #expect(try titles(["--role", "anti-fraud-promoter", "--open"]) == ["Far"])
        #expect(try titles(["--open", "--near", "30.291,120.171"]) == ["井盖巡查"])
        try setup.sandbox.expectRefusal(["tasks", "list", "--near", "30.29"], token: setup.riders[0].token, exit: 65)
    }

    @Test("40 processes claim a posting of 10 seats at once: exactly 10 succeed, 30 find it full, none is busy")
    func contention() throws {
        let setup = try Setup(riders: 40, capacity: 10)
        let commands = setup.riders.map { rider in
            ["tasks", "claim", setup.task, "--json", "--data", setup.sandbox.data, "--token", rider.token]
        }
        let outcomes = try TuanjuProcess.runConcurrently(commands)
        let succeeded = outcomes.filter { $0.exit == 0 }.count
        let full = outcomes.filter { $0.exit == 1 && $0.stderr.contains("\"task_full\"") }.count
        #expect(succeeded == 10, "\(outcomes.map { "\($0.exit) \($0.stderr)" })")
        #expect(full == 30)
        #expect(outcomes.allSatisfy { $0.exit != 75 })
        #expect(try setup.show()["claimed"] as? Int == 10)
    }
}

enum TaskDraftFactory {
    static func make(ends: Date?) throws -> Governance.TaskDraft {
        try Governance.TaskDraft(roleCode: "hazard-inspector", title: "T", capacity: 5, endsAt: ends)
    }
}
