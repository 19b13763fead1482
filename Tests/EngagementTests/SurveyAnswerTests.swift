import Engagement
import Foundation
import Testing
import TuanjuCore

@Suite("Survey answers")
struct SurveyAnswerTests {
    struct BadAnswers: Sendable, CustomTestStringConvertible {
        let testDescription: String
        /// Changes to the minimal valid answers (nil removes the answer).
        let changes: [String: AnswerValue?]
        let expected: SurveyError
    }

    static let badAnswers: [BadAnswers] = [
        BadAnswers(testDescription: "an answer to an unknown question",
                   changes: ["favourite_colour": .text("red")],
                   expected: .answerUnknownQuestion(question: "favourite_colour", survey: "needs")),
        BadAnswers(testDescription: "a required answer missing",
                   changes: ["meals": nil],
                   expected: .answerRequired(question: "meals")),
        BadAnswers(testDescription: "a required follow-up missing when its condition holds",
                   changes: ["legal_help_needed": .text("yes")],
                   expected: .answerRequired(question: "legal_help_topics")),
        BadAnswers(testDescription: "an answer to a question whose condition is false",
                   changes: ["legal_help_topics": .choices(["wages"])],
                   expected: .answerNotShown(question: "legal_help_topics", on: "legal_help_needed")),
        BadAnswers(testDescription: "an answer to a follow-up of a number below its threshold",
                   changes: ["long_hours_reason": .text("income")],
                   expected: .answerNotShown(question: "long_hours_reason", on: "work_hours")),
        BadAnswers(testDescription: "a choice not offered",
                   changes: ["platform": .text("didi")],
                   expected: .optionNotOffered(question: "platform", option: "didi")),
        BadAnswers(testDescription: "a multiple choice not offered",
                   changes: ["station_needs": .choices(["water", "sauna"])],
                   expected: .optionNotOffered(question: "station_needs", option: "sauna")),
        BadAnswers(testDescription: "a multiple choice chosen twice",
                   changes: ["station_needs": .choices(["water", "water"])],
                   expected: .optionRepeated(question: "station_needs", option: "water")),
        BadAnswers(testDescription: "more selections than the maximum",
                   changes: ["station_needs": .choices(["water", "toilet", "charging", "shelter"])],
                   expected: .selectionCount(question: "station_needs", min: 1, max: 3, count: 4)),
        BadAnswers(testDescription: "a number above the range",
                   changes: ["work_hours": .number(16.5)],
                   expected: .numberAbove(question: "work_hours", max: "16", value: "16.5")),
        BadAnswers(testDescription: "a number below the range",
                   changes: ["work_hours": .number(-1)],
                   expected: .numberBelow(question: "work_hours", min: "0", value: "-1")),
        BadAnswers(testDescription: "a number given as text",
                   changes: ["work_hours": .text("8")],
                   expected: .numberExpected(question: "work_hours")),
        BadAnswers(testDescription: "a decimal where a whole number is asked",
                   changes: ["battery_charges": .number(2.5)],
                   expected: .wholeNumberExpected(question: "battery_charges", value: "2.5")),
        BadAnswers(testDescription: "text longer than max_length",
                   changes: ["suggestion": .text(String(repeating: "驿", count: 501))],
                   expected: .textTooLong(question: "suggestion", max: 500, count: 501)),
        BadAnswers(testDescription: "text with a control character",
                   changes: ["suggestion": .text("more water\u{07} please")],
                   expected: .textControlCharacter(question: "suggestion", code: "7")),
        BadAnswers(testDescription: "text with a tab",
                   changes: ["suggestion": .text("a\tb")],
                   expected: .textControlCharacter(question: "suggestion", code: "9")),
        BadAnswers(testDescription: "text with a direction override",
                   changes: ["suggestion": .text("abc\u{202E}def")],
                   expected: .textControlCharacter(question: "suggestion", code: "202E")),
        BadAnswers(testDescription: "a scale value out of range",
                   changes: ["satisfaction": .number(6)],
                   expected: .scaleOutOfRange(question: "satisfaction", min: 1, max: 5, value: "6")),
        BadAnswers(testDescription: "a scale value that is not whole",
                   changes: ["satisfaction": .number(3.5)],
                   expected: .scaleOutOfRange(question: "satisfaction", min: 1, max: 5, value: "3.5")),
        BadAnswers(testDescription: "a scale value given as text",
                   changes: ["satisfaction": .text("4")],
                   expected: .scaleOutOfRange(question: "satisfaction", min: 1, max: 5, value: "\"4\"")),
        BadAnswers(testDescription: "a list for a single choice",
                   changes: ["platform": .choices(["meituan"])],
                   expected: .optionExpected(question: "platform")),
        BadAnswers(testDescription: "a string for a multiple choice",
                   changes: ["station_needs": .text("water")],
                   expected: .optionListExpected(question: "station_needs")),
        BadAnswers(testDescription: "a number for a text question",
                   changes: ["suggestion": .number(5)],
                   expected: .textExpected(question: "suggestion")),
    ]

    static func answers(_ changes: [String: AnswerValue?]) -> [String: AnswerValue] {
        var answers = SurveyFixtures.minimalAnswers
        for (question, value) in changes { answers[question] = value }
        return answers
    }

    @Test("Bad answers are refused as invalid input, naming the question", arguments: badAnswers)
    func refused(_ bad: BadAnswers) throws {
        // Given the sample survey and otherwise valid answers with one fault
        let survey = try SurveyFixtures.sample()
        // When validated, Then that fault is reported for that question
        #expect(throws: bad.expected) { try survey.validate(answers: Self.answers(bad.changes), consent: true) }
        #expect(bad.expected.questionID != nil)
        #expect(bad.expected.message.contains(bad.expected.questionID ?? "?"))
        #expect(bad.expected.category == .invalidInput)
    }

    @Test("Without consent nothing is accepted")
    func consent() throws {
        let survey = try SurveyFixtures.sample()
        #expect(throws: SurveyError.consentMissing(survey: "needs")) {
            try survey.validate(answers: SurveyFixtures.minimalAnswers, consent: false)
        }
    }

    @Test("Valid answers are accepted; a follow-up whose condition is false is skipped")
    func accepted() throws {
        let survey = try SurveyFixtures.sample()
        // Given the minimal answers: no legal help needed, 8 hours, so both follow-ups are not shown
        let minimal = try survey.validate(answers: SurveyFixtures.minimalAnswers, consent: true)
        #expect(minimal.answers == SurveyFixtures.minimalAnswers)
        #expect(minimal.surveyID == "needs" && minimal.surveyVersion == 1)

        // Given every kind of answer, the follow-ups shown, bounds inclusive, decimals, blank answers as none
        var full = SurveyFixtures.minimalAnswers
        full["work_hours"] = .number(16)
        full["long_hours_reason"] = .text("few_orders")
        full["legal_help_needed"] = .text("yes")
        full["legal_help_topics"] = .choices(["wages", "accident"])
        full["station_needs"] = .choices(["water", "charging", "toilet"])
        full["battery_charges"] = .number(0)
        full["health_concerns"] = .choices(["stomach"])
        full["training"] = .choices([])
        full["satisfaction"] = .number(5)
        full["suggestion"] = .text("  more rest stations\nand charging  ")
        let response = try survey.validate(answers: full, consent: true)
        #expect(response.answers["legal_help_topics"] == .choices(["wages", "accident"]))
        #expect(response.answers["long_hours_reason"] == .text("few_orders"))
        #expect(response.answers["suggestion"] == .text("more rest stations\nand charging"))
        #expect(response.answers["training"] == nil)
        #expect(response.answers["health_check_wanted"] == nil)

        // A decimal number, the lower bound, exactly max_length characters (Chinese counts per character)
        var edge = SurveyFixtures.minimalAnswers
        edge["work_hours"] = .number(9.5)
        edge["suggestion"] = .text(String(repeating: "驿", count: 500))
        edge["satisfaction"] = .number(1)
        edge["platform"] = .text("other")
        #expect(try survey.validate(answers: edge, consent: true).answers["work_hours"] == .number(9.5))

        // An optional question blank, an empty string to a hidden question: no answer, not an error
        var blank = SurveyFixtures.minimalAnswers
        blank["suggestion"] = .text("   ")
        blank["legal_help_topics"] = .choices([])
        #expect(try survey.validate(answers: blank, consent: true).answers == SurveyFixtures.minimalAnswers)
    }

    @Test("An answers file is read with its consent; null means unanswered")
    func parsesFile() throws {
        let data = Data("""
        {"consent": true, "answers": {"platform": "eleme", "work_hours": 10.5, "station_needs": ["water", "toilet"],
                                      "suggestion": null}}
        """.utf8)
        let submission = try SurveySubmission.parse(data)
        #expect(submission.consent)
        #expect(submission.answers == [
            "platform": .text("eleme"), "work_hours": .number(10.5), "station_needs": .choices(["water", "toilet"]),
        ])
        #expect(try SurveySubmission.parse(Data("{\"answers\": {}}".utf8)).consent == false)
    }

    @Test("A malformed answers file is refused clearly")
    func malformedFile() {
        #expect(throws: SurveyError.answerNotAnAnswer(question: "legal_help_needed", kind: "true/false")) {
            try SurveySubmission.parse(Data("{\"consent\": true, \"answers\": {\"legal_help_needed\": true}}".utf8))
        }
        #expect(throws: SurveyError.answerNotAnAnswer(question: "platform", kind: "{…}")) {
            try SurveySubmission.parse(Data("{\"consent\": true, \"answers\": {\"platform\": {\"id\": \"eleme\"}}}".utf8))
        }
        #expect(throws: SurveyError.answerNotAnAnswer(question: "training", kind: "[…]")) {
            try SurveySubmission.parse(Data("{\"consent\": true, \"answers\": {\"training\": [\"first_aid\", 2]}}".utf8))
        }
        for text in ["{\"consent\": true, \"answers\": {\"platform\": \"eleme\"", "[1, 2]", "", "{\"consent\": \"yes\"}"] {
            do {
                _ = try SurveySubmission.parse(Data(text.utf8))
                Issue.record("accepted \(text)")
            } catch let error {
                guard case .answersMalformed(let reason) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(!reason.isEmpty)
                #expect(error.category == .invalidInput)
            }
        }
    }

    @Test("A validated response round-trips through its stored JSON")
    func storedForm() throws {
        let survey = try SurveyFixtures.sample()
        var answers = SurveyFixtures.minimalAnswers
        answers["station_needs"] = .choices(["water"])
        let response = try survey.validate(answers: answers, consent: true)
        let data = try JSONEncoder().encode(response)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"survey_id\":\"needs\""))
        #expect(try JSONDecoder().decode(ValidatedResponse.self, from: data) == response)
    }
}
