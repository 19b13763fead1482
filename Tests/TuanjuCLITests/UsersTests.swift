import Testing

@Suite("tuanju users")
struct UsersTests {
    @Test("An admin adds a coordinator whose token works")
    func addCoordinator() throws {
        let sandbox = try Sandbox()
        let token = try sandbox.coordinator("王协调")
        let me = try sandbox.ok(["whoami"], token: token)
        #expect(me["kind"] as? String == "coordinator")
        #expect(me["name"] as? String == "王协调")
    }

    @Test("A revoked user's token stops working at once")
    func revoke() throws {
        let sandbox = try Sandbox()
        let added = try sandbox.ok(["users", "add", "--name", "Temp", "--role", "coordinator"], token: sandbox.adminToken)
        let token = added["token"] as! String
        _ = try sandbox.ok(["users", "revoke", added["id"] as! String], token: sandbox.adminToken)
        try sandbox.expectRefusal(["whoami"], token: token, exit: 77, code: "unauthenticated")
    }

    @Test("The last admin cannot be revoked")
    func lastAdmin() throws {
        let sandbox = try Sandbox()
        let me = try sandbox.ok(["whoami"], token: sandbox.adminToken)
        try sandbox.expectRefusal(["users", "revoke", me["id"] as! String], token: sandbox.adminToken, exit: 1, code: "last_admin")
    }

    @Test("An unknown role and an empty name are refused")
    func badInput() throws {
        let sandbox = try Sandbox()
        // A value the option cannot take is bad input (65), like one the service refuses (CLI.md).
        try sandbox.expectRefusal(["users", "add", "--name", "X", "--role", "rider"], token: sandbox.adminToken, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["users", "add", "--name", "  ", "--role", "admin"], token: sandbox.adminToken, exit: 65, code: "invalid_input")
    }

    @Test("Without --json an error is one line on stderr")
    func plainError() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["users", "list"], token: "tj_nope")
        #expect(result.exit == 77)
        #expect(result.stderr == "error: the token is unknown or has been revoked\n")
        #expect(result.stdout.isEmpty)
    }
}
