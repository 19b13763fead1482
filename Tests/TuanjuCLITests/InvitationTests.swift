import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju riders invite and tuanju join: invitations instead of handed-out tokens")
struct InvitationTests {
    /// Codes from the CSV of `riders invite`.
    func invite(_ sandbox: Sandbox, _ coordinator: String, _ extra: [String] = []) throws -> [String] {
        let result = sandbox.run(["riders", "invite", "--count", "3"] + extra, token: coordinator)
        try #require(result.exit == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "code,expires_at,platform,id" && lines.count == 4)
        return lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
    }

    func join(_ code: String, phone: String = "13711112222", platform: String = "meituan") -> [String] {
        ["join", code, "--name", "新骑手", "--phone", phone, "--platform", platform]
    }

    @Test("A rider joins with a code and gets a working token; the coordinator sees who joined with which code; only hashes are stored")
    func joins() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let codes = try invite(sandbox, coordinator, ["--expires", "2d", "--platform", "meituan"])
        #expect(codes.allSatisfy { $0.range(of: #"^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"#, options: .regularExpression) != nil })
        #expect(!(try sandbox.snapshot()).contains(codes[0]))
        // Case and dashes do not matter.
        let typed = codes[0].lowercased().replacingOccurrences(of: "-", with: " ")
        let joined = try sandbox.ok(join(typed), token: nil)
        let token = try #require(joined["token"] as? String)
        #expect(joined["phone"] as? String == "13711112222" && joined["platform"] as? String == "meituan")
        let me = try sandbox.ok(["whoami"], token: token)
        #expect(me["kind"] as? String == "rider" && me["id"] as? String == joined["id"] as? String)
        let listed = sandbox.run(["riders", "invitations", "--json"], token: coordinator)
        let used = try listed.array().filter { !($0["used_at"] is NSNull) }
        #expect(used.count == 1 && used[0]["rider_id"] as? String == joined["id"] as? String && used[0]["rider_name"] as? String == "新骑手")
        let events = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = 'rider.registered'")
        }
        #expect(events.count == 1 && events[0].contains(used[0]["id"] as! String))
    }

    @Test("A used, unknown, expired or other-platform code and a registered phone get the same refusal; nothing changes")
    func uniformRefusal() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.rider("老骑手", phone: "13900001111", coordinator: coordinator)
        let codes = try invite(sandbox, coordinator, ["--platform", "eleme"])
        _ = try sandbox.ok(join(codes[0], platform: "eleme"), token: nil)
        var messages = Set<String>()
        for arguments in [join(codes[0], phone: "13722223333", platform: "eleme"), join("ABCD-EFGH-JKMN", platform: "eleme"),
                          join(codes[1], phone: "13900001111", platform: "eleme"), join(codes[1], phone: "13722223333", platform: "meituan")] {
            try sandbox.expectRefusal(arguments, token: nil, exit: 1, code: "invitation_invalid")
            messages.insert(sandbox.run(arguments + ["--json"]).stderr)
        }
        try sandbox.database().write { db in
            try db.execute(sql: "UPDATE invitations SET expires_at = '2020-01-01T00:00:00Z'")
        }
        try sandbox.expectRefusal(join(codes[2], phone: "13722223333", platform: "eleme"), token: nil, exit: 1, code: "invitation_invalid")
        messages.insert(sandbox.run(join(codes[2], phone: "13722223333", platform: "eleme") + ["--json"]).stderr)
        #expect(messages.count == 1, "\(messages)")
    }

    @Test("A rider cannot invite (77); bad counts, lifetimes, platforms and join details are 65; nothing changes")
    func refusals() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("骑手", phone: "13900002222", coordinator: coordinator)
        try sandbox.expectRefusal(["riders", "invite", "--count", "1"], token: rider.token, exit: 77, code: "forbidden")
        try sandbox.expectRefusal(["riders", "invitations"], token: rider.token, exit: 77, code: "forbidden")
        try sandbox.expectRefusal(["riders", "invite", "--count", "0"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "invite", "--count", "1001"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "invite", "--count", "1", "--expires", "100d"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "invite", "--count", "1", "--expires", "soon"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "invite", "--count", "1", "--platform", "didi"], token: coordinator, exit: 65, code: "invalid_input")
        let code = try invite(sandbox, coordinator)[0]
        try sandbox.expectRefusal(join(code, phone: "12345"), token: nil, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["join", code, "--name", " ", "--phone", "13711112222", "--platform", "meituan"], token: nil,
                                  exit: 65, code: "invalid_input")
    }
}
