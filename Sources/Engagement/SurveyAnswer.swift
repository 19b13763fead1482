import Foundation
import TuanjuCore

/// One answer as it arrives in JSON: a string (a single-choice option id or free text), a list of strings
/// (multiple-choice option ids) or a number (numbers and scale ratings). Encodes back to the same JSON.
public enum AnswerValue: Sendable, Equatable, Codable {
    case text(String)
    case choices([String])
    case number(Double)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch try JSONAnswer(from: decoder) {
        case .answer(let value): self = value
        case .null, .other:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "an answer is a string, a list of strings or a number")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .choices(let choices): try container.encode(choices)
        case .number(let number): try container.encode(number)
        }
    }
}

/// A rider's submission as read from an answers file:
///
/// ```json
/// {"consent": true, "answers": {"platform": "meituan", "needs": ["charging", "water"], "work_hours": 10}}
/// ```
///
/// `consent` (true/false) records that the rider agreed to answer; a missing `consent` counts as false.
/// `answers` maps question ids to a string, a list of strings or a number; a `null` answer is the same as
/// leaving the question out. Checking the answers against a survey is `SurveyDefinition.validate`.
public struct SurveySubmission: Sendable, Equatable {
    public let consent: Bool
    public let answers: [String: AnswerValue]

    public init(consent: Bool, answers: [String: AnswerValue]) {
        self.consent = consent
        self.answers = answers
    }

    /// Reads an answers file; malformed JSON, or an answer of another JSON type (true/false, an object, a list
    /// holding anything but strings) is refused, naming the question.
    public static func parse(_ data: Data) throws(SurveyError) -> SurveySubmission {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .answersMalformed(reason: JSONProblem.describe(error))
        }
        var answers: [String: AnswerValue] = [:]
        for (question, slot) in (file.answers ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch slot {
            case .answer(let value): answers[question] = value
            case .null: continue
            case .other(let kind): throw .answerNotAnAnswer(question: question, kind: kind)
            }
        }
        return SurveySubmission(consent: file.consent ?? false, answers: answers)
    }

    private struct File: Decodable {
        let consent: Bool?
        let answers: [String: JSONAnswer]?
    }
}

/// Any JSON value in an answer's place, sorted into what `AnswerValue` holds and what it cannot.
enum JSONAnswer: Decodable {
    case answer(AnswerValue)
    case null
    /// What the value looks like, in JSON and so in no language: `true/false`, `{…}` (an object), `[…]`
    /// (a list holding anything but strings).
    case other(kind: String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if (try? container.decode(Bool.self)) != nil {
            // Checked before numbers: some decoders read `true` as 1.
            self = .other(kind: "true/false")
        } else if let text = try? container.decode(String.self) {
            self = .answer(.text(text))
        } else if let number = try? container.decode(Double.self) {
            self = .answer(.number(number))
        } else if let list = try? container.decode([String].self) {
            self = .answer(.choices(list))
        } else if (try? container.decode([JSONAnswer].self)) != nil {
            self = .other(kind: "[…]")
        } else {
            self = .other(kind: "{…}")
        }
    }
}
