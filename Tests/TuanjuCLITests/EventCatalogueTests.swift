import Foundation
import GRDB
import PhotoFixtures
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("The event catalogue: every event declared once, documented, and delivered as documented")
struct EventCatalogueTests {
    @Test("Each payload type's examples conform to the schema derived from them, and each kind has a summary in both languages")
    func examplesConform() throws {
        for description in try EventCatalogue.all() {
            let example = try JSONValue.parse(Data(description.example.utf8))
            #expect(description.schema.problems(example).isEmpty, "\(description.type): \(description.schema.problems(example))")
            #expect(!description.kind.texts.en.isEmpty && !description.kind.texts.zh.isEmpty)
        }
    }

    @Test("The schema check catches a wrong type, a missing key and an undeclared key")
    func schemaCatches() throws {
        let schema = try EventCatalogue.describe(.pointsAwarded).schema
        let good = try JSONValue.parse(Data(#"{"rider_id":"r","amount":5,"key":"k","reason":"x"}"#.utf8))
        #expect(schema.problems(good).isEmpty)
        let wrong = try JSONValue.parse(Data(#"{"rider_id":"r","amount":"5","key":"k","reason":"x"}"#.utf8))
        #expect(schema.problems(wrong) == ["$.amount: expected integer, got string"])
        let missing = try JSONValue.parse(Data(#"{"rider_id":"r","key":"k","reason":"x"}"#.utf8))
        #expect(schema.problems(missing) == ["$: missing amount"])
        let extra = try JSONValue.parse(Data(#"{"rider_id":"r","amount":5,"key":"k","reason":"x","phone":"138"}"#.utf8))
        #expect(schema.problems(extra) == ["$: unexpected key phone"])
    }

    @Test("docs/events.md is the catalogue's own rendering (regenerate: tuanju webhooks events --markdown > docs/events.md)")
    func docsAreFresh() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/events.md"), encoding: .utf8)
        #expect(committed == (try EventCatalogue.markdown()), "docs/events.md is stale: run `tuanju webhooks events --markdown > docs/events.md`")
    }

    @Test("webhooks events lists every type with its schema, without a token or a data directory")
    func listing() throws {
        let sandbox = try Sandbox(initialize: false)
        let result = sandbox.run(["webhooks", "events", "--json"])
        #expect(result.exit == 0, "\(result.stderr)")
        let events = try result.array()
        #expect(events.map { $0["type"] as? String } == EventKind.allCases.map(\.rawValue))
        #expect(events.allSatisfy { ($0["schema"] as? [String: Any])?["type"] as? String == "object" && $0["example"] is [String: Any] })
        let table = sandbox.run(["webhooks", "events", "--lang", "zh"])
        #expect(table.exit == 0 && table.stdout.contains("report.appealed") && table.stdout.contains("骑手对被驳回的上报提出申诉"))
    }

    @Test("Subscribing to an event type that does not exist is refused with 65 and a suggestion; nothing changes")
    func unknownSubscription() throws {
        let sandbox = try Sandbox()
        try sandbox.expectRefusal(
            ["webhooks", "add", "https://example.com/hook", "--events", "report.submited"], token: sandbox.adminToken, exit: 65,
            code: "invalid_input")
        let result = sandbox.run(["webhooks", "add", "https://example.com/hook", "--events", "report.submited", "--lang", "en"],
                                 token: sandbox.adminToken)
        #expect(result.stderr.contains("did you mean \"report.submitted\""), "\(result.stderr)")
        try sandbox.expectRefusal(
            ["webhooks", "add", "https://example.com/hook", "--events", "task.claimed,nothing.here"], token: sandbox.adminToken,
            exit: 65, code: "invalid_input")
        _ = try sandbox.ok(["webhooks", "add", "https://example.com/hook", "--events", "task.claimed,report.appealed"], token: sandbox.adminToken)
    }

    @Test("Driving every use case once emits every event type, and each payload matches its documented schema")
    func everyEventConforms() throws {
        let sandbox = try Sandbox()
        let admin = sandbox.adminToken
        let coordinator = try sandbox.coordinator()
        let riders = try (0..<4).map { try sandbox.rider("骑手\($0)", phone: "1391111000\($0)", coordinator: coordinator) }
        func ok(_ arguments: [String], _ token: String) throws -> [String: Any] { try sandbox.ok(arguments, token: token) }

        // People.
        let spare = try ok(["users", "add", "--name", "临时", "--role", "coordinator"], admin)["id"] as! String
        _ = try ok(["users", "revoke", spare], admin)
        _ = try ok(["riders", "update", riders[3].id, "--name", "改名"], coordinator)
        _ = try ok(["riders", "deactivate", riders[3].id], coordinator)
        _ = try ok(["riders", "reactivate", riders[3].id], coordinator)
        let csv = try sandbox.file("riders.csv", "name,phone,platform,party_member,branch\n导入骑手,13922220000,eleme,no,\n")
        _ = try ok(["riders", "import", csv], coordinator)
        _ = try ok(["settings", "set", "max_active_claims", "4"], admin)

        // The map.
        let point = try ok(["map", "add", "--kind", "station", "--name", "测试驿站", "--lat", "30.2925", "--lon", "120.1710"], coordinator)["id"] as! String
        _ = try ok(["map", "update", point, "--name", "测试驿站二"], coordinator)
        _ = try ok(["map", "remove", point], coordinator)

        // Tasks and reports.
        let task = try ok(["tasks", "create", "--role", "hazard-inspector", "--title", "井盖巡查", "--capacity", "5"], coordinator)["id"] as! String
        _ = try ok(["tasks", "update", task, "--title", "井盖巡查(更新)"], coordinator)
        for rider in riders.prefix(3) { _ = try ok(["tasks", "claim", task], rider.token) }
        _ = try ok(["tasks", "release", task], riders[2].token)
        let photo = { (seed: UInt64) in try sandbox.file("p\(seed).jpg", bytes: PhotoFixtures.jpeg(width: 32, height: 24, seed: seed)) }
        func submit(_ rider: Int, seed: UInt64, lat: String) throws -> String {
            try ok(["reports", "submit", "--category", "road-damage", "--lat", lat, "--lon", "120.17", "--photo", try photo(seed)],
                   riders[rider].token)["id"] as! String
        }
        let accepted = try submit(0, seed: 1, lat: "30.29")
        _ = try ok(["reports", "review", accepted, "--accept"], coordinator)
        let city = try DemoAgency(apiKey: nil)
        defer { city.stop() }
        let agency = try ok(["agencies", "add", "拱墅区住建局", "--service", "road-damage=ZJ-1", "--open311-endpoint", city.base,
                             "--allow-private"], admin)["id"] as! String
        _ = try ok(["agencies", "update", agency, "--jurisdiction", "gongshu"], admin)
        _ = try ok(["reports", "dispatch", accepted, "--agency", agency], coordinator)
        _ = try ok(["agencies", "sync"], admin)  // report.agency_updated: the agency's system took it
        _ = try ok(["agencies", "retire", agency], admin)
        _ = try ok(["deadlines", "set", "road-damage", "--review-hours", "12"], coordinator)
        try raw(sandbox, "DROP TRIGGER report_history_no_update")  // move the history back so the report is overdue
        try raw(sandbox, "UPDATE report_history SET at = '2020-01-01T00:00:00Z' WHERE report_id = '\(accepted)'")
        try Tuanju.open(DataDirectory(path: sandbox.data)).noticeOverdue()  // report.overdue, as the long-running loop does
        _ = try ok(["reports", "resolve", accepted], coordinator)
        _ = try ok(["reports", "reopen", accepted], coordinator)
        let rejected = try submit(1, seed: 2, lat: "30.28")
        _ = try ok(["reports", "review", rejected, "--reject", "--reason", "看不清"], coordinator)
        _ = try ok(["reports", "appeal", rejected, "--reason", "照片已补拍"], riders[1].token)
        _ = try ok(["reports", "review", rejected, "--reject", "--reason", "仍然看不清"], coordinator)
        try raw(sandbox, "UPDATE reports SET updated_at = '2020-01-01T00:00:00Z' WHERE id = '\(rejected)'")
        _ = try ok(["privacy", "purge"], admin)
        _ = try ok(["tasks", "revoke", task, riders[1].id, "--reason", "未巡查"], coordinator)
        _ = try ok(["tasks", "close", task], coordinator)
        _ = try ok(["roles", "add", "elder-helper", "--name-zh", "助老员", "--name-en", "Elder helper"], coordinator)
        _ = try ok(["roles", "update", "elder-helper", "--description", "探访独居老人"], coordinator)
        _ = try ok(["roles", "categories", "add", "elder-helper", "elder-alone", "--name-zh", "独居老人", "--name-en", "Elder alone",
                    "--points", "10-30"], coordinator)
        _ = try ok(["roles", "categories", "retire", "elder-alone"], coordinator)
        _ = try ok(["roles", "retire", "elder-helper"], coordinator)
        _ = try ok(["map", "kinds", "add", "toilet", "--name-zh", "公共厕所", "--name-en", "Toilet"], coordinator)
        _ = try ok(["map", "kinds", "update", "toilet", "--name-en", "Public toilet"], coordinator)

        // Points and rewards.
        _ = try ok(["points", "award", "--rider", riders[0].id, "--amount", "500", "--reason", "线下活动"], coordinator)
        _ = try ok(["points", "adjust", "--rider", riders[0].id, "--amount=-5", "--reason", "更正"], admin)
        let reward = try ok(["rewards", "add", "--name", "Poncho", "--name-zh", "雨衣", "--cost", "50", "--stock", "10"], coordinator)["id"] as! String
        _ = try ok(["rewards", "update", reward, "--stock", "9"], coordinator)
        let kept = try ok(["rewards", "redeem", reward], riders[0].token)["request_id"] as! String
        let dropped = try ok(["rewards", "redeem", reward], riders[0].token)["request_id"] as! String
        _ = try ok(["redemptions", "cancel", dropped], riders[0].token)
        let scarce = try ok(["rewards", "add", "--name", "Helmet", "--cost", "10", "--stock", "1"], coordinator)["id"] as! String
        for _ in 0..<2 { _ = try ok(["rewards", "redeem", scarce], riders[0].token) }  // the second is rejected: out of stock
        _ = try ok(["redemptions", "run"], coordinator)
        _ = kept
        // A hold left pending: the scheduler warns a day before it ends, then expires it.
        _ = try ok(["riders", "update", riders[0].id, "--quiet-hours", "none"], coordinator)
        _ = try ok(["rewards", "redeem", reward], riders[0].token)
        let now = Date()
        try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(now.addingTimeInterval(29.5 * 86_400))).runSchedulerPass()
        try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(now.addingTimeInterval(31 * 86_400))).runSchedulerPass()

        // Engagement.
        let answers = try sandbox.file("a.json", EngagementCLITests.valid)
        _ = try ok(["surveys", "answer", "needs", "--answers", answers], riders[0].token)
        _ = try ok(["surveys", "publish", SurveyPublishingTests.v2], coordinator)
        _ = try ok(["surveys", "close", "needs"], coordinator)
        _ = try ok(["surveys", "reopen", "needs"], coordinator)
        for rider in riders.prefix(3) { _ = try ok(["activities", "signup", "ses-skills-1"], rider.token) }
        _ = try ok(["activities", "cancel", "ses-skills-1"], riders[0].token)
        let started = try SeedDatesTests.app(sandbox, afterStartOf: "ses-skills-1")
        _ = try started.checkIn(try started.authenticate(token: coordinator), sessionID: "ses-skills-1", riderID: riders[1].id)
        // The programme a coordinator runs.
        let activity = try ok(["activities", "add", "--kind", "skills", "--title", "Camp", "--title-zh", "训练营"], coordinator)["id"] as! String
        _ = try ok(["activities", "update", activity, "--description", "两小时"], coordinator)
        let (starts, ends) = ActivityProgrammeTests.future(days: 30)
        let camp = try ok(["activities", "schedule", activity, "--starts", starts, "--ends", ends, "--place", "驿站", "--capacity", "1",
                           "--points", "5"], coordinator)["session_id"] as! String
        for rider in riders.prefix(2) { _ = try ok(["activities", "signup", camp], rider.token) }
        _ = try ok(["activities", "resize", camp, "--capacity", "2"], coordinator)
        let (later, laterEnds) = ActivityProgrammeTests.future(days: 31)
        _ = try ok(["activities", "reschedule", camp, "--starts", later, "--ends", laterEnds], coordinator)
        _ = try ok(["activities", "cancel-session", camp, "--reason", "暴雨预警"], coordinator)
        _ = try ok(["activities", "retire", activity], coordinator)
        // A session reminder, as the scheduler sends it 2 h before the start.
        let other = try ok(["activities", "add", "--kind", "health", "--title", "Check-up", "--title-zh", "体检"], coordinator)["id"] as! String
        let soon = ActivityProgrammeTests.future(days: 20)
        let checkup = try ok(["activities", "schedule", other, "--starts", soon.starts, "--ends", soon.ends, "--place", "驿站", "--capacity", "2"],
                             coordinator)["session_id"] as! String
        _ = try ok(["activities", "signup", checkup], riders[0].token)
        let remindAt = try #require(Timestamp.parse(soon.starts)).addingTimeInterval(-2 * 3600 + 60)
        try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(remindAt)).runSchedulerPass()
        _ = try ok(["lessons", "complete", "lesson-01"], riders[0].token)
        let quizLesson = try ok(["lessons", "add", "--title", "Road safety", "--summary", "五问", "--link", "https://tuanju.invalid/l/5",
                                 "--points", "10", "--quiz", LessonProgrammeTests.quiz], coordinator)["id"] as! String
        _ = try ok(["lessons", "update", quizLesson, "--points", "12"], coordinator)
        _ = try ok(["lessons", "complete", quizLesson, "--answers", LessonProgrammeTests.wrong], riders[0].token)
        _ = try ok(["lessons", "retire", quizLesson], coordinator)
        _ = try ok(["privacy", "erase", riders[3].id], admin)

        let events = try sandbox.database().read { db in
            try Row.fetchAll(db, sql: "SELECT type, payload FROM outbox ORDER BY seq").map { ($0[0] as String, $0[1] as String) }
        }
        let schemas = Dictionary(uniqueKeysWithValues: try EventCatalogue.all().map { ($0.type, $0.schema) })
        for (type, payload) in events {
            let schema = try #require(schemas[type], "\(type) is not in the catalogue")
            let problems = schema.problems(try JSONValue.parse(Data(payload.utf8)))
            #expect(problems.isEmpty, "\(type) \(payload): \(problems)")
        }
        let missing = Set(EventKind.allCases.map(\.rawValue)).subtracting(events.map(\.0))
        #expect(missing.isEmpty, "never emitted: \(missing.sorted())")

        // notification.created follows each event that told a rider something, right after it, once per
        // notification, and never carries a phone number.
        let notifications = events.filter { $0.0 == "notification.created" }
        let rows = try sandbox.database().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications") }
        #expect(notifications.count == rows && notifications.count >= 8, "\(notifications.count) events, \(rows ?? -1) notifications")
        let templates = Set(notifications.compactMap { (try? JSONValue.parse(Data($0.1.utf8))).flatMap { value -> String? in
            if case .object(let fields) = value, case .string(let template)? = fields["template"] { return template }
            return nil
        } })
        #expect(templates.isSuperset(of: ["report.accepted", "report.dispatched", "report.resolved", "report.rejected",
                                          "report.appeal_rejected", "points.awarded", "points.adjusted", "task.claim_revoked",
                                          "activity.promoted", "redemption.fulfilled", "redemption.rejected", "redemption.expired",
                                          "redemption.hold_expiring", "activity.session_rescheduled", "activity.session_cancelled",
                                          "activity.session_reminder"]), "\(templates.sorted())")
        #expect(notifications.allSatisfy { !$0.1.contains("1391111") && !$0.1.contains("phone") })
    }

    @Test("A notification.created payload carries the rider id, template, parameters and language: one example per template")
    func notificationExamples() throws {
        let description = try EventCatalogue.describe(.notificationCreated)
        let example = try JSONValue.parse(Data(description.example.utf8))
        guard case .object(let fields) = example else { Issue.record("not an object"); return }
        #expect(Set(fields.keys) == ["notification_id", "rider_id", "template", "parameters", "language", "text", "source_event"])
    }

    private func raw(_ sandbox: Sandbox, _ sql: String) throws {
        try sandbox.database().write { db in try db.execute(sql: sql) }
    }
}
