import Foundation
import Testing
import Notifier
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("The CLI contract: JSON keys, UTC times, global options, usage errors, file modes")
struct ContractTests {
    /// The rows of a JSON array whose objects must all carry `keys` (null allowed, absence not).
    func expectKeys(_ rows: [[String: Any]], _ keys: [String], nulls: [String] = [], _ what: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!rows.isEmpty, "\(what): no rows", sourceLocation: sourceLocation)
        for row in rows {
            let missing = keys.filter { row[$0] == nil }
            #expect(missing.isEmpty, "\(what) omits \(missing): \(row.keys.sorted())", sourceLocation: sourceLocation)
        }
        for key in nulls {
            #expect(rows.contains { $0[key] is NSNull }, "\(what): \(key) is never null", sourceLocation: sourceLocation)
        }
        // Every row has the same keys: none is left out because it is unset.
        let shapes = Set(rows.map { $0.keys.sorted() })
        #expect(shapes.count == 1, "\(what) rows differ in keys: \(shapes)", sourceLocation: sourceLocation)
    }

    @Test("--json objects carry every key, null when unset: redemptions, deliveries, map nearest, tasks, reports")
    func nullsNotOmitted() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        _ = try sandbox.ok(["webhooks", "add", "https://example.com/hook", "--events", "all"], token: sandbox.adminToken)
        _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "50", "--reason", "r"], token: coordinator)
        let reward = try sandbox.ok(["rewards", "add", "--name", "Pen", "--cost", "1", "--stock", "9"], token: coordinator)["id"] as! String
        _ = try sandbox.ok(["rewards", "redeem", reward], token: rider.token)
        _ = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "T", "--capacity", "2"], token: coordinator)

        let redemptions = try sandbox.run(["redemptions", "list", "--json"], token: coordinator).array()
        expectKeys(redemptions, ["request_id", "batch_id", "reason", "resolved_at"], nulls: ["batch_id", "resolved_at"], "redemptions list")
        // One attempt that fails with a 500: the delivery waits for its retry, never delivered.
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(Date()))
        let failing = PostResult(status: 500, retryAfter: nil, error: nil, durationMs: 1)
        _ = try app.deliverWebhooks(try app.authenticate(token: sandbox.adminToken), untilIdle: true, maxSeconds: nil,
                                    transport: ScriptedTransport([], then: failing))
        let deliveries = try sandbox.run(["webhooks", "deliveries", "--json"], token: sandbox.adminToken).array()
        expectKeys(deliveries, ["id", "last_status", "last_error", "delivered_at"], nulls: ["delivered_at"], "webhooks deliveries")
        // A point added by hand has no external id and no opening hours.
        _ = try sandbox.ok(["map", "add", "--kind", "box", "--name", "B", "--lat", "30.2925", "--lon", "120.1710"], token: coordinator)
        let nearest = try sandbox.run(["map", "nearest", "--lat", "30.2925", "--lon", "120.1710", "--limit", "20", "--json"]).array()
        expectKeys(nearest, ["id", "external_id", "opening_hours", "open_now"], nulls: ["external_id", "opening_hours", "open_now"],
                   "map nearest")
        let tasks = try sandbox.run(["tasks", "list", "--json"], token: coordinator).array()
        expectKeys(tasks, ["id", "starts_at", "ends_at"], nulls: ["ends_at"], "tasks list")
        let riders = try sandbox.run(["riders", "list", "--json"], token: coordinator).array()
        expectKeys(riders, ["id", "branch"], nulls: ["branch"], "riders list")
        // The streamed form keeps them too.
        let line = try #require(sandbox.run(["redemptions", "list", "--all", "--json"], token: coordinator).stdout.split(separator: "\n").first)
        #expect(line.contains("\"batch_id\":null"))
    }

    @Test("Every JSON time is UTC with Z: activity sessions from the Seed no longer print +08:00")
    func utcTimes() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let sessions = try sandbox.run(["activities", "list", "--past", "--json"], token: coordinator).array()
        #expect(!sessions.isEmpty)
        for session in sessions {
            for key in ["starts_at", "ends_at"] {
                let text = try #require(session[key] as? String, "\(key)")
                #expect(text.hasSuffix("Z") && !text.contains("+08:00"), "\(key) = \(text)")
            }
        }
    }

    @Test("Global options work before the subcommand as after it, with the same result")
    func globalsBeforeSubcommand() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        func run(_ args: [String]) -> RunResult {
            let output = CapturedOutput()
            let exit = TuanjuCLI.run(args, console: output.console(environment: ["HOME": sandbox.root]))
            return RunResult(exit: exit, stdout: output.stdout, stderr: output.stderr)
        }
        let after = run(["riders", "list", "--json", "--data", sandbox.data, "--token", coordinator])
        let before = run(["--json", "--data", sandbox.data, "--token", coordinator, "riders", "list"])
        let mixed = run(["--data=\(sandbox.data)", "riders", "--token", coordinator, "list", "--json"])
        #expect(after.exit == 0 && before.exit == 0 && mixed.exit == 0, "\(before.stderr) \(mixed.stderr)")
        #expect(before.stdout == after.stdout && mixed.stdout == after.stdout)
        let zh = run(["--lang", "zh", "riders", "list", "--data", sandbox.data, "--token", coordinator])
        let zhAfter = run(["riders", "list", "--lang", "zh", "--data", sandbox.data, "--token", coordinator])
        #expect(zh.exit == 0 && zh.stdout == zhAfter.stdout && zh.stdout.contains("姓名"), "\(zh.stderr)")
        // A value that only looks like a global option stays where it is.
        #expect(ArgumentPreflight.hoistGlobals(["reports", "submit", "--note", "--json"]) == ["reports", "submit", "--note", "--json"])
        #expect(ArgumentPreflight.hoistGlobals(["--json", "x", "--", "--y"]) == ["x", "--json", "--", "--y"])
    }

    @Test("--lang fr, an unknown subcommand and a missing argument are usage errors (64); a bad value is 65")
    func usageErrors() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let lang = sandbox.run(["riders", "list", "--lang", "fr"], token: coordinator)
        #expect(lang.exit == 64 && lang.stderr.contains("zh") && lang.stderr.contains("en") && lang.stderr.contains("fr"), "\(lang.stderr)")
        let langJSON = sandbox.run(["--lang", "fr", "riders", "list", "--json"], token: coordinator)
        #expect(langJSON.exit == 64 && langJSON.errorCode == "usage")
        let typo = sandbox.run(["ridrs", "list"], token: coordinator)
        #expect(typo.exit == 64 && typo.stderr.contains("did you mean 'riders'"), "\(typo.stderr)")
        let typo2 = sandbox.run(["riders", "lst"], token: coordinator)
        #expect(typo2.exit == 64 && typo2.stderr.contains("'list'"), "\(typo2.stderr)")
        let nothingNear = sandbox.run(["zzzzzzzz"], token: coordinator)
        #expect(nothingNear.exit == 64 && !nothingNear.stderr.contains("did you mean"), "\(nothingNear.stderr)")
        try sandbox.expectRefusal(["tasks", "claim"], token: coordinator, exit: 64)
        try sandbox.expectRefusal(["riders", "list", "--limit"], token: coordinator, exit: 64)
        try sandbox.expectRefusal(["riders", "list", "--limit", "abc"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["redemptions", "list", "--status", "maybe"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "list", "--party-member", "perhaps"], token: coordinator, exit: 65, code: "invalid_input")
    }

    @Test("Database files and backups are created owner-only (0600)")
    func fileModes() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
        }
        let database = sandbox.data + "/tuanju.sqlite"
        #expect(try mode(database) == 0o600)
        for companion in [database + "-wal", database + "-shm"] where FileManager.default.fileExists(atPath: companion) {
            #expect(try mode(companion) == 0o600, "\(companion)")
        }
        let backup = sandbox.root + "/backup"
        _ = try sandbox.ok(["backup", backup], token: sandbox.adminToken)
        #expect(try mode(backup + "/tuanju.sqlite") == 0o600)
        // A file an older build left world-readable is tightened when it is opened.
        chmod(database, 0o644)
        #expect(sandbox.run(["riders", "list"], token: coordinator).exit == 0)
        #expect(try mode(database) == 0o600)
    }
}
