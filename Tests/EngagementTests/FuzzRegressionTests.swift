import Engagement
import Foundation
import Testing

/// Inputs that once crashed a parser (found with the FuzzSurvey target of Tools/fuzz): each must now be
/// refused with a message, in the same process.
@Suite("Survey inputs found by fuzzing")
struct SurveyFuzzRegressionTests {
    @Test("A scale from the lowest whole number up is refused as too wide instead of overflowing", arguments: [
        (min: "-9223372036854775808", max: "5"),
        (min: "-9223372036854775808", max: "9223372036854775807"),
        (min: "-1", max: "9223372036854775807"),
    ])
    func scaleWidthOverflow(bounds: (min: String, max: String)) {
        // Given a scale whose width does not fit in an Int
        let data = SurveyFixtures.definitionData(questions: SurveyFixtures.question(
            "\"id\": \"a\", \"type\": \"scale\", \"scale\": {\"min\": \(bounds.min), \"max\": \(bounds.max)}"))
        // When it is decoded, Then it is refused as too wide
        #expect(throws: SurveyError.scaleTooWide(source: "test.json", question: "a", max: SurveyDefinition.maxScalePoints)) {
            try SurveyDefinition.decode(data, source: "test.json")
        }
    }

    @Test("A scale inverted near the top of the whole numbers is refused, though as Doubles its bounds are equal")
    func invertedScaleAtTheTop() {
        let data = SurveyFixtures.definitionData(questions: SurveyFixtures.question(
            "\"id\": \"a\", \"type\": \"scale\", \"scale\": {\"min\": 9223372036854775807, \"max\": 9223372036854775800}"))
        #expect(throws: SurveyError.rangeInverted(
            source: "test.json", question: "a", min: "9223372036854775807", max: "9223372036854775800")) {
            try SurveyDefinition.decode(data, source: "test.json")
        }
    }

    @Test("A scale near the top of the whole numbers still loads when it is narrow")
    func narrowScaleAtTheTop() throws {
        let survey = try SurveyFixtures.definition(questions: SurveyFixtures.question(
            "\"id\": \"a\", \"type\": \"scale\", \"scale\": {\"min\": 9223372036854775797, \"max\": 9223372036854775807}"))
        #expect(survey.questions[0].kind == .scale(min: Int.max - 10, max: Int.max))
    }
}
