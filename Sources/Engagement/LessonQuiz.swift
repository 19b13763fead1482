import Foundation
import TuanjuCore

// A lesson's quiz, in the survey definition's shape where it can be (ids, bilingual prompts and option labels,
// `single` and `multiple` questions), plus the answer key and a pass mark:
//
// {"pass_mark": 80,
//  "questions": [
//    {"id": "helmet", "type": "single", "prompt": {"en": "…", "zh": "…"},
//     "options": [{"id": "always", "label": {"en": "…", "zh": "…"}}, …], "answer": "always"},
//    {"id": "battery", "type": "multiple", "prompt": {"en": "…", "zh": "…"},
//     "options": [{"id": "a", "label": {"en": "…", "zh": "…"}}, …], "answer": ["a", "c"]}]}
//
// A rider's answers file is the survey answers file without consent: {"answers": {"helmet": "always",
// "battery": ["a", "c"]}}. A question is right when exactly the key's options are chosen; the rider passes when
// the share right reaches the pass mark (percent, default 80). The key never leaves the server.

/// A lesson's quiz with its answer key. `publicView` is what riders see.
public struct LessonQuiz: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case single, multiple }

    public struct Option: Sendable, Equatable, Codable {
        public let id: String
        public let label: BilingualText
    }

    public struct Question: Sendable, Equatable, Codable {
        public let id: String
        public let type: Kind
        public let prompt: BilingualText
        public let options: [Option]
        /// The options a right answer chooses, exactly (one for `single`).
        public let answer: [String]
    }

    public static let defaultPassMark = 80
    public static let maxQuestions = 50
    public static let maxOptions = 10

    public let passMark: Int
    public let questions: [Question]

    enum CodingKeys: String, CodingKey {
        case passMark = "pass_mark", questions
    }
}

/// How a rider did on one attempt.
public struct QuizResult: Sendable, Equatable {
    public let correct: Int
    public let total: Int
    public let passMark: Int
    /// Percent right, rounded down.
    public var score: Int { total == 0 ? 100 : correct * 100 / total }
    public var passed: Bool { correct * 100 >= passMark * total }
}

extension LessonQuiz {
    /// Decodes and checks a quiz file; `source` names it in messages. Invalid input (65) names the question.
    public static func decode(_ data: Data, source: String) throws -> LessonQuiz {
        let file: QuizFile
        do {
            file = try JSONDecoder().decode(QuizFile.self, from: data)
        } catch {
            throw SurveyError.definitionMalformed(source: source, reason: JSONProblem.describe(error))
        }
        let passMark = file.pass_mark ?? defaultPassMark
        guard (1...100).contains(passMark) else { throw InputError.invalid(LessonMsg.passMarkInvalid, ["source": source, "value": "\(passMark)"]) }
        let questions = file.questions ?? []
        guard !questions.isEmpty else { throw SurveyError.surveyHasNoQuestions(source: source) }
        guard questions.count <= maxQuestions else {
            throw InputError.invalid(LessonMsg.tooManyQuestions, ["source": source, "count": "\(questions.count)", "max": "\(maxQuestions)"])
        }
        var seen = Set<String>()
        let checked = try questions.enumerated().map { position, question throws -> Question in
            let id = question.id ?? ""
            guard SurveyIdentifier.isValid(id) else { throw SurveyError.questionIDInvalid(source: source, position: position + 1, id: id) }
            guard seen.insert(id).inserted else { throw SurveyError.questionDuplicate(source: source, question: id) }
            guard let prompt = question.prompt, !Text.clean(prompt.en).isEmpty, !Text.clean(prompt.zh).isEmpty else {
                throw SurveyError.promptMissing(source: source, question: id)
            }
            guard let kind = Kind(rawValue: question.type ?? "") else {
                throw InputError.invalid(LessonMsg.quizTypeUnknown, ["source": source, "question": id, "type": question.type ?? ""])
            }
            let options = question.options ?? []
            guard options.count >= 2, options.count <= maxOptions else {
                throw InputError.invalid(LessonMsg.quizOptionCount, ["source": source, "question": id, "max": "\(maxOptions)"])
            }
            var optionIDs = Set<String>()
            let checkedOptions = try options.map { option throws -> Option in
                let optionID = option.id ?? ""
                guard SurveyIdentifier.isValid(optionID) else {
                    throw SurveyError.optionIDInvalid(source: source, question: id, option: optionID)
                }
                guard optionIDs.insert(optionID).inserted else {
                    throw SurveyError.optionDuplicate(source: source, question: id, option: optionID)
                }
                guard let label = option.label, !Text.clean(label.en).isEmpty, !Text.clean(label.zh).isEmpty else {
                    throw SurveyError.optionLabelMissing(source: source, question: id, option: optionID)
                }
                return Option(id: optionID, label: label)
            }
            let answer = question.answerList ?? []
            let valid = !answer.isEmpty && Set(answer).count == answer.count && answer.allSatisfy(optionIDs.contains)
                && (kind == .multiple || answer.count == 1)
            guard valid else { throw InputError.invalid(LessonMsg.answerKeyInvalid, ["source": source, "question": id]) }
            return Question(id: id, type: kind, prompt: prompt, options: checkedOptions, answer: answer)
        }
        return LessonQuiz(passMark: passMark, questions: checked)
    }

    /// Marks a rider's answers: every question must be answered with options it offers (else 65, and the
    /// attempt does not count). A `single` answer is one option id, a `multiple` answer a list of them.
    public func mark(_ submission: SurveySubmission) throws -> QuizResult {
        let known = Set(questions.map(\.id))
        if let unknown = submission.answers.keys.sorted().first(where: { !known.contains($0) }) {
            throw SurveyError.answerUnknownQuestion(question: unknown, survey: "quiz")
        }
        var correct = 0
        for question in questions {
            guard let value = submission.answers[question.id] else { throw SurveyError.answerRequired(question: question.id) }
            let chosen: [String]
            switch (question.type, value) {
            case (.single, .text(let option)): chosen = [option]
            case (.multiple, .choices(let options)): chosen = options
            case (.single, _): throw SurveyError.optionExpected(question: question.id)
            case (.multiple, _): throw SurveyError.optionListExpected(question: question.id)
            }
            let offered = Set(question.options.map(\.id))
            if let stray = chosen.first(where: { !offered.contains($0) }) {
                throw SurveyError.optionNotOffered(question: question.id, option: stray)
            }
            if Set(chosen).count != chosen.count { throw SurveyError.optionRepeated(question: question.id, option: chosen.first ?? "") }
            if Set(chosen) == Set(question.answer) { correct += 1 }
        }
        return QuizResult(correct: correct, total: questions.count, passMark: passMark)
    }
}

/// The file as written; every field optional so a missing one is refused with a message naming it.
struct QuizFile: Decodable {
    struct Question: Decodable {
        let id: String?
        let type: String?
        let prompt: BilingualText?
        let options: [SurveyFile.Option]?
        let answer: StringOrList?
    }

    let pass_mark: Int?
    let questions: [Question]?
}

/// `"b"` or `["a", "c"]`.
struct StringOrList: Decodable {
    let values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
    }
}

extension QuizFile.Question {
    var answerList: [String]? { answer?.values }
}
