import Foundation
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju surveys, activities, lessons")
struct EngagementCLITests {
    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let riders: [(id: String, token: String)]

        init(riders count: Int) throws {
            sandbox = try Sandbox()
            coordinator = try sandbox.coordinator()
            let s = sandbox, c = coordinator
            let platforms = ["meituan", "eleme", "other"]
            riders = try (0..<count).map { index in
                let object = try s.ok(["riders", "register", "--name", "骑手\(index)", "--phone", "1370000\(String(format: "%04d", index))",
                                       "--platform", platforms[index % 7 == 0 ? 2 : index % 2]], token: c)
                return (object["id"] as! String, object["token"] as! String)
            }
        }

        func answers(_ name: String, _ json: String) throws -> String { try sandbox.file(name, json) }
    }

    static let valid = """
        {"consent": true, "answers": {"platform": "meituan", "work_hours": 11, "long_hours_reason": "income",
         "rest_place": "station", "station_needs": ["water", "charging"], "meals": "stall", "legal_help_needed": "no",
         "satisfaction": 4, "suggestion": "多建几个驿站"}}
        """

    @Test("A rider answers; answering again replaces; the response is validated against the definition")
    func answer() throws {
        let setup = try Setup(riders: 1)
        let path = try setup.answers("a.json", Self.valid)
        let first = try setup.sandbox.ok(["surveys", "answer", "needs", "--answers", path], token: setup.riders[0].token)
        #expect(first["replaced"] as? Bool == false)
        let again = try setup.sandbox.ok(["surveys", "answer", "needs", "--answers", path], token: setup.riders[0].token)
        #expect(again["replaced"] as? Bool == true)
        #expect(try setup.sandbox.snapshot().contains("survey.answered"))
    }

    @Test("Bad answers are refused with 65, naming the question, and change nothing", arguments: [
        (#"{"consent": true, "answers": {"platform": "meituan", "work_hours": 8, "rest_place": "station", "meals": "stall", "legal_help_needed": "no", "satisfaction": 3, "favourite_colour": "red"}}"#, "favourite_colour"),
        (#"{"consent": true, "answers": {"platform": "meituan", "work_hours": 8, "rest_place": "station", "meals": "stall", "legal_help_needed": "no"}}"#, "satisfaction"),
        (#"{"consent": true, "answers": {"platform": "didi", "work_hours": 8, "rest_place": "station", "meals": "stall", "legal_help_needed": "no", "satisfaction": 3}}"#, "platform"),
        (#"{"consent": true, "answers": {"platform": "meituan", "work_hours": 20, "rest_place": "station", "meals": "stall", "legal_help_needed": "no", "satisfaction": 3}}"#, "work_hours"),
        (#"{"consent": true, "answers": {"platform": "meituan", "work_hours": 8, "long_hours_reason": "income", "rest_place": "station", "meals": "stall", "legal_help_needed": "no", "satisfaction": 3}}"#, "long_hours_reason"),
        (#"{"consent": false, "answers": {"platform": "meituan", "work_hours": 8, "rest_place": "station", "meals": "stall", "legal_help_needed": "no", "satisfaction": 3}}"#, "consent"),
        (#"{"answers": {"platform": "meituan"}"#, "JSON"),
    ])
    func badAnswers(json: String, mention: String) throws {
        let setup = try Setup(riders: 1)
        let path = try setup.answers("bad.json", json)
        try setup.sandbox.expectRefusal(["surveys", "answer", "needs", "--answers", path], token: setup.riders[0].token, exit: 65)
        let result = setup.sandbox.run(["surveys", "answer", "needs", "--answers", path, "--lang", "en"], token: setup.riders[0].token)
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    @Test("Only riders answer; only staff see the portrait")
    func access() throws {
        let setup = try Setup(riders: 1)
        let path = try setup.answers("a.json", Self.valid)
        try setup.sandbox.expectRefusal(["surveys", "answer", "needs", "--answers", path], token: setup.coordinator, exit: 77)
        try setup.sandbox.expectRefusal(["surveys", "portrait", "needs"], token: setup.riders[0].token, exit: 77)
    }

    @Test("The portrait hides cells of fewer than 5 riders and the totals that would reveal them")
    func portrait() throws {
        let setup = try Setup(riders: 12)
        for (index, rider) in setup.riders.enumerated() {
            let meals = index < 9 ? "stall" : "restaurant"
            let json = Self.valid.replacingOccurrences(of: "\"meals\": \"stall\"", with: "\"meals\": \"\(meals)\"")
            _ = try setup.sandbox.ok(["surveys", "answer", "needs", "--answers", try setup.answers("r\(index).json", json)], token: rider.token)
        }
        let portrait = try setup.sandbox.ok(["surveys", "portrait", "needs", "--by", "platform"], token: setup.coordinator)
        let questions = portrait["questions"] as? [[String: Any]] ?? []
        let meals = try #require(questions.first { $0["question_id"] as? String == "meals" })
        let rows = meals["rows"] as? [[String: Any]] ?? []
        let restaurant = try #require(rows.first { $0["option"] as? String == "restaurant" })
        let all = restaurant["all"] as? [String: Any] ?? [:]
        #expect(all["suppressed"] as? Bool == true && all["count"] is NSNull)
        let csv = setup.sandbox.run(["surveys", "portrait", "needs", "--format", "csv"], token: setup.coordinator).stdout
        #expect(csv.hasPrefix("question,option,group,count,share"))
        #expect(csv.contains("<5"))
        #expect(!csv.contains("meals,restaurant,,3"))
        let text = setup.sandbox.run(["surveys", "portrait", "needs"], token: setup.coordinator).stdout
        #expect(text.contains("<5"))
    }

    @Test("4 Ele.me riders who all answer alike: JSON, CSV and table show no count of theirs, zeros included")
    func smallGroupRevealsNothing() throws {
        // Given 4 Ele.me riders who all eat at a restaurant and 10 Meituan riders who mostly eat at a stall
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        for index in 0..<14 {
            let platform = index < 4 ? "eleme" : "meituan"
            let rider = try sandbox.ok(["riders", "register", "--name", "骑手\(index)", "--phone", "1370000\(String(format: "%04d", index))",
                                        "--platform", platform], token: coordinator)
            let meals = index < 4 || index == 13 ? "restaurant" : "stall"
            let json = Self.valid.replacingOccurrences(of: "\"meals\": \"stall\"", with: "\"meals\": \"\(meals)\"")
                .replacingOccurrences(of: "\"platform\": \"meituan\"", with: "\"platform\": \"\(platform)\"")
            _ = try sandbox.ok(["surveys", "answer", "needs", "--answers", try sandbox.file("r\(index).json", json)], token: rider["token"] as? String)
        }
        // When the coordinator looks at the portrait by platform, Then the Ele.me column shows nothing
        let portrait = try sandbox.ok(["surveys", "portrait", "needs", "--by", "platform"], token: coordinator)
        let groups = portrait["groups"] as? [String] ?? []
        let eleme = try #require(groups.firstIndex(of: "eleme"))
        let questions = portrait["questions"] as? [[String: Any]] ?? []
        let rows = [portrait["respondents"] as? [String: Any] ?? [:]] + questions.flatMap { $0["rows"] as? [[String: Any]] ?? [] }
        for row in rows {
            let cell = (row["groups"] as? [[String: Any]] ?? [])[eleme]
            #expect(cell["count"] is NSNull && cell["share"] is NSNull && cell["suppressed"] as? Bool == true, "\(row["option"] ?? "")")
        }
        let csv = sandbox.run(["surveys", "portrait", "needs", "--by", "platform", "--format", "csv"], token: coordinator).stdout
        let elemeLines = csv.split(separator: "\n").filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "eleme" }
        #expect(elemeLines.count == rows.count)
        #expect(elemeLines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "<5" }, "\(elemeLines)")
        // In the table every Ele.me cell reads <5
        let text = sandbox.run(["surveys", "portrait", "needs", "--by", "platform"], token: coordinator).stdout
        // (groups are sorted, so Ele.me is the column after the answer and the total)
        var cells = 0, inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { inTable = false; continue }
            if !line.isEmpty, line.allSatisfy({ $0 == "-" || $0 == " " }) { inTable = true; continue }
            guard inTable else { continue }
            let columns = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(columns.count == 2 + groups.count && columns[2] == "<5", "\(line)")
            cells += 1
        }
        #expect(cells == rows.count)
    }

    @Test("A full session puts riders on the waitlist; a cancellation promotes the first one")
    func waitlist() throws {
        let setup = try Setup(riders: 4)
        let session = "ses-skills-1"  // 2 places in the seed
        let states = try setup.riders.map { try setup.sandbox.ok(["activities", "signup", session], token: $0.token)["state"] as? String }
        #expect(states == ["confirmed", "confirmed", "waiting", "waiting"])
        try setup.sandbox.expectRefusal(["activities", "signup", session], token: setup.riders[0].token, exit: 1, code: "already_signed_up")
        let cancelled = try setup.sandbox.ok(["activities", "cancel", session], token: setup.riders[1].token)
        #expect((cancelled["promoted"] as? [String: Any])?["rider_id"] as? String == setup.riders[2].id)
        let attendees = try setup.sandbox.run(["activities", "attendees", session, "--json"], token: setup.coordinator).array()
        #expect(attendees.compactMap { $0["rider_id"] as? String } == [setup.riders[0].id, setup.riders[2].id, setup.riders[3].id])
        #expect(attendees.last?["waitlist_position"] as? Int == 1)
        // Check-in opens when the session starts.
        try setup.sandbox.expectRefusal(["activities", "checkin", session, setup.riders[2].id], token: setup.coordinator, exit: 1,
                                        code: "invalid_state")
        try setup.sandbox.expectRefusal(["activities", "checkin", session, setup.riders[0].id], token: setup.riders[0].token, exit: 77)
        let started = try SeedDatesTests.app(setup.sandbox, afterStartOf: session)
        let staff = try started.authenticate(token: setup.coordinator)
        _ = try started.checkIn(staff, sessionID: session, riderID: setup.riders[2].id)
        for rider in [setup.riders[3].id, setup.riders[1].id] {
            let before = try setup.sandbox.snapshot()
            let error = #expect(throws: (any Error).self) { try started.checkIn(staff, sessionID: session, riderID: rider) }
            #expect((error as? any TuanjuError)?.code == "not_signed_up")
            #expect(try setup.sandbox.snapshot() == before)
        }
        let snapshot = try setup.sandbox.snapshot()
        for type in ["activity.signed_up", "activity.cancelled", "activity.promoted"] { #expect(snapshot.contains(type)) }
    }

    @Test("30 processes sign up for 2 places at once: exactly 2 confirmed, 28 waiting, none busy")
    func concurrentSignups() throws {
        let setup = try Setup(riders: 30)
        let commands = setup.riders.map { ["activities", "signup", "ses-skills-1", "--json", "--data", setup.sandbox.data, "--token", $0.token] }
        let outcomes = try TuanjuProcess.runConcurrently(commands)
        #expect(outcomes.allSatisfy { $0.exit == 0 }, "\(outcomes.map { "\($0.exit) \($0.stderr)" })")
        #expect(outcomes.filter { $0.stdout.contains("\"confirmed\"") }.count == 2)
        #expect(outcomes.filter { $0.stdout.contains("\"waiting\"") }.count == 28)
        let listed = try setup.sandbox.run(["activities", "list", "--json"], token: setup.coordinator).array()
        let session = try #require(listed.first { $0["session_id"] as? String == "ses-skills-1" })
        #expect(session["signed_up"] as? Int == 2 && session["waiting"] as? Int == 28)
    }

    @Test("A lesson pays its points once")
    func lessons() throws {
        let setup = try Setup(riders: 1)
        let rider = setup.riders[0].token
        let done = try setup.sandbox.ok(["lessons", "complete", "lesson-01"], token: rider)
        #expect(done["points_awarded"] as? Int == 10)
        try setup.sandbox.expectRefusal(["lessons", "complete", "lesson-01"], token: rider, exit: 1, code: "already_completed")
        #expect(try setup.sandbox.ok(["points", "balance"], token: rider)["balance"] as? Int == 10)
        let listed = try setup.sandbox.run(["lessons", "list", "--json"], token: rider).array()
        #expect(listed.first?["completed_at"] as? String != nil)
        try setup.sandbox.expectRefusal(["lessons", "complete", "lesson-99"], token: rider, exit: 1, code: "not_found")
        try setup.sandbox.expectRefusal(["lessons", "complete", "lesson-02"], token: setup.coordinator, exit: 77)
    }
}
