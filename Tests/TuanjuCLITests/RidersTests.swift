import Foundation
import GRDB
import Testing

@Suite("tuanju riders")
struct RiderCommandTests {
    @Test("A registered rider sees their own phone; the coordinator sees it masked")
    func masking() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "138 1234 1234", coordinator: coordinator)
        #expect(try sandbox.ok(["riders", "show"], token: rider.token)["phone"] as? String == "13812341234")
        #expect(try sandbox.ok(["riders", "show", rider.id], token: coordinator)["phone"] as? String == "138****1234")
        let list = try sandbox.run(["riders", "list", "--json"], token: coordinator).array()
        #expect(list.map { $0["phone"] as? String } == ["138****1234"])
        #expect(!sandbox.run(["riders", "list"], token: coordinator).stdout.contains("13812341234"))
    }

    @Test("Events name riders by id, in snake_case, and never carry a phone number")
    func eventsPrivacy() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13812341234", coordinator: coordinator)
        _ = try sandbox.ok(["riders", "update", rider.id, "--phone", "13912345678"], token: coordinator)
        let queue = try sandbox.database()
        let payloads = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT type, payload FROM outbox WHERE type LIKE 'rider.%'").map {
                ($0["type"] as String, $0["payload"] as String)
            }
        }
        #expect(payloads.map(\.0) == ["rider.registered", "rider.updated"])
        for (_, payload) in payloads {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            #expect(object["rider_id"] as? String == rider.id)
            #expect(!payload.contains("13812341234") && !payload.contains("13912345678") && !payload.contains("phone"))
        }
    }

    @Test("A rider cannot see another rider's profile")
    func otherRider() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let li = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        let zhang = try sandbox.rider("张", phone: "13912341234", coordinator: coordinator)
        try sandbox.expectRefusal(["riders", "show", zhang.id], token: li.token, exit: 77, code: "forbidden")
        try sandbox.expectRefusal(["riders", "update", zhang.id, "--name", "X"], token: li.token, exit: 77, code: "forbidden")
    }

    @Test("Bad registrations are refused with 65 and change nothing")
    func badRegistrations() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let base = ["riders", "register", "--name", "李"]
        try sandbox.expectRefusal(base + ["--phone", "12812341234", "--platform", "meituan"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(base + ["--phone", "1381234123", "--platform", "meituan"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(base + ["--phone", "13812341234", "--platform", "didi"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "register", "--name", "", "--phone", "13812341234", "--platform", "eleme"], token: coordinator, exit: 65)
    }

    @Test("A phone number belongs to one rider only")
    func duplicatePhone() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        try sandbox.expectRefusal(
            ["riders", "register", "--name", "冒名", "--phone", "+86 138-1234-1234", "--platform", "eleme"],
            token: coordinator, exit: 1, code: "phone_taken")
    }

    @Test("Update changes the fields given and keeps the others")
    func update() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        let updated = try sandbox.ok(["riders", "update", rider.id, "--branch", "流动党支部", "--party-member", "true"], token: coordinator)
        #expect(updated["branch"] as? String == "流动党支部")
        #expect(updated["party_member"] as? Bool == true)
        #expect(updated["name"] as? String == "李")
        let own = try sandbox.ok(["riders", "update", "--name", "李四"], token: rider.token)
        #expect(own["name"] as? String == "李四")
        try sandbox.expectRefusal(["riders", "update", rider.id], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "update", "rdr_0000000000000000", "--name", "X"], token: coordinator, exit: 1, code: "not_found")
    }

    @Test("A deactivated rider's token stops working; reactivation and a new token bring them back")
    func deactivate() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
        _ = try sandbox.ok(["riders", "deactivate", rider.id], token: coordinator)
        try sandbox.expectRefusal(["riders", "show"], token: rider.token, exit: 77, code: "unauthenticated")
        try sandbox.expectRefusal(["riders", "deactivate", rider.id], token: coordinator, exit: 1, code: "invalid_state")
        try sandbox.expectRefusal(["riders", "token", rider.id], token: coordinator, exit: 1, code: "invalid_state")
        _ = try sandbox.ok(["riders", "reactivate", rider.id], token: coordinator)
        try sandbox.expectRefusal(["riders", "show"], token: rider.token, exit: 77)
        let fresh = try sandbox.ok(["riders", "token", rider.id], token: coordinator)["token"] as! String
        #expect(try sandbox.ok(["riders", "show"], token: fresh)["id"] as? String == rider.id)
    }

    @Test("List filters by platform, party membership and status, and pages")
    func listFilters() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        for (index, platform) in ["meituan", "eleme", "eleme", "other"].enumerated() {
            var args = ["riders", "register", "--name", "R\(index)", "--phone", "1380000000\(index)", "--platform", platform]
            if index % 2 == 0 { args.append("--party-member") }
            _ = try sandbox.ok(args, token: coordinator)
        }
        func names(_ extra: [String]) throws -> [String] {
            try sandbox.run(["riders", "list", "--json"] + extra, token: coordinator).array().map { $0["name"] as! String }
        }
        #expect(try names(["--platform", "eleme"]) == ["R1", "R2"])
        #expect(try names(["--party-member", "true"]) == ["R0", "R2"])
        let first = try #require(try sandbox.run(["riders", "list", "--json", "--limit", "1"], token: coordinator).array().first?["id"] as? String)
        #expect(try names(["--limit", "2", "--after", first]) == ["R1", "R2"])
        try sandbox.expectRefusal(["riders", "list", "--limit", "0"], token: coordinator, exit: 65)
        try sandbox.expectRefusal(["riders", "list", "--platform", "didi"], token: coordinator, exit: 65)
    }
}
