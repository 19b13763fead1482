import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju lessons add/update/retire/show, quizzes")
struct LessonProgrammeTests {
    static let samples = DocumentSet.root.appendingPathComponent("Seed/samples").path
    static let quiz = samples + "/road-safety-quiz.json"
    static let right = samples + "/road-safety-answers.json"
    static let wrong = samples + "/road-safety-answers-wrong.json"

    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let rider: (id: String, token: String)
        let lesson: String

        init() throws {
            sandbox = try Sandbox()
            coordinator = try sandbox.coordinator()
            rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
            lesson = try sandbox.ok(["lessons", "add", "--title", "Road safety", "--title-zh", "交通安全", "--summary", "骑行安全五问",
                                     "--link", "https://tuanju.invalid/lessons/05", "--points", "15", "--quiz", LessonProgrammeTests.quiz],
                                    token: coordinator)["id"] as! String
        }

        func complete(_ answers: String, token: String? = nil) -> RunResult {
            sandbox.run(["lessons", "complete", lesson, "--answers", answers, "--json"], token: token ?? rider.token)
        }

        func count(_ sql: String) throws -> Int {
            try sandbox.database().read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
        }
    }

    @Test("A rider fails the quiz, then passes it: the points are paid once, on the pass; the key is never shown")
    func failThenPass() throws {
        let setup = try Setup()
        let shown = try setup.sandbox.ok(["lessons", "show", setup.lesson], token: setup.rider.token)
        let quiz = try #require(shown["quiz"] as? [String: Any])
        #expect(quiz["pass_mark"] as? Int == 80)
        let questions = quiz["questions"] as? [[String: Any]] ?? []
        #expect(questions.count == 5 && questions.allSatisfy { $0["answer"] == nil })
        let text = setup.sandbox.run(["lessons", "show", setup.lesson], token: setup.rider.token).stdout
        #expect(text.contains("helmet") && !text.contains("\"answer\""))
        let listed = try setup.sandbox.run(["lessons", "list", "--json"], token: setup.rider.token).array()
        #expect(listed.first { $0["id"] as? String == setup.lesson }?["has_quiz"] as? Bool == true)

        let failed = try setup.complete(LessonProgrammeTests.wrong).object()
        #expect(failed["passed"] as? Bool == false && failed["points_awarded"] as? Int == 0)
        #expect(failed["score"] as? Int == 40 && failed["attempts_left"] as? Int == 2)
        let passed = try setup.complete(LessonProgrammeTests.right).object()
        #expect(passed["passed"] as? Bool == true && passed["points_awarded"] as? Int == 15 && passed["score"] as? Int == 100)
        try setup.sandbox.expectRefusal(["lessons", "complete", setup.lesson, "--answers", LessonProgrammeTests.right],
                                        token: setup.rider.token, exit: 1, code: "already_completed")
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.rider.token)["balance"] as? Int == 15)
        #expect(try setup.count("SELECT count(*) FROM outbox WHERE type = 'lesson.quiz_failed'") == 1)
        #expect(try setup.count("SELECT count(*) FROM outbox WHERE type = 'lesson.completed'") == 1)
    }

    @Test("Three attempts a day: the fourth is refused with 1 and changes nothing; the next day counts afresh")
    func threeADay() throws {
        let setup = try Setup()
        for left in [2, 1, 0] {
            #expect(try setup.complete(LessonProgrammeTests.wrong).object()["attempts_left"] as? Int == left)
        }
        try setup.sandbox.expectRefusal(["lessons", "complete", setup.lesson, "--answers", LessonProgrammeTests.right],
                                        token: setup.rider.token, exit: 1, code: "too_many_attempts")
        // The same attempts, dated yesterday: today's count starts again.
        try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").write { db in
            try db.execute(sql: "UPDATE lesson_attempts SET day = date(day, '-1 day')")
        }
        let passed = try setup.complete(LessonProgrammeTests.right).object()
        #expect(passed["passed"] as? Bool == true && passed["points_awarded"] as? Int == 15 && passed["attempts_left"] as? Int == 2)
    }

    @Test("A quiz lesson without answers is refused; bad answers are 65 and use up no attempt")
    func badAnswers() throws {
        let setup = try Setup()
        try setup.sandbox.expectRefusal(["lessons", "complete", setup.lesson], token: setup.rider.token, exit: 1, code: "quiz_required")
        for json in [
            #"{"answers": {"helmet": "always"}}"#,
            #"{"answers": {"helmet": "always", "battery": ["cabinet"], "red_light": "wait", "phone": "no", "accident": ["call"], "colour": "red"}}"#,
            #"{"answers": {"helmet": "sometimes", "battery": ["cabinet"], "red_light": "wait", "phone": "no", "accident": ["call"]}}"#,
            #"{"answers": {"helmet": ["always"], "battery": ["cabinet"], "red_light": "wait", "phone": "no", "accident": ["call"]}}"#,
            #"{"answers": {"helmet": "always", "battery": "cabinet", "red_light": "wait", "phone": "no", "accident": ["call"]}}"#,
            #"{"answers": "#,
        ] {
            let path = try setup.sandbox.file("answers.json", json)
            try setup.sandbox.expectRefusal(["lessons", "complete", setup.lesson, "--answers", path], token: setup.rider.token,
                                            exit: 65, code: "invalid_input")
        }
        #expect(try setup.count("SELECT count(*) FROM lesson_attempts") == 0)
    }

    @Test("Coordinators update and retire lessons; a retired lesson is gone for riders")
    func updateAndRetire() throws {
        let setup = try Setup()
        let updated = try setup.sandbox.ok(["lessons", "update", setup.lesson, "--points", "20", "--summary", "五个问题"], token: setup.coordinator)
        #expect(updated["points"] as? Int == 20 && (updated["quiz"] as? [String: Any])?["pass_mark"] as? Int == 80)
        _ = try setup.sandbox.ok(["lessons", "retire", setup.lesson], token: setup.coordinator)
        let listed = try setup.sandbox.run(["lessons", "list", "--json"], token: setup.rider.token).array()
        #expect(!listed.contains { $0["id"] as? String == setup.lesson })
        try setup.sandbox.expectRefusal(["lessons", "complete", setup.lesson, "--answers", LessonProgrammeTests.right],
                                        token: setup.rider.token, exit: 1, code: "invalid_state")
        for type in ["lesson.created", "lesson.updated", "lesson.retired"] {
            #expect(try setup.count("SELECT count(*) FROM audit_log WHERE action = '\(type)'") == 1, "\(type)")
        }
    }

    @Test("Riders are refused lessons add/update/retire with 77; coordinators are refused lessons complete")
    func roles() throws {
        let setup = try Setup()
        for args in [
            ["lessons", "add", "--title", "T", "--summary", "S", "--link", "https://a.invalid/x", "--points", "1"],
            ["lessons", "update", setup.lesson, "--points", "1"],
            ["lessons", "retire", setup.lesson],
        ] {
            try setup.sandbox.expectRefusal(args, token: setup.rider.token, exit: 77, code: "forbidden")
        }
        try setup.sandbox.expectRefusal(["lessons", "complete", setup.lesson, "--answers", LessonProgrammeTests.right],
                                        token: setup.coordinator, exit: 77, code: "forbidden")
    }

    @Test("Bad lessons and bad quiz files are refused with 65 and change nothing", arguments: [
        #"{"questions": [{"id": "q", "type": "single", "prompt": {"en": "Q", "zh": "问"}, "options": [{"id": "a", "label": {"en": "A", "zh": "甲"}}, {"id": "b", "label": {"en": "B", "zh": "乙"}}], "answer": ["a", "b"]}]}"#,
        #"{"questions": [{"id": "q", "type": "single", "prompt": {"en": "Q", "zh": "问"}, "options": [{"id": "a", "label": {"en": "A", "zh": "甲"}}, {"id": "b", "label": {"en": "B", "zh": "乙"}}], "answer": "c"}]}"#,
        #"{"questions": [{"id": "q", "type": "single", "prompt": {"en": "Q", "zh": "问"}, "options": [{"id": "a", "label": {"en": "A", "zh": "甲"}}, {"id": "b", "label": {"en": "B", "zh": "乙"}}]}]}"#,
        #"{"pass_mark": 0, "questions": [{"id": "q", "type": "single", "prompt": {"en": "Q", "zh": "问"}, "options": [{"id": "a", "label": {"en": "A", "zh": "甲"}}, {"id": "b", "label": {"en": "B", "zh": "乙"}}], "answer": "a"}]}"#,
        #"{"questions": [{"id": "q", "type": "number", "prompt": {"en": "Q", "zh": "问"}, "answer": "a"}]}"#,
        #"{"questions": [{"id": "q", "type": "single", "prompt": {"en": "Q", "zh": "问"}, "options": [{"id": "a", "label": {"en": "A", "zh": "甲"}}], "answer": "a"}]}"#,
        #"{"questions": []}"#,
        #"{"questions": [{"#,
    ])
    func badQuiz(_ json: String) throws {
        let setup = try Setup()
        let path = try setup.sandbox.file("quiz.json", json)
        try setup.sandbox.expectRefusal(["lessons", "add", "--title", "T", "--summary", "S", "--link", "https://a.invalid/x", "--points", "1",
                                         "--quiz", path], token: setup.coordinator, exit: 65, code: "invalid_input")
        try setup.sandbox.expectRefusal(["lessons", "update", setup.lesson, "--quiz", path], token: setup.coordinator, exit: 65)
    }

    @Test("Bad lesson fields are refused with 65 and change nothing")
    func badFields() throws {
        let setup = try Setup()
        for args in [
            ["lessons", "add", "--title", " ", "--summary", "S", "--link", "https://a.invalid/x", "--points", "1"],
            ["lessons", "add", "--title", "T", "--summary", "S", "--link", "ftp://a.invalid/x", "--points", "1"],
            ["lessons", "add", "--title", "T", "--summary", "S", "--link", "not a link", "--points", "1"],
            ["lessons", "add", "--title", "T", "--summary", "S", "--link", "https://a.invalid/x", "--points", "10001"],
            ["lessons", "update", setup.lesson],
        ] {
            try setup.sandbox.expectRefusal(args, token: setup.coordinator, exit: 65, code: "invalid_input")
        }
    }

    @Test("lessons update --no-quiz removes the quiz (riders complete without answers); --quiz replaces it")
    func removeAndReplaceQuiz() throws {
        let setup = try Setup()
        let one = #"{"pass_mark": 100, "questions": [{"id": "helmet", "type": "single", "prompt": {"en": "Helmet?", "zh": "头盔?"}, "options": [{"id": "always", "label": {"en": "Always", "zh": "每次都戴"}}, {"id": "never", "label": {"en": "Never", "zh": "从不"}}], "answer": "always"}]}"#
        let replaced = try setup.sandbox.ok(["lessons", "update", setup.lesson, "--quiz", try setup.sandbox.file("one.json", one)],
                                            token: setup.coordinator)
        let quiz = try #require(replaced["quiz"] as? [String: Any])
        #expect(quiz["pass_mark"] as? Int == 100 && (quiz["questions"] as? [Any])?.count == 1)
        let removed = try setup.sandbox.ok(["lessons", "update", setup.lesson, "--no-quiz"], token: setup.coordinator)
        #expect(removed["quiz"] is NSNull && removed["points"] as? Int == 15)
        #expect(try setup.sandbox.ok(["lessons", "show", setup.lesson], token: setup.rider.token)["quiz"] is NSNull)
        let done = try setup.sandbox.ok(["lessons", "complete", setup.lesson], token: setup.rider.token)
        #expect(done["points_awarded"] as? Int == 15)
        #expect(try setup.count("SELECT count(*) FROM audit_log WHERE action = 'lesson.updated'") == 2)
    }

    @Test("--quiz with --no-quiz is 65 and a rider's --no-quiz is 77; nothing changes")
    func removeQuizRefusals() throws {
        let setup = try Setup()
        try setup.sandbox.expectRefusal(["lessons", "update", setup.lesson, "--no-quiz", "--quiz", LessonProgrammeTests.quiz],
                                        token: setup.coordinator, exit: 65, code: "invalid_input")
        try setup.sandbox.expectRefusal(["lessons", "update", setup.lesson, "--no-quiz"], token: setup.rider.token, exit: 77, code: "forbidden")
        try setup.sandbox.expectRefusal(["lessons", "update", "lsn_nope", "--no-quiz"], token: setup.coordinator, exit: 1, code: "not_found")
        #expect((try setup.sandbox.ok(["lessons", "show", setup.lesson], token: setup.coordinator)["quiz"] as? [String: Any]) != nil)
    }

    @Test("lessons add --help shows a complete quiz and answers example")
    func helpExample() throws {
        let output = CapturedOutput()
        _ = TuanjuCLI.run(["lessons", "add", "--help", "--lang", "en"], console: output.console(environment: [:]))
        let help = output.stdout + output.stderr
        for fragment in ["\"pass_mark\": 80", "\"type\": \"multiple\"", "\"answer\": [\"cabinet\", \"original\"]", "{\"answers\": {"] {
            #expect(help.contains(fragment), "\(fragment) missing from: \(help)")
        }
    }
}
