import Engagement
import Foundation
import Testing
import TuanjuCore

@Suite("Survey definitions")
struct SurveyDefinitionTests {
    @Test("The sample needs survey loads from its seed file and checks out")
    func sampleLoads() throws {
        // Given the shipped file, When it is decoded
        let survey = try SurveyFixtures.sample()
        // Then it is the bilingual needs survey with every kind of question and conditions on earlier ones
        #expect(survey.id == "needs")
        #expect(survey.version == 1)
        #expect(survey.title.zh == "骑手需求调查")
        #expect(Set(survey.questions.map(\.kind.typeName)) == ["single", "multiple", "number", "text", "scale"])
        let conditional = survey.questions.filter { $0.shownIf != nil }
        #expect(conditional.count >= 2)
        for question in conditional {
            let target = try #require(question.shownIf?.question)
            let position = try #require(survey.questions.firstIndex { $0.id == target })
            #expect(position < survey.questions.firstIndex(of: question)!)
        }
        #expect(survey.question("work_hours")?.kind == .number(min: 0, max: 16, integer: false))
        #expect(survey.question("satisfaction")?.kind == .scale(min: 1, max: 5))
        #expect(survey.question("suggestion")?.kind == .text(maxLength: 500))
        let topics = try #require(survey.question("legal_help_topics"))
        #expect(topics.shownIf == ShowCondition(question: "legal_help_needed", test: .equals(option: "yes")))
        for question in survey.questions {
            #expect(!question.prompt.zh.isEmpty && !question.prompt.en.isEmpty)
        }
    }

    @Test("A valid definition keeps limits, defaults and conditions")
    func decodesLimits() throws {
        let survey = try SurveyFixtures.definition(questions: [
            SurveyFixtures.question("\"id\": \"a\", \"type\": \"multiple\", \"min\": 2, \"max\": 2, " + SurveyFixtures.options("x", "y", "z")),
            SurveyFixtures.question("\"id\": \"b\", \"type\": \"text\""),
            SurveyFixtures.question("\"id\": \"c\", \"type\": \"number\", \"integer\": true, \"shown_if\": {\"question\": \"a\", \"includes\": \"x\"}"),
            SurveyFixtures.question("\"id\": \"d\", \"type\": \"scale\", \"scale\": {\"min\": 0, \"max\": 10}, \"shown_if\": {\"question\": \"c\", \"at_least\": 3}"),
        ].joined(separator: ","))
        #expect(survey.questions[0].kind.options.map(\.id) == ["x", "y", "z"])
        if case .multiple(_, let least, let most) = survey.questions[0].kind {
            #expect(least == 2 && most == 2)
        } else {
            Issue.record("question a is not multiple choice")
        }
        #expect(survey.questions[1].kind == .text(maxLength: SurveyDefinition.defaultMaxLength))
        #expect(survey.questions[1].required == false)
        #expect(survey.questions[2].kind == .number(min: nil, max: nil, integer: true))
        #expect(survey.questions[3].shownIf == ShowCondition(question: "c", test: .atLeast(3)))
    }

    struct BadDefinition: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let questions: String
        let expected: SurveyError
    }

    static let q = SurveyFixtures.question
    static let opts = SurveyFixtures.options

    static let badDefinitions: [BadDefinition] = [
        BadDefinition(
            testDescription: "duplicate question id",
            questions: q("\"id\": \"a\", \"type\": \"text\"") + "," + q("\"id\": \"a\", \"type\": \"text\""),
            expected: .questionDuplicate(source: "test.json", question: "a")),
        BadDefinition(
            testDescription: "duplicate option id",
            questions: q("\"id\": \"a\", \"type\": \"single\", " + opts("x", "x")),
            expected: .optionDuplicate(source: "test.json", question: "a", option: "x")),
        BadDefinition(
            testDescription: "condition on a later question",
            questions: q("\"id\": \"a\", \"type\": \"text\", \"shown_if\": {\"question\": \"b\", \"equals\": \"x\"}") + ","
                + q("\"id\": \"b\", \"type\": \"single\", " + opts("x", "y")),
            expected: .conditionOnLater(source: "test.json", question: "a", on: "b")),
        BadDefinition(
            testDescription: "condition on itself",
            questions: q("\"id\": \"a\", \"type\": \"number\", \"shown_if\": {\"question\": \"a\", \"at_least\": 1}"),
            expected: .conditionOnLater(source: "test.json", question: "a", on: "a")),
        BadDefinition(
            testDescription: "condition on an unknown question",
            questions: q("\"id\": \"a\", \"type\": \"text\", \"shown_if\": {\"question\": \"ghost\", \"equals\": \"x\"}"),
            expected: .conditionUnknownQuestion(source: "test.json", question: "a", on: "ghost")),
        BadDefinition(
            testDescription: "equals on a multiple-choice question",
            questions: q("\"id\": \"a\", \"type\": \"multiple\", " + opts("x", "y")) + ","
                + q("\"id\": \"b\", \"type\": \"text\", \"shown_if\": {\"question\": \"a\", \"equals\": \"x\"}"),
            expected: .conditionOperatorMismatch(source: "test.json", question: "b", on: "a", operator: "equals", type: "multiple")),
        BadDefinition(
            testDescription: "includes on a single-choice question",
            questions: q("\"id\": \"a\", \"type\": \"single\", " + opts("x", "y")) + ","
                + q("\"id\": \"b\", \"type\": \"text\", \"shown_if\": {\"question\": \"a\", \"includes\": \"x\"}"),
            expected: .conditionOperatorMismatch(source: "test.json", question: "b", on: "a", operator: "includes", type: "single")),
        BadDefinition(
            testDescription: "at_least on a text question",
            questions: q("\"id\": \"a\", \"type\": \"text\"") + ","
                + q("\"id\": \"b\", \"type\": \"text\", \"shown_if\": {\"question\": \"a\", \"at_least\": 2}"),
            expected: .conditionOperatorMismatch(source: "test.json", question: "b", on: "a", operator: "at_least", type: "text")),
        BadDefinition(
            testDescription: "condition on an option the question does not offer",
            questions: q("\"id\": \"a\", \"type\": \"single\", " + opts("x", "y")) + ","
                + q("\"id\": \"b\", \"type\": \"text\", \"shown_if\": {\"question\": \"a\", \"equals\": \"z\"}"),
            expected: .conditionOptionUnknown(source: "test.json", question: "b", on: "a", option: "z")),
        BadDefinition(
            testDescription: "condition with two operators",
            questions: q("\"id\": \"a\", \"type\": \"single\", " + opts("x", "y")) + ","
                + q("\"id\": \"b\", \"type\": \"text\", \"shown_if\": {\"question\": \"a\", \"equals\": \"x\", \"includes\": \"y\"}"),
            expected: .conditionShape(source: "test.json", question: "b")),
        BadDefinition(
            testDescription: "single choice without options",
            questions: q("\"id\": \"a\", \"type\": \"single\", \"options\": []"),
            expected: .optionsMissing(source: "test.json", question: "a")),
        BadDefinition(
            testDescription: "multiple choice with no options key",
            questions: q("\"id\": \"a\", \"type\": \"multiple\""),
            expected: .optionsMissing(source: "test.json", question: "a")),
        BadDefinition(
            testDescription: "number with min above max",
            questions: q("\"id\": \"a\", \"type\": \"number\", \"min\": 10, \"max\": 2"),
            expected: .rangeInverted(source: "test.json", question: "a", min: "10", max: "2")),
        BadDefinition(
            testDescription: "multiple choice with min above max selections",
            questions: q("\"id\": \"a\", \"type\": \"multiple\", \"min\": 3, \"max\": 1, " + opts("x", "y", "z")),
            expected: .rangeInverted(source: "test.json", question: "a", min: "3", max: "1")),
        BadDefinition(
            testDescription: "multiple choice asking for more selections than options",
            questions: q("\"id\": \"a\", \"type\": \"multiple\", \"min\": 3, " + opts("x", "y")),
            expected: .selectionsImpossible(source: "test.json", question: "a", min: 3, count: 2)),
        BadDefinition(
            testDescription: "scale with min above max",
            questions: q("\"id\": \"a\", \"type\": \"scale\", \"scale\": {\"min\": 5, \"max\": 1}"),
            expected: .rangeInverted(source: "test.json", question: "a", min: "5", max: "1")),
        BadDefinition(
            testDescription: "scale without its range",
            questions: q("\"id\": \"a\", \"type\": \"scale\""),
            expected: .scaleMissing(source: "test.json", question: "a")),
        BadDefinition(
            testDescription: "unknown type",
            questions: q("\"id\": \"a\", \"type\": \"dropdown\""),
            expected: .questionTypeUnknown(source: "test.json", question: "a", type: "dropdown")),
        BadDefinition(
            testDescription: "empty question id",
            questions: q("\"id\": \"\", \"type\": \"text\""),
            expected: .questionIDInvalid(source: "test.json", position: 1, id: "")),
        BadDefinition(
            testDescription: "empty option id",
            questions: q("\"id\": \"a\", \"type\": \"single\", " + opts("x", "")),
            expected: .optionIDInvalid(source: "test.json", question: "a", option: "")),
        BadDefinition(
            testDescription: "prompt without Chinese",
            questions: "{\"id\": \"a\", \"type\": \"text\", \"prompt\": {\"en\": \"Q?\", \"zh\": \" \"}}",
            expected: .promptMissing(source: "test.json", question: "a")),
    ]

    @Test("A faulty definition is refused, naming the question", arguments: badDefinitions)
    func refused(_ bad: BadDefinition) {
        // Given a definition with one fault, When it is decoded, Then it is refused with that fault
        let data = SurveyFixtures.definitionData(questions: bad.questions)
        #expect(throws: bad.expected) { try SurveyDefinition.decode(data, source: "test.json") }
        #expect(bad.expected.category == .invalidInput)
        #expect(bad.expected.code == "invalid_input")
        #expect(bad.expected.message.contains("test.json"))
    }

    @Test("Refusals name the question in both languages")
    func messagesNameTheQuestion() {
        let error = SurveyError.conditionOnLater(source: "needs-v1.json", question: "legal_help_topics", on: "later_q")
        for language in Language.allCases {
            let text = error.text.rendered(in: language)
            #expect(text.contains("legal_help_topics") && text.contains("later_q") && text.contains("needs-v1.json"))
        }
        #expect(error.questionID == "legal_help_topics")
    }

    @Test("Malformed JSON and missing parts of a survey are refused with a readable reason")
    func malformedFile() throws {
        #expect(throws: SurveyError.self) { try SurveyDefinition.decode(Data("{\"id\": ".utf8), source: "x.json") }
        do {
            _ = try SurveyDefinition.decode(Data("{\"id\": \"s\", \"version\": 1, \"title\": {\"en\": \"T\", \"zh\": \"题\"}, \"questions\": [{\"id\": \"a\", \"type\": \"text\", \"required\": \"yes\", \"prompt\": {\"en\": \"Q\", \"zh\": \"问\"}}]}".utf8), source: "x.json")
            Issue.record("a string for required was accepted")
        } catch let error {
            guard case .definitionMalformed(let source, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(source == "x.json")
            #expect(reason.contains("questions[0].required"))
        }
        #expect(throws: SurveyError.surveyHasNoQuestions(source: "x.json")) {
            try SurveyDefinition.decode(Data("{\"id\": \"s\", \"version\": 1, \"title\": {\"en\": \"T\", \"zh\": \"题\"}, \"questions\": []}".utf8), source: "x.json")
        }
        #expect(throws: SurveyError.surveyIDInvalid(source: "x.json", id: "bad id")) {
            try SurveyDefinition.decode(Data("{\"id\": \"bad id\", \"version\": 1, \"title\": {\"en\": \"T\", \"zh\": \"题\"}, \"questions\": []}".utf8), source: "x.json")
        }
    }
}
