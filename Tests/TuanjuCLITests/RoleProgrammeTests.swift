import Foundation
import GRDB
import Testing
@testable import TuanjuCLI

@Suite("tuanju roles add/update/retire, roles categories add/retire")
struct RoleProgrammeTests {
    @Test("A new role and category work like the seeded ones; retiring them stops new postings and reports only")
    func lifecycle() throws {
        let setup = try ReportsTests.Setup()
        let (sandbox, coordinator) = (setup.sandbox, setup.coordinator)
        let role = try sandbox.ok(["roles", "add", "elder-helper", "--name-zh", "助老员", "--name-en", "Elder helper"], token: coordinator)
        #expect(role["code"] as? String == "elder-helper" && role["retired_at"] is NSNull)
        _ = try sandbox.ok(["roles", "update", "elder-helper", "--description", "探访独居老人"], token: coordinator)
        let category = try sandbox.ok(["roles", "categories", "add", "hazard-inspector", "pothole", "--name-zh", "路面坑洼",
                                       "--name-en", "Pothole", "--points", "5-20"], token: coordinator)
        #expect(category["points"] as? Int == 5 && category["points_max"] as? Int == 20)
        let listed = try sandbox.run(["roles", "list", "--json"]).array()
        #expect(listed.contains { $0["code"] as? String == "elder-helper" })
        // A review gives at most the category's MAX.
        let report = try setup.submit(0, ["--category", "pothole"], photos: [try setup.photo()]).object()["id"] as! String
        try sandbox.expectRefusal(["reports", "review", report, "--accept", "--points", "30"], token: coordinator, exit: 65, code: "invalid_input")
        #expect(try sandbox.ok(["reports", "review", report, "--accept", "--points", "20"], token: coordinator)["points_awarded"] as? Int == 20)
        // A retired category takes no new reports; the one made stays.
        _ = try sandbox.ok(["roles", "categories", "retire", "pothole"], token: coordinator)
        try sandbox.expectRefusal(["reports", "submit", "--category", "pothole", "--photo", try setup.photo("b.jpg", seed: 2)],
                                  token: setup.riders[1].token, exit: 1, code: "invalid_state")
        #expect(try sandbox.ok(["reports", "show", report], token: coordinator)["status"] as? String == "accepted")
        // A retired role takes no new postings; its claims keep working.
        _ = try sandbox.ok(["roles", "retire", "hazard-inspector"], token: coordinator)
        try sandbox.expectRefusal(["tasks", "create", "--role", "hazard-inspector", "--title", "T", "--capacity", "2"], token: coordinator,
                                  exit: 1, code: "invalid_state")
        _ = try sandbox.ok(["tasks", "release", setup.task], token: setup.riders[0].token)
        let after = try sandbox.run(["roles", "list", "--json"]).array()
        #expect(!after.contains { $0["code"] as? String == "hazard-inspector" })
        let events = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE action LIKE 'role.%' OR action LIKE 'category.%' ORDER BY seq")
        }
        #expect(events == ["role.created", "role.updated", "category.created", "category.retired", "role.retired"])
    }

    @Test("Riders are refused every role command with 77; nothing changes")
    func riderRefused() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
        for args in [
            ["roles", "add", "elder-helper", "--name-zh", "助老员", "--name-en", "Elder helper"],
            ["roles", "update", "hazard-inspector", "--name-en", "X"],
            ["roles", "retire", "hazard-inspector"],
            ["roles", "categories", "add", "hazard-inspector", "pothole", "--name-zh", "坑", "--name-en", "Pothole", "--points", "5-20"],
            ["roles", "categories", "retire", "road-damage"],
        ] {
            try sandbox.expectRefusal(args, token: rider.token, exit: 77, code: "forbidden")
        }
    }

    @Test("Bad codes, names and ranges are refused with 65; a code taken is refused with 1; nothing changes")
    func badInput() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        for args in [
            ["roles", "add", "Elder Helper", "--name-zh", "助老员", "--name-en", "Elder helper"],
            ["roles", "add", "elder-helper", "--name-zh", " ", "--name-en", "Elder helper"],
            ["roles", "update", "hazard-inspector"],
            ["roles", "categories", "add", "hazard-inspector", "pothole", "--name-zh", "坑", "--name-en", "Pothole", "--points", "20-5"],
            ["roles", "categories", "add", "hazard-inspector", "pothole", "--name-zh", "坑", "--name-en", "Pothole", "--points", "lots"],
            ["roles", "categories", "add", "hazard-inspector", "pothole", "--name-zh", "坑", "--name-en", "Pothole", "--points", "5-20000"],
        ] {
            try sandbox.expectRefusal(args, token: coordinator, exit: 65, code: "invalid_input")
        }
        try sandbox.expectRefusal(["roles", "add", "hazard-inspector", "--name-zh", "重复", "--name-en", "Dup"], token: coordinator,
                                  exit: 1, code: "already_exists")
        try sandbox.expectRefusal(["roles", "categories", "add", "hazard-inspector", "road-damage", "--name-zh", "重复", "--name-en", "Dup",
                                   "--points", "1-2"], token: coordinator, exit: 1, code: "already_exists")
    }
}
