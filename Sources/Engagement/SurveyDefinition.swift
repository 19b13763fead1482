import TuanjuCore

/// A questionnaire (骑手问卷) as loaded from its JSON definition, already checked: unique ids, options where
/// choices are asked, sane ranges, and conditions that refer only to earlier questions.
/// `SurveyDefinition.decode(_:source:)` is the only way to build one from a file.
public struct SurveyDefinition: Sendable, Equatable {
    public let id: String
    public let version: Int
    public let title: BilingualText
    /// In the order riders see them; a condition refers only to a question before its own.
    public let questions: [SurveyQuestion]

    public func question(_ id: String) -> SurveyQuestion? {
        questions.first { $0.id == id }
    }
}

/// A text given in both languages of the product.
public struct BilingualText: Sendable, Equatable, Codable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(in language: Language = .current) -> String {
        language == .zh ? zh : en
    }
}

/// One question of a survey.
public struct SurveyQuestion: Sendable, Equatable {
    public let id: String
    public let prompt: BilingualText
    /// A required question must be answered whenever it is shown.
    public let required: Bool
    public let kind: QuestionKind
    /// Shown only when this holds for an earlier answer; nil means always shown.
    public let shownIf: ShowCondition?
}

/// What a question asks for, with the limits of a valid answer.
public enum QuestionKind: Sendable, Equatable {
    /// Exactly one option id.
    case single(options: [SurveyOption])
    /// A list of distinct option ids, between `minSelections` and `maxSelections` long when answered.
    case multiple(options: [SurveyOption], minSelections: Int?, maxSelections: Int?)
    /// A JSON number in `min...max` (each bound optional); a whole number when `integer`.
    case number(min: Double?, max: Double?, integer: Bool)
    /// Free text of at most `maxLength` characters; line breaks allowed, other control characters not.
    case text(maxLength: Int)
    /// A whole number in `min...max` (a rating such as 1 to 5).
    case scale(min: Int, max: Int)

    /// The `type` of the definition file: `single`, `multiple`, `number`, `text`, `scale`.
    public var typeName: String {
        switch self {
        case .single: "single"
        case .multiple: "multiple"
        case .number: "number"
        case .text: "text"
        case .scale: "scale"
        }
    }

    /// The options of a choice question, else empty.
    public var options: [SurveyOption] {
        switch self {
        case .single(let options), .multiple(let options, _, _): options
        case .number, .text, .scale: []
        }
    }
}

/// One offered choice.
public struct SurveyOption: Sendable, Equatable {
    public let id: String
    public let label: BilingualText
}

/// `shown_if`: the question is shown only when an earlier answer meets this.
public struct ShowCondition: Sendable, Equatable {
    public enum Test: Sendable, Equatable {
        /// The single-choice answer is this option.
        case equals(option: String)
        /// The multiple-choice answer includes this option.
        case includes(option: String)
        /// The number or scale answer is at least this.
        case atLeast(Double)
    }

    /// The id of the earlier question.
    public let question: String
    public let test: Test

    public init(question: String, test: Test) {
        self.question = question
        self.test = test
    }

    /// Whether an answer (nil: not shown or not answered) meets the condition. An unanswered question
    /// meets no condition, so a follow-up of a skipped question is not shown either.
    public func isMet(by answer: AnswerValue?) -> Bool {
        switch (test, answer) {
        case (.equals(let option), .text(let chosen)?): chosen == option
        case (.includes(let option), .choices(let chosen)?): chosen.contains(option)
        case (.atLeast(let bound), .number(let value)?): value >= bound
        default: false
        }
    }
}
