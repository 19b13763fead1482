import Engagement
import Foundation
import Testing

/// Random but reproducible respondents for the portrait's property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum PortraitScenarios {
    typealias Response = (profileGroup: String?, answers: ValidatedResponse)

    /// Every kind of question, optional so skips happen, a fixed-count multiple choice and a follow-up.
    static func survey() throws -> SurveyDefinition {
        let q = SurveyFixtures.question
        let o = SurveyFixtures.options
        return try SurveyFixtures.definition(questions: [
            q("\"id\": \"p\", \"type\": \"single\", " + o("a", "b", "c")),
            q("\"id\": \"m\", \"type\": \"multiple\", " + o("w", "x", "y", "z")),
            q("\"id\": \"k\", \"type\": \"multiple\", \"min\": 2, \"max\": 2, " + o("w", "x", "y", "z")),
            q("\"id\": \"s\", \"type\": \"scale\", \"scale\": {\"min\": 1, \"max\": 5}"),
            q("\"id\": \"n\", \"type\": \"number\", \"min\": 0, \"max\": 16"),
            q("\"id\": \"t\", \"type\": \"text\", \"max_length\": 50"),
            q("\"id\": \"f\", \"type\": \"single\", \"required\": true, \"shown_if\": {\"question\": \"p\", \"equals\": \"a\"}, " + o("yes", "no")),
            q("\"id\": \"g\", \"type\": \"multiple\", \"required\": true, \"shown_if\": {\"question\": \"m\", \"includes\": \"w\"}, " + o("u", "v")),
            q("\"id\": \"h\", \"type\": \"text\", \"shown_if\": {\"question\": \"s\", \"at_least\": 4}"),
        ].joined(separator: ","))
    }

    /// An answer to question p alone (with the required follow-up f when p is a).
    static func answers(p option: String) -> [String: AnswerValue] {
        option == "a" ? ["p": .text(option), "f": .text("yes")] : ["p": .text(option)]
    }

    /// `count` respondents spread unevenly over `groups` groups (one of them nil: no profile value),
    /// answering at random.
    static func responses(
        _ survey: SurveyDefinition, count: Int, groups: Int = 4, random: inout SplitMix64
    ) throws -> [Response] {
        let labels: [String?] = (1..<max(groups, 2)).map { "g\($0)" } + [nil]
        let weights = labels.map { _ in Double.random(in: 0...1, using: &random) * Double.random(in: 0...1, using: &random) }
        let total = weights.reduce(0, +)
        var responses: [Response] = []
        for _ in 0..<count {
            var pick = Double.random(in: 0..<total, using: &random)
            var label = labels.last!
            for (index, weight) in weights.enumerated() {
                if pick < weight { label = labels[index]; break }
                pick -= weight
            }
            let answers = randomAnswers(survey, random: &random)
            responses.append((label, try survey.validate(answers: answers, consent: true)))
        }
        return responses
    }

    private static func randomAnswers(_ survey: SurveyDefinition, random: inout SplitMix64) -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [:]
        for question in survey.questions {
            if let condition = question.shownIf, !condition.isMet(by: answers[condition.question]) { continue }
            if !question.required, Int.random(in: 0..<4, using: &random) == 0 { continue }
            switch question.kind {
            case .single(let options):
                // Skewed towards the first option so small and large cells both occur.
                let index = min(options.count - 1, Int.random(in: 0..<(options.count * 2), using: &random) / 2)
                answers[question.id] = .text(options[Int.random(in: 0...1, using: &random) == 0 ? 0 : index].id)
            case .multiple(let options, let least, let most):
                let size = Int.random(in: (least ?? 1)...(most ?? options.count), using: &random)
                answers[question.id] = .choices(Array(options.shuffled(using: &random).prefix(size).map(\.id)))
            case .scale(let low, let high):
                answers[question.id] = .number(Double(Int.random(in: low...high, using: &random)))
            case .number:
                answers[question.id] = .number(Double(Int.random(in: 0...32, using: &random)) / 2)
            case .text:
                answers[question.id] = .text("secret words \(Int.random(in: 0...9, using: &random))")
            }
        }
        return answers
    }

    /// The counts a portrait should show, computed directly: question → option → group (`_all` too) → count.
    static func trueCounts(_ survey: SurveyDefinition, _ responses: [Response], by: String?) -> [RecoveryChecker.Key: Int] {
        var counts: [RecoveryChecker.Key: Int] = [:]
        func add(_ question: String, _ option: String, _ group: String?) {
            var columns = [SurveyPortrait.allGroups]
            if by != nil { columns.append(group ?? SurveyPortrait.unknownGroup) }
            for column in columns {
                counts[RecoveryChecker.Key(question: question, option: option, group: column), default: 0] += 1
            }
        }
        for (group, response) in responses {
            add(PortraitRow.respondents, PortraitRow.respondents, group)
            for question in survey.questions {
                switch (question.kind, response.answers[question.id]) {
                case (.single, .text(let option)?): add(question.id, option, group)
                case (.scale, .number(let value)?): add(question.id, String(Int(value)), group)
                case (.multiple, .choices(let options)?):
                    for option in options { add(question.id, option, group) }
                    add(question.id, PortraitRow.answered, group)
                case (.number, _?), (.text, _?): add(question.id, PortraitRow.answered, group)
                default: add(question.id, PortraitRow.notAnswered, group)
                }
            }
        }
        return counts
    }
}
