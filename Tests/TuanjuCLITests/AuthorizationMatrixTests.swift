import PhotoFixtures
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
        let report: String
        let reward: String
        let redemption: String
        let photo: String
        let answers: String
        let backup: String

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
            photo = try sandbox.file("p.jpg", bytes: PhotoFixtures.jpeg(width: 32, height: 24, seed: 1))
            report = try sandbox.ok(["reports", "submit", "--category", "road-damage", "--lat", "30.29", "--lon", "120.17",
                                     "--photo", photo], token: rider.token)["id"] as! String
            _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "100", "--reason", "r"], token: coordinator)
            reward = try sandbox.ok(["rewards", "add", "--name", "R", "--cost", "10", "--stock", "5"], token: coordinator)["id"] as! String
            redemption = try sandbox.ok(["rewards", "redeem", reward], token: rider.token)["request_id"] as! String
            _ = try sandbox.ok(["activities", "signup", "ses-health-1"], token: rider.token)
            answers = try sandbox.file("a.json", #"{"consent": true, "answers": {"platform": "meituan"}}"#)
            backup = sandbox.root + "/backup"
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
        Case(name: "riders invite", allowed: staff) { _ in ["riders", "invite", "--count", "1"] },
        Case(name: "riders invitations", allowed: staff) { _ in ["riders", "invitations"] },
        Case(name: "inbox", allowed: [.rider, .otherRider]) { _ in ["inbox"] },
        Case(name: "inbox read --all", allowed: [.rider, .otherRider]) { _ in ["inbox", "read", "--all"] },
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
        Case(name: "points balance --rider", allowed: staff.union([.rider])) { w in ["points", "balance", "--rider", w.target] },
        Case(name: "points history --rider", allowed: staff.union([.rider])) { w in ["points", "history", "--rider", w.target] },
        Case(name: "points award", allowed: staff) { w in ["points", "award", "--rider", w.target, "--amount", "5", "--reason", "r"] },
        Case(name: "points adjust", allowed: [.admin]) { w in ["points", "adjust", "--rider", w.target, "--amount", "5", "--reason", "r"] },
        Case(name: "points verify", allowed: [.admin]) { _ in ["points", "verify"] },
        Case(name: "rewards add", allowed: staff) { _ in ["rewards", "add", "--name", "N", "--cost", "1", "--stock", "1"] },
        Case(name: "rewards update", allowed: staff) { w in ["rewards", "update", w.reward, "--stock", "9"] },
        Case(name: "rewards list", allowed: everyone) { _ in ["rewards", "list"] },
        Case(name: "rewards redeem", allowed: [.rider, .otherRider]) { w in ["rewards", "redeem", w.reward] },
        Case(name: "redemptions run", allowed: staff) { _ in ["redemptions", "run"] },
        Case(name: "redemptions list --rider", allowed: staff.union([.rider])) { w in ["redemptions", "list", "--rider", w.target] },
        Case(name: "redemptions cancel (someone else's)", allowed: [.rider]) { w in ["redemptions", "cancel", w.redemption] },
        Case(name: "webhooks list", allowed: [.admin]) { _ in ["webhooks", "list"] },
        Case(name: "webhooks add", allowed: [.admin]) { _ in ["webhooks", "add", "https://example.com/hook", "--events", "all"] },
        Case(name: "map add", allowed: staff) { _ in ["map", "add", "--kind", "box", "--name", "B", "--lat", "30.29", "--lon", "120.17"] },
        Case(name: "map import", allowed: staff) { w in ["map", "import", w.csv] },
        Case(name: "map demand", allowed: staff) { _ in ["map", "demand"] },
        Case(name: "reports submit", allowed: [.rider, .otherRider]) { w in
            ["reports", "submit", "--category", "road-damage", "--lat", "30.29", "--lon", "120.17", "--photo", w.photo]
        },
        // A posting is public: the other rider holds no seat on it, which is no_active_claim (exit 1), not a 77.
        Case(name: "reports submit with --task of a posting held by another rider", allowed: [.rider, .otherRider]) { w in
            ["reports", "submit", "--category", "road-damage", "--task", w.task, "--lat", "30.29", "--lon", "120.17", "--photo", w.photo]
        },
        Case(name: "reports list --rider", allowed: staff.union([.rider])) { w in ["reports", "list", "--rider", w.target] },
        Case(name: "reports show (someone else's)", allowed: staff.union([.rider])) { w in ["reports", "show", w.report] },
        Case(name: "reports review", allowed: staff) { w in ["reports", "review", w.report, "--accept"] },
        Case(name: "reports dispatch", allowed: staff) { w in ["reports", "dispatch", w.report, "--agency", "拱墅区城管局"] },
        Case(name: "reports resolve", allowed: staff) { w in ["reports", "resolve", w.report] },
        Case(name: "reports reopen", allowed: staff) { w in ["reports", "reopen", w.report] },
        Case(name: "reports export", allowed: staff) { _ in ["reports", "export", "--format", "csv"] },
        Case(name: "photos gc", allowed: [.admin]) { _ in ["photos", "gc", "--dry-run"] },
        Case(name: "photos rebuild", allowed: staff) { _ in ["photos", "rebuild"] },
        Case(name: "reports photos (someone else's)", allowed: staff.union([.rider])) { w in
            ["reports", "photos", w.report, "--output", w.photo + "-copies"]
        },
        Case(name: "surveys list", allowed: everyone) { _ in ["surveys", "list"] },
        Case(name: "surveys answer", allowed: [.rider, .otherRider]) { w in ["surveys", "answer", "needs", "--answers", w.answers] },
        Case(name: "surveys portrait", allowed: staff) { _ in ["surveys", "portrait", "needs"] },
        Case(name: "map kinds add", allowed: staff) { _ in ["map", "kinds", "add", "toilet", "--name-zh", "厕所", "--name-en", "T"] },
        Case(name: "map kinds update", allowed: staff) { _ in ["map", "kinds", "update", "box", "--name-en", "Box"] },
        Case(name: "roles add", allowed: staff) { _ in ["roles", "add", "elder-helper", "--name-zh", "助老员", "--name-en", "E"] },
        Case(name: "roles update", allowed: staff) { _ in ["roles", "update", "anti-fraud-promoter", "--name-en", "E"] },
        Case(name: "roles retire", allowed: staff) { _ in ["roles", "retire", "anti-fraud-promoter"] },
        Case(name: "roles categories add", allowed: staff) { _ in
            ["roles", "categories", "add", "anti-fraud-promoter", "scam-call", "--name-zh", "诈骗电话", "--name-en", "S", "--points", "1-5"]
        },
        Case(name: "roles categories retire", allowed: staff) { _ in ["roles", "categories", "retire", "road-damage"] },
        Case(name: "surveys publish", allowed: staff) { _ in ["surveys", "publish", SurveyPublishingTests.v2] },
        Case(name: "surveys close", allowed: staff) { _ in ["surveys", "close", "needs"] },
        Case(name: "surveys reopen", allowed: staff) { _ in ["surveys", "reopen", "needs"] },
        Case(name: "activities list", allowed: everyone) { _ in ["activities", "list"] },
        Case(name: "activities signup", allowed: [.rider, .otherRider]) { _ in ["activities", "signup", "ses-health-2"] },
        Case(name: "activities cancel", allowed: [.rider, .otherRider]) { _ in ["activities", "cancel", "ses-health-1"] },
        Case(name: "activities attendees", allowed: staff) { _ in ["activities", "attendees", "ses-health-1"] },
        Case(name: "activities checkin", allowed: staff) { w in ["activities", "checkin", "ses-health-1", w.target] },
        Case(name: "activities add", allowed: staff) { _ in ["activities", "add", "--kind", "skills", "--title", "T"] },
        Case(name: "activities update", allowed: staff) { _ in ["activities", "update", "act-skills-camp", "--title", "T"] },
        Case(name: "activities retire", allowed: staff) { _ in ["activities", "retire", "act-skills-camp"] },
        Case(name: "activities schedule", allowed: staff) { _ in
            ["activities", "schedule", "act-skills-camp", "--starts", "2099-01-01T09:00:00+08:00", "--ends", "2099-01-01T11:00:00+08:00",
             "--place", "P", "--capacity", "5"]
        },
        Case(name: "activities reschedule", allowed: staff) { _ in
            ["activities", "reschedule", "ses-health-2", "--starts", "2099-01-01T09:00:00+08:00", "--ends", "2099-01-01T11:00:00+08:00"]
        },
        Case(name: "activities resize", allowed: staff) { _ in ["activities", "resize", "ses-health-1", "--capacity", "40"] },
        Case(name: "activities cancel-session", allowed: staff) { _ in ["activities", "cancel-session", "ses-health-1", "--reason", "R"] },
        Case(name: "lessons list", allowed: everyone) { _ in ["lessons", "list"] },
        Case(name: "lessons complete", allowed: [.rider, .otherRider]) { _ in ["lessons", "complete", "lesson-01"] },
        Case(name: "lessons show", allowed: everyone) { _ in ["lessons", "show", "lesson-01"] },
        Case(name: "lessons add", allowed: staff) { _ in
            ["lessons", "add", "--title", "T", "--summary", "S", "--link", "https://tuanju.invalid/l", "--points", "1"]
        },
        Case(name: "lessons update", allowed: staff) { _ in ["lessons", "update", "lesson-01", "--points", "3"] },
        Case(name: "lessons retire", allowed: staff) { _ in ["lessons", "retire", "lesson-02"] },
        Case(name: "doctor", allowed: [.admin]) { _ in ["doctor"] },
        Case(name: "audit list", allowed: [.admin]) { _ in ["audit", "list"] },
        Case(name: "backup", allowed: [.admin]) { w in ["backup", w.backup] },
        Case(name: "privacy purge", allowed: [.admin]) { _ in ["privacy", "purge", "--dry-run"] },
        Case(name: "privacy erase", allowed: [.admin]) { w in ["privacy", "erase", w.target] },
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
        // One world per command: no allowed call takes a later caller's right away (riders go first, and no
        // case lets staff deactivate the rider).
        let world = try World()
        for who in [Who.rider, .otherRider, .coordinator, .admin] where testCase.allowed.contains(who) {
            let result = world.sandbox.run(testCase.args(world) + ["--json"], token: world.tokens[who])
            #expect(result.exit != 77, "\(who) was refused \(testCase.name): \(result.stderr)")
        }
    }

    @Test("Public listings need no token")
    func publicListings() throws {
        let world = try World()
        for args in [["roles", "list"], ["map", "nearest", "--lat", "30.29", "--lon", "120.17"], ["map", "export"],
                     ["map", "kinds"], ["reports", "services"]] {
            #expect(world.sandbox.run(args + ["--json"]).exit == 0, "\(args)")
        }
    }
}
