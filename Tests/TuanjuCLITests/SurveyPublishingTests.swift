import Foundation
import GRDB
import Testing
@testable import TuanjuCLI

@Suite("tuanju surveys publish/close/reopen, portrait --version")
struct SurveyPublishingTests {
    static let v1 = DocumentSet.root.appendingPathComponent("Seed/data/surveys/needs-v1.json").path
    static let v2 = DocumentSet.root.appendingPathComponent("Seed/samples/needs-v2.json").path

    static func events(_ sandbox: Sandbox, _ type: String) throws -> Int {
        try sandbox.database().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE type = ?", arguments: [type]) ?? 0
        }
    }

    @Test("The same definition changes nothing; a changed one becomes version 2 and answers stay with version 1")
    func versions() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
        _ = try sandbox.ok(["surveys", "answer", "needs", "--answers", try sandbox.file("a.json", EngagementCLITests.valid)], token: rider.token)
        let same = try sandbox.ok(["surveys", "publish", Self.v1], token: coordinator)
        #expect(same["changed"] as? Bool == false && same["version"] as? Int == 1)
        #expect(try Self.events(sandbox, "survey.published") == 0)
        let second = try sandbox.ok(["surveys", "publish", Self.v2], token: coordinator)
        #expect(second["changed"] as? Bool == true && second["version"] as? Int == 2 && second["questions"] as? Int == 15)
        #expect(try Self.events(sandbox, "survey.published") == 1)
        // Publishing the same file again is no new version.
        #expect(try sandbox.ok(["surveys", "publish", Self.v2], token: coordinator)["version"] as? Int == 2)
        let latest = try sandbox.ok(["surveys", "portrait", "needs"], token: coordinator)
        #expect(latest["survey_version"] as? Int == 2)
        let first = try sandbox.ok(["surveys", "portrait", "needs", "--version", "1"], token: coordinator)
        #expect(first["survey_version"] as? Int == 1)
        #expect((first["respondents"] as? [String: Any])?["all"] != nil)
        let answered = try sandbox.ok(["surveys", "answer", "needs", "--answers", try sandbox.file("b.json", EngagementCLITests.valid)],
                                      token: rider.token)
        #expect(answered["version"] as? Int == 2 && answered["replaced"] as? Bool == false)
        // A new id starts at version 1, whatever the file says.
        let other = try String(contentsOfFile: Self.v2, encoding: .utf8).replacingOccurrences(of: "\"id\": \"needs\"", with: "\"id\": \"needs-2027\"")
        let published = try sandbox.ok(["surveys", "publish", try sandbox.file("other.json", other)], token: coordinator)
        #expect(published["id"] as? String == "needs-2027" && published["version"] as? Int == 1)
    }

    @Test("A closed survey refuses answers with 1 and changes nothing; reopened, it takes them again")
    func closeAndReopen() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
        let answers = try sandbox.file("a.json", EngagementCLITests.valid)
        #expect(try sandbox.ok(["surveys", "close", "needs"], token: coordinator)["open"] as? Bool == false)
        try sandbox.expectRefusal(["surveys", "answer", "needs", "--answers", answers], token: rider.token, exit: 1, code: "survey_closed")
        try sandbox.expectRefusal(["surveys", "close", "needs"], token: coordinator, exit: 1, code: "survey_closed")
        #expect(try sandbox.ok(["surveys", "reopen", "needs"], token: coordinator)["open"] as? Bool == true)
        try sandbox.expectRefusal(["surveys", "reopen", "needs"], token: coordinator, exit: 1, code: "invalid_state")
        _ = try sandbox.ok(["surveys", "answer", "needs", "--answers", answers], token: rider.token)
        #expect(try Self.events(sandbox, "survey.closed") == 1 && Self.events(sandbox, "survey.reopened") == 1)
    }

    @Test("Riders are refused publish, close and reopen with 77; nothing changes")
    func roles() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
        for args in [["surveys", "publish", Self.v2], ["surveys", "close", "needs"], ["surveys", "reopen", "needs"]] {
            try sandbox.expectRefusal(args, token: rider.token, exit: 77, code: "forbidden")
        }
    }

    @Test("A definition the seed would refuse is refused with 65 and changes nothing", arguments: [
        #"{"id": "x", "title": {"en": "X", "zh": "X"}, "questions": []}"#,
        #"{"id": "x", "title": {"en": "X", "zh": "X"}, "questions": [{"id": "q", "type": "colour", "prompt": {"en": "Q", "zh": "问"}}]}"#,
        #"{"id": "x", "title": {"en": "X", "zh": "X"}, "questions": [{"id": "q", "type": "text", "prompt": {"en": "Q", "zh": "问"}}, {"id": "q", "type": "text", "prompt": {"en": "Q", "zh": "问"}}]}"#,
        #"{"id": "bad id!", "title": {"en": "X", "zh": "X"}, "questions": [{"id": "q", "type": "text", "prompt": {"en": "Q", "zh": "问"}}]}"#,
        #"{"id": "x", "questions": [{"id": "q", "type": "text", "prompt": {"en": "Q", "zh": "问"}}]}"#,
        #"["not", "an", "object"]"#,
        #"{"id": "x""#,
    ])
    func badDefinition(_ json: String) throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        try sandbox.expectRefusal(["surveys", "publish", try sandbox.file("d.json", json)], token: coordinator, exit: 65, code: "invalid_input")
    }

    @Test("surveys list and show say whether a survey is open and its current version")
    func listAndShowState() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
        func listed() throws -> [String: Any] {
            try #require(try sandbox.run(["surveys", "list", "--json"], token: rider.token).array().first { $0["id"] as? String == "needs" })
        }
        var needs = try listed()
        #expect(needs["version"] as? Int == 1 && needs["latest_version"] as? Int == 1 && needs["open"] as? Bool == true)
        #expect(needs["closed_at"] is NSNull)
        _ = try sandbox.ok(["surveys", "publish", Self.v2], token: coordinator)
        _ = try sandbox.ok(["surveys", "close", "needs"], token: coordinator)
        needs = try listed()
        #expect(needs["version"] as? Int == 2 && needs["latest_version"] as? Int == 2 && needs["open"] as? Bool == false)
        #expect((needs["closed_at"] as? String)?.isEmpty == false)
        let first = try sandbox.ok(["surveys", "show", "needs", "--version", "1"], token: rider.token)
        #expect(first["version"] as? Int == 1 && first["latest_version"] as? Int == 2 && first["open"] as? Bool == false)
        #expect((first["questions"] as? [Any])?.count == 14)
        let table = sandbox.run(["surveys", "list", "--lang", "en"], token: rider.token).stdout
        #expect(table.contains("STATE") && table.contains("closed"))
        let shown = sandbox.run(["surveys", "show", "needs", "--version", "1", "--lang", "zh"], token: rider.token).stdout
        #expect(shown.contains("(needs v1)") && shown.contains("已关闭") && shown.contains("当前为第 2 版"), "\(shown)")
        _ = try sandbox.ok(["surveys", "reopen", "needs"], token: coordinator)
        let open = sandbox.run(["surveys", "show", "needs", "--lang", "en"], token: rider.token).stdout
        #expect(open.contains("(needs v2)") && open.contains("open to answers; the current version is 2"), "\(open)")
    }

    @Test("surveys show --version 0 is 65, a missing version 1 not_found, no valid token 77; nothing changes")
    func showRefusals() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        try sandbox.expectRefusal(["surveys", "show", "needs", "--version", "0"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["surveys", "show", "needs", "--version", "2"], token: coordinator, exit: 1, code: "not_found")
        try sandbox.expectRefusal(["surveys", "show", "needs"], token: "tj_nope", exit: 77, code: "unauthenticated")
        try sandbox.expectRefusal(["surveys", "list"], token: "tj_nope", exit: 77, code: "unauthenticated")
    }

    @Test("portrait --version 0 is 65; a version that does not exist is 1 not_found")
    func badVersion() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        try sandbox.expectRefusal(["surveys", "portrait", "needs", "--version", "0"], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["surveys", "portrait", "needs", "--version", "9"], token: coordinator, exit: 1, code: "not_found")
    }
}
