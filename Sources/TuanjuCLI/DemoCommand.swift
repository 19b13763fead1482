import ArgumentParser
import Foundation
import Governance
import Riders
import TuanjuCore
import TuanjuService
import TuanjuViews

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "demo", abstract: CLIMsg.demoAbstract.text, discussion: CLIMsg.demoDiscussion.text)
    }

    @Flag(help: ArgumentHelp(.demoOptKeep)) var keep = false
    @Flag(help: ArgumentHelp(.demoOptJSON)) var json = false
    @Option(help: ArgumentHelp(.optLang, valueName: "zh|en")) var lang: String?
    @Flag(help: ArgumentHelp(DemoServeMsg.optServe)) var serve = false
    @Option(help: ArgumentHelp(DemoServeMsg.optPort, valueName: "port")) var port = 8080

    func run() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tuanju-demo-\(UUID().uuidString.prefix(8))").path
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        let narrator = Narrator(json: json)
        let coordinatorToken = try DemoScript(directory: DataDirectory(path: root), narrator: narrator).run()
        if keep { narrator.say(CLIMsg.demoKept.text(["path": root])) }
        if serve { try DemoServe.run(DataDirectory(path: root), token: coordinatorToken, port: port, json: json) }
    }
}

/// Prints the demo's steps: a numbered heading and lines, or one JSON object per step.
final class Narrator {
    let json: Bool
    private var steps = 0

    init(json: Bool) {
        self.json = json
    }

    func step(_ title: CLIMsg) { step(title as any CatalogMessage) }

    func step(_ title: any CatalogMessage) {
        steps += 1
        if !json { Console.current.out(""); Console.current.out("== \(steps). \(title.text)") }
    }

    func say(_ line: String) {
        if !json { Console.current.out("   \(line)") }
    }

    func say(_ message: CLIMsg, _ arguments: [String: String] = [:]) { say(message as any CatalogMessage, arguments) }

    func say(_ message: any CatalogMessage, _ arguments: [String: String] = [:]) {
        say(message.text(arguments))
    }

    func record<T: Encodable>(_ step: String, _ value: T) throws {
        guard json else { return }
        let data = try JSONEncoder().encode(["step": step])
        let detail = try Output.encoder.encode(JSONTree.encode(value))
        Console.current.out(String(decoding: data.dropLast(), as: UTF8.self) + ",\"result\":"
            + String(decoding: detail, as: UTF8.self).replacingOccurrences(of: "\n", with: "") + "}")
    }
}

/// The demo itself: what a newcomer should see, in order. Each feature adds its scene.
struct DemoScript {
    let directory: DataDirectory
    let narrator: Narrator

    /// Runs every scene; returns the demo coordinator's token (`demo --serve` prints it for the console).
    @discardableResult
    func run() throws -> String {
        narrator.step(.demoSetup)
        let (app, setup) = try Tuanju.initialize(directory)
        narrator.say(.demoSetupDone, ["path": setup.data, "version": "\(setup.schemaVersion)"])
        narrator.say(.demoTokenHashed)
        try narrator.record("init", ["schema_version": setup.schemaVersion])
        let admin = try app.authenticate(token: setup.adminToken, command: Invocation.command)
        // The dashboard subscribes first, so the whole flow below reaches it (scene 9 delivers it).
        let receiver = try DemoReceiver()
        defer { receiver.stop() }
        let endpoint = try app.addWebhook(admin, url: "http://127.0.0.1:\(receiver.port)/cockpit", events: "all", allowPrivate: true)
        receiver.use(secret: endpoint.secret)

        narrator.step(.demoCoordinator)
        let coordinatorIssued = try app.addUser(admin, name: "王协调", role: .coordinator)
        let coordinator = try app.authenticate(token: coordinatorIssued.token, command: Invocation.command)
        narrator.say(.demoCoordinatorDone, ["name": coordinator.name, "id": coordinator.id])
        try narrator.record("users.add", ["id": coordinator.id, "role": "coordinator"])

        narrator.step(.demoRegister)
        let li = try app.registerRider(
            coordinator, name: "李骑手", phone: "13812341234", platform: "meituan", partyMember: true,
            branch: "外卖骑手流动党支部")
        let zhang = try app.registerRider(
            coordinator, name: "张骑手", phone: "+86 159 0000 8888", platform: "eleme", partyMember: false, branch: nil)
        for issued in [li, zhang] {
            narrator.say(.demoRiderLine, [
                "name": issued.profile.name, "platform": issued.profile.platform.localized,
                "phone": issued.profile.phone, "party": issued.profile.partyMember.localized,
            ])
        }
        try narrator.record("riders.register", [li.profile.id, zhang.profile.id])

        narrator.step(.demoPrivacy)
        let liCaller = try app.authenticate(token: li.token, command: Invocation.command)
        narrator.say(.demoSeesOwn, ["name": li.profile.name, "phone": try app.rider(liCaller, id: nil).phone])
        narrator.say(.demoCoordinatorSees, ["phone": try app.rider(coordinator, id: li.profile.id).phone])
        do {
            _ = try app.rider(liCaller, id: zhang.profile.id)
        } catch {
            narrator.say(.demoRefused, ["who": li.profile.name, "whom": zhang.profile.name, "reason": "\(error)"])
        }

        try importScene(app, coordinator)

        narrator.step(.demoRoles)
        let roles = try app.roles()
        for entry in roles {
            let points = entry.categories.map(\.points)
            narrator.say(.demoRoleLine, [
                "name": localizedName(en: entry.role.name, zh: entry.role.nameZh),
                "count": "\(entry.categories.count)", "min": "\(points.min() ?? 0)", "max": "\(points.max() ?? 0)",
            ])
        }
        try narrator.record("roles.list", roles.map(\.role.code))

        try mapScene(app, coordinator)
        try claimScene(app, coordinator, li: liCaller)
        let city = try connectAgency(app, admin: admin)
        defer { city.stop() }
        try reportScene(app, coordinator, li: liCaller)
        try inboxScene(app, coordinator, li: liCaller)
        try loopScene(app, admin: admin, coordinator, city: city)
        try pointsScene(app, admin: admin, coordinator, li: liCaller)
        try engagementScene(app, coordinator, li: liCaller)
        try erasureScene(app, admin: admin, coordinator)

        try webhookScene(app, admin: admin, receiver: receiver, url: endpoint.url)

        narrator.step(.demoDeactivate)
        _ = try app.deactivateRider(coordinator, id: zhang.profile.id)
        do {
            _ = try app.authenticate(token: zhang.token, command: Invocation.command)
        } catch {
            narrator.say(.demoDeactivated, ["name": zhang.profile.name, "reason": "\(error)"])
        }
        narrator.step(.demoDone)
        narrator.say(.demoOutbox, ["count": "\(try app.outboxEventCount())"])
        return coordinatorIssued.token
    }

    /// Everything above arrives at the dashboard, signed.
    private func webhookScene(_ app: Tuanju, admin: Caller, receiver: DemoReceiver, url: String) throws {
        narrator.step(.demoWebhooks)
        narrator.say(.demoWebhookAdded, ["url": url])
        let summary = try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: 30)
        let messages = receiver.messages
        var counts: [String: Int] = [:]
        for message in messages { counts[message.type, default: 0] += 1 }
        for (type, count) in counts.sorted(by: { $0.key < $1.key }) {
            narrator.say(.demoWebhookArrived, ["type": type, "count": "\(count)"])
        }
        narrator.say(.demoWebhookSummary, ["delivered": "\(summary.delivered)", "valid": "\(messages.filter(\.valid).count)"])
        try narrator.record("webhooks.deliver", ["delivered": summary.delivered, "verified": messages.filter(\.valid).count])
    }

    private func claimScene(_ app: Tuanju, _ coordinator: Caller, li: Caller) throws {
        narrator.step(.demoClaims)
        let posting = try app.createTask(coordinator, try TaskDraft(
            roleCode: "hazard-inspector", title: "文晖路井盖巡查", capacity: 2, points: 20))
        narrator.say(.demoPosted, ["title": posting.title, "capacity": "\(posting.capacity)"])
        let imported = try app.listRiders(coordinator, RiderFilter()).rows.filter { $0.name == "陈骑手" || $0.name == "周骑手" }
        let chen = try app.authenticate(token: try app.issueRiderToken(coordinator, id: imported[0].id).token, command: Invocation.command)
        let zhou = try app.authenticate(token: try app.issueRiderToken(coordinator, id: imported[1].id).token, command: Invocation.command)
        for rider in [li, chen] {
            _ = try app.claimTask(rider, id: posting.id)
            narrator.say(.demoClaimed, ["name": rider.name])
        }
        do {
            _ = try app.claimTask(zhou, id: posting.id)
        } catch {
            narrator.say(.demoClaimFull, ["name": zhou.name, "reason": "\(error)"])
        }
        let detail = try app.task(coordinator, id: posting.id)
        narrator.say(.demoSeats, ["claimed": "\(detail.task.claimed)", "capacity": "\(detail.task.capacity)"])
        try narrator.record("tasks.claim", ["claimed": detail.task.claimed, "capacity": detail.task.capacity])
    }

    private func pointsScene(_ app: Tuanju, admin: Caller, _ coordinator: Caller, li: Caller) throws {
        narrator.step(.demoPoints)
        func show(_ label: CLIMsg) throws {
            let balance = try app.pointsBalance(li, riderID: nil)
            narrator.say(label, ["balance": "\(balance.balance)", "held": "\(balance.held)", "available": "\(balance.available)"])
        }
        _ = try app.awardPoints(coordinator, riderID: li.id, amount: 50, reason: "反诈宣传进社区", key: "demo-outreach")
        try show(.demoBalanceAwarded)
        let coupon = try app.listRewards(li).rows.first { $0.nameZh.hasPrefix("暖心便利餐券") }!
        let request = try app.redeem(li, rewardID: coupon.id, quantity: 1)
        narrator.say(.demoRedeemed, ["reward": localizedName(en: coupon.name, zh: coupon.nameZh), "points": "\(request.points)"])
        try show(.demoBalanceHeld)
        let batch = try app.runRedemptions(coordinator, limit: nil, dryRun: false)
        narrator.say(.demoBatch, ["fulfilled": "\(batch.fulfilled)", "rejected": "\(batch.rejected)"])
        try show(.demoBalanceAfter)
        let problems = try app.verifyLedger(admin)
        narrator.say(problems.isEmpty ? CLIMsg.ledgerSound.text : CLIMsg.ledgerUnsound.text(["count": "\(problems.count)"]))
        try narrator.record("redemptions.run", ["fulfilled": batch.fulfilled, "rejected": batch.rejected])
    }

    private func importScene(_ app: Tuanju, _ coordinator: Caller) throws {
        narrator.step(.demoImport)
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
        narrator.say(.demoImportFirst, ["imported": "\(first.imported)", "skipped": "\(first.skipped)"])
        for error in first.errors { narrator.say(.demoImportError, ["line": "\(error.line ?? 0)", "message": error.message]) }
        let second = try app.importRiders(coordinator, path: path, strict: false)
        narrator.say(.demoImportAgain, ["imported": "\(second.imported)", "unchanged": "\(second.unchanged)"])
        try narrator.record("riders.import", ["imported": first.imported, "skipped": first.skipped])
    }
}
