import Engagement
import Foundation
import Testing

/// Surveys for the tests: the shipped sample, and small definitions written inline.
enum SurveyFixtures {
    /// `Seed/data/surveys/needs-v1.json`, found from this file's path.
    static let samplePath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seed/data/surveys/needs-v1.json").path

    static func sample() throws -> SurveyDefinition {
        let data = try #require(FileManager.default.contents(atPath: samplePath))
        return try SurveyDefinition.decode(data, source: samplePath)
    }

    /// A definition file with these questions (a JSON array's inside).
    static func definitionData(questions: String) -> Data {
        Data("""
        {"id": "t", "version": 1, "title": {"en": "Test", "zh": "测试"}, "questions": [\(questions)]}
        """.utf8)
    }

    static func definition(questions: String) throws -> SurveyDefinition {
        try SurveyDefinition.decode(definitionData(questions: questions), source: "test.json")
    }

    /// A question's JSON with a bilingual prompt added.
    static func question(_ fields: String) -> String {
        "{\"prompt\": {\"en\": \"Q?\", \"zh\": \"问?\"}, \(fields)}"
    }

    /// Options `ids` with bilingual labels.
    static func options(_ ids: String...) -> String {
        "\"options\": [" + ids.map { "{\"id\": \"\($0)\", \"label\": {\"en\": \"\($0)\", \"zh\": \"选项\"}}" }
            .joined(separator: ", ") + "]"
    }

    /// The smallest set of answers the sample survey accepts.
    static let minimalAnswers: [String: AnswerValue] = [
        "platform": .text("meituan"), "work_hours": .number(8), "rest_place": .text("station"),
        "meals": .text("stall"), "legal_help_needed": .text("no"), "satisfaction": .number(4),
    ]
}
