import Foundation
import GRDB
import Testing
import TuanjuCore
@testable import TuanjuCLI

@Suite("tuanju agencies")
struct AgenciesTests {
    static let secret = "k3y-0f-the-bureau-9f2c"

    @Test("An admin adds an agency with an endpoint, a key file and service codes; the key is stored and never printed")
    func addKeepsKeySecret() throws {
        let sandbox = try Sandbox()
        let keyFile = try sandbox.file("key.txt", Self.secret + "\n")
        let args = ["agencies", "add", "西湖区城管局", "--open311-endpoint", "http://127.0.0.1:9/open311/v2", "--allow-private",
                    "--api-key-file", keyFile, "--jurisdiction", "xihu", "--service", "road-damage=CG-9", "--service", "waterlogging=CG-8"]
        let added = sandbox.run(args + ["--json"], token: sandbox.adminToken)
        #expect(added.exit == 0, "\(added.stderr)")
        let agency = try added.object()
        #expect(agency["open311_endpoint"] as? String == "http://127.0.0.1:9/open311/v2/")
        #expect(agency["api_key_set"] as? Bool == true)
        #expect((agency["services"] as? [String: String]) == ["road-damage": "CG-9", "waterlogging": "CG-8"])
        let id = try #require(agency["id"] as? String)
        // Nowhere but its own column: not in any output, event, audit entry or other table.
        let outputs = [added.stdout, added.stderr, sandbox.run(["agencies", "list"], token: sandbox.adminToken).stdout,
                       sandbox.run(["agencies", "list", "--json"], token: sandbox.adminToken).stdout,
                       sandbox.run(["audit", "list", "--json"], token: sandbox.adminToken).stdout]
        for output in outputs { #expect(!output.contains(Self.secret)) }
        let elsewhere = try sandbox.database().read { db in
            (try String.fetchAll(db, sql: "SELECT payload FROM outbox") + String.fetchAll(db, sql: "SELECT coalesce(target, '') || coalesce(command, '') FROM audit_log"))
                .filter { $0.contains(Self.secret) }.count
        }
        #expect(elsewhere == 0)
        let stored = try sandbox.database().read { db in
            try String.fetchOne(db, sql: "SELECT api_key FROM agencies WHERE id = ?", arguments: [id])
        }
        #expect(stored == Self.secret)
        let events = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT type FROM outbox WHERE type LIKE 'agency.%'")
        }
        #expect(events == ["agency.created"])
    }

    @Test("Update changes only what is given; a service mapping with an empty code is removed; retire stops dispatch")
    func updateAndRetire() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox, admin = sandbox.adminToken
        let id = try sandbox.ok(["agencies", "add", "西湖区城管局", "--service", "road-damage=CG-9", "--service", "waterlogging=CG-8"],
                                token: admin)["id"] as! String
        let updated = try sandbox.ok(["agencies", "update", id, "--service", "waterlogging=", "--jurisdiction", "xihu"], token: admin)
        #expect((updated["services"] as? [String: String]) == ["road-damage": "CG-9"])
        #expect(updated["jurisdiction_id"] as? String == "xihu" && updated["name"] as? String == "西湖区城管局")
        // Dispatch by id records both the name and the record.
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        _ = try sandbox.ok(["reports", "review", report, "--accept"], token: setup.coordinator)
        let dispatched = try sandbox.ok(["reports", "dispatch", report, "--agency", id], token: setup.coordinator)
        #expect(dispatched["agency"] as? String == "西湖区城管局" && dispatched["agency_id"] as? String == id)
        let retired = try sandbox.ok(["agencies", "retire", id], token: admin)
        #expect(retired["retired_at"] is String)
        let listed = try sandbox.run(["agencies", "list", "--json"], token: setup.coordinator).array()
        #expect(!listed.contains { $0["id"] as? String == id })
        let all = try sandbox.run(["agencies", "list", "--include-retired", "--json"], token: setup.coordinator).array()
        #expect(all.contains { $0["id"] as? String == id })
        // The report keeps its agency after retirement; a reopened report cannot go back to a retired agency.
        _ = try sandbox.ok(["reports", "resolve", report], token: setup.coordinator)
        _ = try sandbox.ok(["reports", "reopen", report], token: setup.coordinator)
        try setup.expectRefusal(["reports", "dispatch", report, "--agency", id], token: setup.coordinator, exit: 1, code: "invalid_state")
        try setup.expectRefusal(["agencies", "retire", id], token: admin, exit: 1, code: "invalid_state")
        #expect(try sandbox.ok(["reports", "show", report], token: setup.coordinator)["agency_id"] as? String == id)
    }

    @Test("Old reports dispatched to free text stay readable: agency kept, agency_id null")
    func legacyFreeText() throws {
        let setup = try ReportsTests.Setup()
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").write { db in
            try db.execute(sql: "UPDATE reports SET status = 'dispatched', agency = '区城管局' WHERE id = ?", arguments: [report])
        }
        let shown = try setup.sandbox.ok(["reports", "show", report], token: setup.coordinator)
        #expect(shown["agency"] as? String == "区城管局")
        #expect(shown["agency_id"] is NSNull)
    }

    @Test("Dispatch to an unknown agency is refused with 1 (not_found); nothing changes")
    func unknownAgency() throws {
        let setup = try ReportsTests.Setup()
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        _ = try setup.sandbox.ok(["reports", "review", report, "--accept"], token: setup.coordinator)
        try setup.expectRefusal(["reports", "dispatch", report, "--agency", "不存在的局"], token: setup.coordinator, exit: 1, code: "not_found")
    }

    @Test("Coordinators and riders may not add, update or retire agencies (77); nothing changes")
    func wrongRole() throws {
        let setup = try ReportsTests.Setup()
        let sandbox = setup.sandbox
        let agency = try sandbox.run(["agencies", "list", "--json"], token: setup.coordinator).array()[0]["id"] as! String
        for token in [setup.coordinator, setup.riders[0].token] {
            try sandbox.expectRefusal(["agencies", "add", "某局"], token: token, exit: 77, code: "forbidden")
            try sandbox.expectRefusal(["agencies", "update", agency, "--jurisdiction", "x"], token: token, exit: 77, code: "forbidden")
            try sandbox.expectRefusal(["agencies", "retire", agency], token: token, exit: 77, code: "forbidden")
        }
        try sandbox.expectRefusal(["agencies", "list"], token: setup.riders[0].token, exit: 77, code: "forbidden")
    }

    @Test("Bad input is refused with 65 (66 for a missing key file); nothing changes")
    func badInput() throws {
        let sandbox = try Sandbox()
        let admin = sandbox.adminToken
        let empty = try sandbox.file("empty.txt", "\n")
        let spaced = try sandbox.file("spaced.txt", "has a space\n")
        for args in [
            ["agencies", "add", "某局", "--open311-endpoint", "ftp://example.com/"],
            ["agencies", "add", "某局", "--open311-endpoint", "http://127.0.0.1:9/"],  // loopback without --allow-private
            ["agencies", "add", "某局", "--open311-endpoint", "http://169.254.169.254/"],
            ["agencies", "add", "某局", "--service", "road-damage"],
            ["agencies", "add", "某局", "--api-key-file", empty],
            ["agencies", "add", "某局", "--api-key-file", spaced],
            ["agencies", "add", String(repeating: "局", count: 201)],
        ] {
            try sandbox.expectRefusal(args, token: admin, exit: 65, code: "invalid_input")
        }
        try sandbox.expectRefusal(["agencies", "add", "某局", "--api-key-file", sandbox.root + "/missing"], token: admin, exit: 66)
        try sandbox.expectRefusal(["agencies", "add", "某局", "--service", "no-such-category=1"], token: admin, exit: 1, code: "not_found")
        try sandbox.expectRefusal(["agencies", "add", "拱墅区城管局"], token: admin, exit: 1, code: "already_exists")
        let agency = try sandbox.run(["agencies", "list", "--json"], token: admin).array()[0]["id"] as! String
        try sandbox.expectRefusal(["agencies", "update", agency], token: admin, exit: 65, code: "invalid_input")
    }
}
