import Foundation
import TuanjuCore

/// The limits of one question applied to one (non-empty) answer.
struct AnswerCheck {
    let question: SurveyQuestion

    private var id: String { question.id }

    func check(_ answer: AnswerValue) throws(SurveyError) -> AnswerValue {
        switch (question.kind, answer) {
        case (.single(let options), .text(let option)):
            try offered(option, in: options)
            return answer
        case (.multiple(let options, let least, let most), .choices(let chosen)):
            var seen = Set<String>()
            for option in chosen {
                try offered(option, in: options)
                guard seen.insert(option).inserted else { throw .optionRepeated(question: id, option: option) }
            }
            if chosen.count < (least ?? 0) || chosen.count > (most ?? options.count) {
                throw .selectionCount(question: id, min: least ?? 0, max: most ?? options.count, count: chosen.count)
            }
            return answer
        case (.number(let min, let max, let integer), .number(let value)):
            guard value.isFinite else { throw .numberExpected(question: id) }
            if integer, value != value.rounded() { throw .wholeNumberExpected(question: id, value: NumberText.of(value)) }
            if let min, value < min { throw .numberBelow(question: id, min: NumberText.of(min), value: NumberText.of(value)) }
            if let max, value > max { throw .numberAbove(question: id, max: NumberText.of(max), value: NumberText.of(value)) }
            return answer
        case (.scale(let min, let max), .number(let value)):
            guard value.isFinite, value == value.rounded(), value >= Double(min), value <= Double(max) else {
                throw .scaleOutOfRange(question: id, min: min, max: max, value: NumberText.of(value))
            }
            return answer
        case (.text(let maxLength), .text(let text)):
            return .text(try checkedText(text, maxLength: maxLength))
        case (.single, _): throw .optionExpected(question: id)
        case (.multiple, _): throw .optionListExpected(question: id)
        case (.number, _): throw .numberExpected(question: id)
        case (.scale(let min, let max), _): throw .scaleOutOfRange(question: id, min: min, max: max, value: answer.shortText)
        case (.text, _): throw .textExpected(question: id)
        }
    }

    private func offered(_ option: String, in options: [SurveyOption]) throws(SurveyError) {
        guard options.contains(where: { $0.id == option }) else { throw .optionNotOffered(question: id, option: option) }
    }

    /// Trimmed text; refuses control characters other than line breaks (and the invisible direction
    /// overrides used to disguise text), and counts length in Characters as a reader sees them.
    private func checkedText(_ text: String, maxLength: Int) throws(SurveyError) -> String {
        for scalar in text.unicodeScalars where Self.isForbidden(scalar) {
            throw .textControlCharacter(question: id, code: String(scalar.value, radix: 16, uppercase: true))
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw .textTooLong(question: id, max: maxLength, count: trimmed.count)
        }
        return trimmed
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\r" { return false }
        if scalar.properties.generalCategory == .control { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

extension AnswerValue {
    /// The answer as a rider would read it back in a message.
    var shortText: String {
        switch self {
        case .text(let text): "\"\(text.prefix(40))\""
        case .choices(let choices): "[" + choices.prefix(5).joined(separator: ", ") + "]"
        case .number(let number): NumberText.of(number)
        }
    }
}
