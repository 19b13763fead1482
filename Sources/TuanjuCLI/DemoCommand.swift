import ArgumentParser
import Foundation
import Riders
import TuanjuService

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole flow on a fresh temporary data directory, narrated.",
        discussion: "Nothing outside the temporary directory is touched; it is removed at the end unless --keep is given.")

    @Flag(help: "Keep the demo's data directory and print its path.") var keep = false
    @Flag(help: "Print JSON lines (one per step) instead of narration.") var json = false

    func run() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tuanju-demo-\(UUID().uuidString.prefix(8))").path
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        let narrator = Narrator(json: json)
        try DemoScript(directory: DataDirectory(path: root), narrator: narrator).run()
        if keep { narrator.say("The demo's data is kept in \(root) (use --data \(root)).") }
    }
}

/// Prints the demo's steps: a heading and lines, or one JSON object per step.
struct Narrator {
    let json: Bool

    func step(_ title: String) {
        if !json { Console.current.out(""); Console.current.out("== \(title)") }
    }

    func say(_ line: String) {
        if !json { Console.current.out("   \(line)") }
    }

    func record<T: Encodable>(_ step: String, _ value: T) throws {
        guard json else { return }
        let data = try JSONEncoder().encode(["step": step])
        let detail = try Output.encoder.encode(value)
        Console.current.out(String(decoding: data.dropLast(), as: UTF8.self) + ",\"result\":"
            + String(decoding: detail, as: UTF8.self).replacingOccurrences(of: "\n", with: "") + "}")
    }
}

/// The demo itself: what a newcomer should see, in order. Each feature adds its scene.
struct DemoScript {
    let directory: DataDirectory
    let narrator: Narrator

    func run() throws {
        narrator.step("1. Set up: 文晖街道 installs Tuanju")
        let (app, setup) = try Tuanju.initialize(directory)
        narrator.say("Data directory \(setup.data), schema version \(setup.schemaVersion).")
        narrator.say("The first admin's token was printed once; only its SHA-256 hash is stored.")
        try narrator.record("init", ["schema_version": setup.schemaVersion])
        let admin = try app.authenticate(token: setup.adminToken)

        narrator.step("2. The admin adds a coordinator (街道工作人员)")
        let coordinatorIssued = try app.addUser(admin, name: "王协调", role: .coordinator)
        let coordinator = try app.authenticate(token: coordinatorIssued.token)
        narrator.say("\(coordinator.name) is a coordinator (\(coordinator.id)).")
        try narrator.record("users.add", ["id": coordinator.id, "role": "coordinator"])

        narrator.step("3. The coordinator registers two riders")
        let li = try app.registerRider(
            coordinator, name: "李骑手", phone: "13812341234", platform: "meituan", partyMember: true,
            branch: "外卖骑手流动党支部")
        let zhang = try app.registerRider(
            coordinator, name: "张骑手", phone: "+86 159 0000 8888", platform: "eleme", partyMember: false, branch: nil)
        for issued in [li, zhang] {
            narrator.say("\(issued.profile.name): \(issued.profile.platform.rawValue), phone \(issued.profile.phone), "
                + "party member: \(issued.profile.partyMember ? "yes" : "no")")
        }
        try narrator.record("riders.register", [li.profile.id, zhang.profile.id])

        narrator.step("4. Privacy: a rider sees their own phone; everyone else sees it masked")
        let liCaller = try app.authenticate(token: li.token)
        narrator.say("李骑手 sees:       \(try app.rider(liCaller, id: nil).phone)")
        narrator.say("the coordinator sees: \(try app.rider(coordinator, id: li.profile.id).phone)")
        do {
            _ = try app.rider(liCaller, id: zhang.profile.id)
        } catch {
            narrator.say("李骑手 asks for 张骑手's profile: refused (\(error)).")
        }

        try importScene(app, coordinator)

        narrator.step("6. The 8 governance roles riders can claim (先锋治理)")
        let roles = try app.roles()
        for entry in roles {
            let points = entry.categories.map(\.points)
            narrator.say("\(entry.role.nameZh) \(entry.role.name): \(entry.categories.count) report categories, "
                + "\(points.min() ?? 0)–\(points.max() ?? 0) points")
        }
        try narrator.record("roles.list", roles.map(\.role.code))

        narrator.step("7. A deactivated rider's token stops working")
        _ = try app.deactivateRider(coordinator, id: zhang.profile.id)
        do {
            _ = try app.authenticate(token: zhang.token)
        } catch {
            narrator.say("张骑手's token after deactivation: \(error)")
        }
        narrator.step("Done")
        narrator.say("Every change above also went to the outbox, ready to be announced by webhooks.")
    }

    private func importScene(_ app: Tuanju, _ coordinator: Caller) throws {
        narrator.step("5. The coordinator imports the platform's rider list (CSV)")
        let csv = """
            name,phone,platform,party_member,branch
            陈骑手,13700001111,meituan,是,外卖骑手流动党支部
            赵骑手,13700002222,eleme,否,
            钱骑手,12345,meituan,no,
            孙骑手,13700003333,bicycle,no,
            周骑手,13700004444,other,yes,外卖骑手流动党支部

            """
        let path = directory.path + "/exports/demo-riders.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let first = try app.importRiders(coordinator, path: path, strict: false)
        narrator.say("First import: \(first.imported) new, \(first.skipped) bad rows reported:")
        for error in first.errors { narrator.say("  line \(error.line): \(error.message)") }
        let second = try app.importRiders(coordinator, path: path, strict: false)
        narrator.say("Same file again: \(second.imported) new, \(second.unchanged) unchanged: no duplicates.")
        try narrator.record("riders.import", ["imported": first.imported, "skipped": first.skipped])
    }
}
