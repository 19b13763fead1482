import Foundation
import TuanjuCore

// The JSON shape of a survey definition file, as written (every field optional so a missing one is
// refused with a message naming the question instead of a decoder's path):
//
// {"id": "needs", "version": 1, "title": {"en": "…", "zh": "…"},
//  "questions": [{"id": "…", "type": "single|multiple|number|text|scale", "prompt": {"en", "zh"},
//                 "required": false, "options": [{"id", "label": {"en", "zh"}}],
//                 "min": 0, "max": 16, "integer": false, "max_length": 500, "scale": {"min": 1, "max": 5},
//                 "shown_if": {"question": "…", "equals" | "includes": "option", "at_least": 10}}]}
//
// `min`/`max` bound a number, or the count of selections of a multiple-choice question; `integer` asks a
// number question for a whole number; `max_length` defaults to 500. Unknown keys are ignored.

struct SurveyFile: Decodable {
    struct Question: Decodable {
        let id: String?
        let type: String?
        let prompt: BilingualText?
        let required: Bool?
        let options: [Option]?
        let min: Double?
        let max: Double?
        let integer: Bool?
        let maxLength: Int?
        let scale: Scale?
        let shownIf: Condition?
    }

    struct Option: Decodable {
        let id: String?
        let label: BilingualText?
    }

    struct Scale: Decodable {
        let min: Int
        let max: Int
    }

    struct Condition: Decodable {
        let question: String?
        let equals: String?
        let includes: String?
        let atLeast: Double?
    }

    let id: String?
    let version: Int?
    let title: BilingualText?
    let questions: [Question]?
}

extension SurveyDefinition {
    /// The longest text answer when a text question gives no `max_length`.
    public static let defaultMaxLength = 500
    /// The most points a scale may have (0 to 10): the portrait gives each point a row.
    public static let maxScalePoints = 11

    /// Decodes and checks a definition file. `source` (a path) names the file in messages.
    /// Throws `SurveyError` (invalid input) naming the question at fault.
    public static func decode(_ data: Data, source: String) throws(SurveyError) -> SurveyDefinition {
        let file: SurveyFile
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            file = try decoder.decode(SurveyFile.self, from: data)
        } catch {
            throw .definitionMalformed(source: source, reason: JSONProblem.describe(error))
        }
        return try SurveyDefinitionCheck(source: source).definition(from: file)
    }
}
