import Foundation
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("Lists of any length: --limit, --after, --all")
struct PagingTests {
    /// A coordinator, one rider with `count` pending redemption requests, all made at one instant (so the
    /// order's tie-breaker is what keeps them apart). Returns the ids the service handed out.
    static func redemptions(_ sandbox: Sandbox, count: Int) throws -> (coordinator: String, ids: Set<String>) {
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        let reward = try sandbox.ok(["rewards", "add", "--name", "Pen", "--cost", "1", "--stock", "100000"], token: coordinator)["id"] as! String
        _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "\(count)", "--reason", "paging"], token: coordinator)
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(Date()))
        let caller = try app.authenticate(token: rider.token)
        var ids = Set<String>()
        for _ in 0..<count { ids.insert(try app.redeem(caller, rewardID: reward, quantity: 1).id) }
        return (coordinator, ids)
    }

    /// The cursor of `{"next": ...}` on stderr.
    static func next(_ result: RunResult) throws -> String? {
        let line = try #require(result.stderr.split(separator: "\n").last.map(String.init), "no next line")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        #expect(object.keys.sorted() == ["next"])
        return object["next"] as? String
    }

    @Test("3,000 redemption requests are listed in full with --all, each exactly once, as JSON Lines")
    func allStreamsEveryRow() throws {
        let sandbox = try Sandbox()
        let (coordinator, ids) = try Self.redemptions(sandbox, count: 3000)
        #expect(ids.count == 3000)
        let result = sandbox.run(["redemptions", "list", "--all", "--json"], token: coordinator)
        #expect(result.exit == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3000)
        let listed = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["request_id"] as? String ?? ""
        }
        #expect(ids.subtracting(listed).isEmpty && Set(listed).isSubset(of: ids))
        #expect(listed.count == Set(listed).count)
        #expect(try Self.next(result) == nil)
        // The table streams too: one header, one rule, one line per request, no "next page" line.
        let table = sandbox.run(["redemptions", "list", "--all", "--limit", "700"], token: coordinator)
        #expect(table.exit == 0)
        #expect(table.stdout.split(separator: "\n").count == 3002)
        #expect(!table.stderr.contains("--after"))
    }

    @Test("--after pages through 3,000 requests: each exactly once, the last page says next: null")
    func afterPagesEveryRow() throws {
        let sandbox = try Sandbox()
        let (coordinator, ids) = try Self.redemptions(sandbox, count: 3000)
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            var args = ["redemptions", "list", "--limit", "1000", "--json"]
            if let cursor { args += ["--after", cursor] }
            let result = sandbox.run(args, token: coordinator)
            #expect(result.exit == 0, "\(result.stderr)")
            let rows = try result.array()
            #expect(rows.count <= 1000)
            seen += rows.compactMap { $0["request_id"] as? String }
            cursor = try Self.next(result)
            if let cursor { #expect(cursor == rows.last?["request_id"] as? String) }
            pages += 1
        } while cursor != nil && pages < 10
        #expect(pages == 3)
        #expect(seen.count == 3000)
        #expect(Set(seen).count == 3000 && ids.subtracting(seen).isEmpty)
        // Without --json the cursor is the last line on stderr.
        let human = sandbox.run(["redemptions", "list", "--limit", "5"], token: coordinator)
        #expect(human.stderr.contains("--after "))
        #expect(human.stdout.split(separator: "\n").count == 7)
    }

    @Test("A bad --limit or an unknown --after is a 65 and changes nothing")
    func badPagingInput() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        for limit in ["0", "1001", "-5"] {
            try sandbox.expectRefusal(["redemptions", "list", "--limit=\(limit)"], token: coordinator, exit: 65, code: "invalid_input")
        }
        for command in [["redemptions", "list"], ["riders", "list"], ["tasks", "list"], ["audit", "list"], ["users", "list"],
                        ["rewards", "list"], ["webhooks", "deliveries"], ["reports", "list"], ["tasks", "claims"]] {
            try sandbox.expectRefusal(command + ["--after", "nothing_here"], token: sandbox.adminToken, exit: 65, code: "invalid_input")
        }
    }

    /// Pages with `--limit 2` and checks the pages together equal one `--all` walk and one big page.
    func walk(_ sandbox: Sandbox, _ command: [String], token: String, key: String = "id",
              sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        func ids(_ rows: [[String: Any]]) -> [String] { rows.map { "\($0[key] ?? "")" } }
        let whole = sandbox.run(command + ["--limit", "1000", "--json"], token: token)
        #expect(whole.exit == 0, "\(command): \(whole.stderr)", sourceLocation: sourceLocation)
        let expected = ids(try whole.array())
        var seen: [String] = []
        var cursor: String?
        repeat {
            let result = sandbox.run(command + ["--limit", "2", "--json"] + (cursor.map { ["--after", $0] } ?? []), token: token)
            #expect(result.exit == 0, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
            seen += ids(try result.array())
            cursor = try Self.next(result)
        } while cursor != nil && seen.count <= expected.count
        #expect(seen == expected, "\(command)", sourceLocation: sourceLocation)
        let all = sandbox.run(command + ["--all", "--json"], token: token)
        let streamed = try all.stdout.split(separator: "\n").map {
            "\((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?[key] ?? "")"
        }
        #expect(streamed == expected, "\(command) --all", sourceLocation: sourceLocation)
        return expected
    }

    @Test("Every list command pages with --after and walks with --all, each row once, in one order")
    func everyListPages() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        var riders: [(id: String, token: String)] = []
        for index in 0..<5 {
            riders.append(try sandbox.rider("骑手\(index)", phone: "1381234\(String(format: "%04d", index))", coordinator: coordinator))
        }
        _ = try sandbox.coordinator("第二协调")
        for index in 0..<5 {
            let task = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "巡查\(index)", "--capacity", "5"],
                                      token: coordinator)["id"] as! String
            if index < 3 { for rider in riders.prefix(3) { _ = try sandbox.ok(["tasks", "claim", task], token: rider.token) } }
        }
        for index in 0..<5 {
            _ = try sandbox.ok(["points", "award", "--rider", riders[0].id, "--amount", "\(index + 1)", "--reason", "r\(index)"],
                               token: coordinator)
            _ = try sandbox.ok(["rewards", "add", "--name", "Reward \(index)", "--cost", "1", "--stock", "9"], token: coordinator)
        }
        #expect(try walk(sandbox, ["riders", "list"], token: coordinator).count == 5)
        #expect(try walk(sandbox, ["tasks", "list"], token: coordinator).count == 5)
        #expect(try walk(sandbox, ["tasks", "list", "--open"], token: coordinator).count == 5)
        #expect(try walk(sandbox, ["tasks", "claims"], token: coordinator).count == 9)
        #expect(try walk(sandbox, ["points", "history", "--rider", riders[0].id], token: coordinator, key: "seq").count == 5)
        #expect(try walk(sandbox, ["rewards", "list"], token: coordinator).count >= 5)
        #expect(try walk(sandbox, ["users", "list"], token: sandbox.adminToken).count == 3)
        #expect(try walk(sandbox, ["audit", "list"], token: sandbox.adminToken, key: "seq").count > 10)
        #expect(try walk(sandbox, ["lessons", "list"], token: coordinator).count > 2)
        #expect(try walk(sandbox, ["activities", "list", "--past"], token: coordinator).count > 2)
        #expect(try walk(sandbox, ["surveys", "list"], token: coordinator).count >= 1)
    }
}
