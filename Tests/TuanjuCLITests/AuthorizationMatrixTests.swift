import Testing

/// Every command that needs a token, run as every kind of caller: those who may not use it are refused
/// with 77 and the database is unchanged; those who may are not refused.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    enum Who: String, CaseIterable, CustomTestStringConvertible {
        case noToken, unknownToken, revokedCoordinator, deactivatedRider, rider, otherRider, coordinator, admin
        var testDescription: String { rawValue }
    }

    /// A sandbox with one caller of each kind and a target rider to act on.
    struct World {
        let sandbox: Sandbox
        let tokens: [Who: String]
        let target: String  // the rider `rider` is; `otherRider` is someone else
        let csv: String
        let task: String

        init() throws {
            sandbox = try Sandbox()
            let coordinator = try sandbox.coordinator()
            let revoked = try sandbox.ok(["users", "add", "--name", "Old", "--role", "coordinator"], token: sandbox.adminToken)
            _ = try sandbox.ok(["users", "revoke", revoked["id"] as! String], token: sandbox.adminToken)
            let rider = try sandbox.rider("李", phone: "13812341234", coordinator: coordinator)
            let other = try sandbox.rider("张", phone: "13912341234", coordinator: coordinator)
            let gone = try sandbox.rider("赵", phone: "13712341234", coordinator: coordinator)
            _ = try sandbox.ok(["riders", "deactivate", gone.id], token: coordinator)
            tokens = [
                .unknownToken: "tj_" + String(repeating: "A", count: 43),
                .revokedCoordinator: revoked["token"] as! String,
                .deactivatedRider: gone.token, .rider: rider.token, .otherRider: other.token,
                .coordinator: coordinator, .admin: sandbox.adminToken,
            ]
            target = rider.id
            csv = try sandbox.file("r.csv", "name,phone,platform,party_member,branch\n陈,13700001111,meituan,yes,\n")
            task = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "T", "--capacity", "5"],
                                  token: coordinator)["id"] as! String
            _ = try sandbox.ok(["tasks", "claim", task], token: rider.token)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let allowed: Set<Who>
        let args: @Sendable (_ world: World) -> [String]
        var testDescription: String { name }
    }

    static let staff: Set<Who> = [.coordinator, .admin]
    static let everyone: Set<Who> = [.rider, .otherRider, .coordinator, .admin]
    static let cases: [Case] = [
        Case(name: "whoami", allowed: [.rider, .otherRider, .coordinator, .admin]) { _ in ["whoami"] },
        Case(name: "users add", allowed: [.admin]) { _ in ["users", "add", "--name", "N", "--role", "coordinator"] },
        Case(name: "users list", allowed: [.admin]) { _ in ["users", "list"] },
        Case(name: "users revoke", allowed: [.admin]) { _ in ["users", "revoke", "usr_0000000000000000"] },
        Case(name: "riders register", allowed: staff) { _ in
            ["riders", "register", "--name", "N", "--phone", "13600000000", "--platform", "other"]
        },
        Case(name: "riders import", allowed: staff) { w in ["riders", "import", w.csv] },
        Case(name: "riders list", allowed: staff) { _ in ["riders", "list"] },
        Case(name: "riders show ID", allowed: staff.union([.rider])) { w in ["riders", "show", w.target] },
        Case(name: "riders update ID", allowed: staff.union([.rider])) { w in ["riders", "update", w.target, "--name", "New"] },
        Case(name: "riders deactivate", allowed: staff) { w in ["riders", "deactivate", w.target] },
        Case(name: "riders reactivate", allowed: staff) { w in ["riders", "reactivate", w.target] },
        Case(name: "riders token", allowed: staff) { w in ["riders", "token", w.target] },
        Case(name: "tasks create", allowed: staff) { _ in
            ["tasks", "create", "--role", "hazard-inspector", "--title", "N", "--capacity", "1"]
        },
        Case(name: "tasks update", allowed: staff) { w in ["tasks", "update", w.task, "--title", "New"] },
        Case(name: "tasks close", allowed: staff) { w in ["tasks", "close", w.task] },
        Case(name: "tasks list", allowed: everyone) { _ in ["tasks", "list"] },
        Case(name: "tasks show", allowed: everyone) { w in ["tasks", "show", w.task] },
        Case(name: "tasks claim", allowed: [.rider, .otherRider]) { w in ["tasks", "claim", w.task] },
        Case(name: "tasks release", allowed: [.rider, .otherRider]) { w in ["tasks", "release", w.task] },
        Case(name: "tasks revoke", allowed: staff) { w in ["tasks", "revoke", w.task, w.target, "--reason", "r"] },
        Case(name: "tasks claims --rider", allowed: staff.union([.rider])) { w in ["tasks", "claims", "--rider", w.target] },
        Case(name: "settings list", allowed: [.admin]) { _ in ["settings", "list"] },
        Case(name: "settings set", allowed: [.admin]) { _ in ["settings", "set", "max_active_claims", "5"] },
    ]

    @Test("Callers who may not use a command are refused with 77 and nothing changes", arguments: cases)
    func refused(_ testCase: Case) throws {
        let world = try World()
        for who in Who.allCases where !testCase.allowed.contains(who) {
            try world.sandbox.expectRefusal(
                testCase.args(world), token: world.tokens[who], exit: 77)
        }
    }

    @Test("Callers who may use a command are not refused", arguments: cases)
    func allowed(_ testCase: Case) throws {
        for who in testCase.allowed {
            let world = try World()
            let result = world.sandbox.run(testCase.args(world) + ["--json"], token: world.tokens[who])
            #expect(result.exit != 77, "\(who) was refused \(testCase.name): \(result.stderr)")
        }
    }

    @Test("Public listings need no token")
    func publicListings() throws {
        let world = try World()
        #expect(world.sandbox.run(["roles", "list", "--json"]).exit == 0)
    }
}
