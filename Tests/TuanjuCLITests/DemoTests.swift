import Foundation
import Testing
@testable import TuanjuCLI

@Suite("tuanju demo: the coordinator runs next month's programme")
struct DemoTests {
    /// The demo's `--json` records by step.
    static func records() throws -> [String: [String: Any]] {
        let output = CapturedOutput()
        let exit = TuanjuCLI.run(["demo", "--json"], console: output.console(environment: ["LANG": "C"]))
        #expect(exit == 0, "\(output.stderr)")
        var records: [String: [String: Any]] = [:]
        for line in output.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            records[object["step"] as? String ?? ""] = object["result"] as? [String: Any] ?? [:]
        }
        return records
    }

    @Test("The narration shows the camp, the promotion in the inbox, survey version 2 and the quiz failed then passed")
    func narration() throws {
        let output = CapturedOutput()
        let exit = TuanjuCLI.run(["demo", "--lang", "en"], console: output.console(environment: [:]))
        #expect(exit == 0, "\(output.stderr)")
        let text = output.stdout
        for fragment in [
            "王骑手: the session is full, number 1 on the waitlist.",
            "adds a place (3 in all): 王骑手 moves up from the waitlist",
            "王骑手's inbox: ",
            "Seed/samples/needs-v2.json adds the question night_shelter: survey needs is now version 2",
            "冯骑手 answers version 2 (Seed/samples/needs-v2-answers.json)",
            "The portrait now shows version 2",
            "with the quiz Seed/samples/road-safety-quiz.json: 5 questions, pass mark 80%",
            "Seed/samples/road-safety-answers-wrong.json: 40%, under the pass mark; no points, 2 attempts left today.",
            "Seed/samples/road-safety-answers.json: 100%, passed: 15 points.",
            "Answering again pays nothing more: already_completed",
        ] {
            #expect(text.contains(fragment), "missing: \(fragment)")
        }
    }

    @Test("A camp a month ahead with 2 places: the third rider waits and the resize to 3 promotes them; survey version 2 is published, answered and the portrait's default; the quiz pays once, on the pass")
    func records() throws {
        let records = try Self.records()
        let resize = try #require(records["activities.resize"])
        #expect(resize["capacity"] as? String == "3" && resize["signed_up"] as? String == "3")
        #expect((resize["promoted"] as? String)?.hasPrefix("rdr_") == true)
        let survey = try #require(records["surveys.publish"])
        #expect(survey["version"] as? Int == 2 && survey["answered_version"] as? Int == 2 && survey["portrait_version"] as? Int == 2)
        #expect(records["lessons.complete"]?["attempts"] as? String == "failed:0,passed:15")
    }

    @Test("The erasure scene's rider really holds a place on a seeded session, and erasing cancels it")
    func erasureCancelsTheSignup() throws {
        let erase = try #require(try Self.records()["privacy.erase"])
        #expect(erase["signups_cancelled"] as? String == "1" && erase["balance"] as? String == "20")
    }
}
