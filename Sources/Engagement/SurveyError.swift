import TuanjuCore

/// Refusals of a survey definition file or of a rider's answers. All are invalid input (exit 65); each
/// names the file (definitions) and the question at fault.
public enum SurveyError: TuanjuError, Equatable {
    // MARK: - Definition files
    case definitionMalformed(source: String, reason: String)
    case surveyIDInvalid(source: String, id: String)
    case surveyVersionInvalid(source: String)
    case surveyTitleMissing(source: String)
    case surveyHasNoQuestions(source: String)
    case questionIDInvalid(source: String, position: Int, id: String)
    case questionDuplicate(source: String, question: String)
    case promptMissing(source: String, question: String)
    case questionTypeUnknown(source: String, question: String, type: String)
    case optionsMissing(source: String, question: String)
    case optionIDInvalid(source: String, question: String, option: String)
    case optionDuplicate(source: String, question: String, option: String)
    case optionLabelMissing(source: String, question: String, option: String)
    case selectionBoundInvalid(source: String, question: String, field: String)
    case selectionsImpossible(source: String, question: String, min: Int, count: Int)
    case rangeInverted(source: String, question: String, min: String, max: String)
    case maxLengthInvalid(source: String, question: String)
    case scaleMissing(source: String, question: String)
    case scaleTooWide(source: String, question: String, max: Int)
    case conditionShape(source: String, question: String)
    case conditionUnknownQuestion(source: String, question: String, on: String)
    case conditionOnLater(source: String, question: String, on: String)
    case conditionOperatorMismatch(source: String, question: String, on: String, operator: String, type: String)
    case conditionOptionUnknown(source: String, question: String, on: String, option: String)

    // MARK: - Answers
    case answersMalformed(reason: String)
    case answerNotAnAnswer(question: String, kind: String)
    case consentMissing(survey: String)
    case answerUnknownQuestion(question: String, survey: String)
    case answerNotShown(question: String, on: String)
    case answerRequired(question: String)
    case optionExpected(question: String)
    case optionListExpected(question: String)
    case numberExpected(question: String)
    case textExpected(question: String)
    case optionNotOffered(question: String, option: String)
    case optionRepeated(question: String, option: String)
    case selectionCount(question: String, min: Int, max: Int, count: Int)
    case wholeNumberExpected(question: String, value: String)
    case numberBelow(question: String, min: String, value: String)
    case numberAbove(question: String, max: String, value: String)
    case scaleOutOfRange(question: String, min: Int, max: Int, value: String)
    case textTooLong(question: String, max: Int, count: Int)
    case textControlCharacter(question: String, code: String)

    public var code: String { "invalid_input" }
    public var category: ErrorCategory { .invalidInput }

    /// The question at fault, when there is one (a definition's question, or the answered question).
    public var questionID: String? { text.arguments["question"] }

    public var text: LocalizedText {
        let (message, arguments) = parts
        return LocalizedText(message, arguments)
    }

    private var parts: (EngageMsg, [String: String]) {
        switch self {
        case .definitionMalformed(let source, let reason): (.definitionMalformed, ["source": source, "reason": reason])
        case .surveyIDInvalid(let source, let id): (.surveyIDInvalid, ["source": source, "id": id])
        case .surveyVersionInvalid(let source): (.surveyVersionInvalid, ["source": source])
        case .surveyTitleMissing(let source): (.surveyTitleMissing, ["source": source])
        case .surveyHasNoQuestions(let source): (.surveyHasNoQuestions, ["source": source])
        case .questionIDInvalid(let source, let position, let id):
            (.questionIDInvalid, ["source": source, "position": "\(position)", "id": id])
        case .questionDuplicate(let source, let question): (.questionDuplicate, ["source": source, "question": question])
        case .promptMissing(let source, let question): (.promptMissing, ["source": source, "question": question])
        case .questionTypeUnknown(let source, let question, let type):
            (.questionTypeUnknown, ["source": source, "question": question, "type": type])
        case .optionsMissing(let source, let question): (.optionsMissing, ["source": source, "question": question])
        case .optionIDInvalid(let source, let question, let option):
            (.optionIDInvalid, ["source": source, "question": question, "option": option])
        case .optionDuplicate(let source, let question, let option):
            (.optionDuplicate, ["source": source, "question": question, "option": option])
        case .optionLabelMissing(let source, let question, let option):
            (.optionLabelMissing, ["source": source, "question": question, "option": option])
        case .selectionBoundInvalid(let source, let question, let field):
            (.selectionBoundInvalid, ["source": source, "question": question, "field": field])
        case .selectionsImpossible(let source, let question, let min, let count):
            (.selectionsImpossible, ["source": source, "question": question, "min": "\(min)", "count": "\(count)"])
        case .rangeInverted(let source, let question, let min, let max):
            (.rangeInverted, ["source": source, "question": question, "min": min, "max": max])
        case .maxLengthInvalid(let source, let question): (.maxLengthInvalid, ["source": source, "question": question])
        case .scaleMissing(let source, let question): (.scaleMissing, ["source": source, "question": question])
        case .scaleTooWide(let source, let question, let max):
            (.scaleTooWide, ["source": source, "question": question, "max": "\(max)"])
        case .conditionShape(let source, let question): (.conditionShape, ["source": source, "question": question])
        case .conditionUnknownQuestion(let source, let question, let on):
            (.conditionUnknownQuestion, ["source": source, "question": question, "on": on])
        case .conditionOnLater(let source, let question, let on):
            (.conditionOnLater, ["source": source, "question": question, "on": on])
        case .conditionOperatorMismatch(let source, let question, let on, let op, let type):
            (.conditionOperatorMismatch, ["source": source, "question": question, "on": on, "operator": op, "type": type])
        case .conditionOptionUnknown(let source, let question, let on, let option):
            (.conditionOptionUnknown, ["source": source, "question": question, "on": on, "option": option])
        case .answersMalformed(let reason): (.answersMalformed, ["reason": reason])
        case .answerNotAnAnswer(let question, let kind): (.answerNotAnAnswer, ["question": question, "kind": kind])
        case .consentMissing(let survey): (.consentMissing, ["survey": survey])
        case .answerUnknownQuestion(let question, let survey): (.answerUnknownQuestion, ["question": question, "survey": survey])
        case .answerNotShown(let question, let on): (.answerNotShown, ["question": question, "on": on])
        case .answerRequired(let question): (.answerRequired, ["question": question])
        case .optionExpected(let question): (.optionExpected, ["question": question])
        case .optionListExpected(let question): (.optionListExpected, ["question": question])
        case .numberExpected(let question): (.numberExpected, ["question": question])
        case .textExpected(let question): (.textExpected, ["question": question])
        case .optionNotOffered(let question, let option): (.optionNotOffered, ["question": question, "option": option])
        case .optionRepeated(let question, let option): (.optionRepeated, ["question": question, "option": option])
        case .selectionCount(let question, let min, let max, let count):
            (.selectionCount, ["question": question, "min": "\(min)", "max": "\(max)", "count": "\(count)"])
        case .wholeNumberExpected(let question, let value): (.wholeNumberExpected, ["question": question, "value": value])
        case .numberBelow(let question, let min, let value): (.numberBelow, ["question": question, "min": min, "value": value])
        case .numberAbove(let question, let max, let value): (.numberAbove, ["question": question, "max": max, "value": value])
        case .scaleOutOfRange(let question, let min, let max, let value):
            (.scaleOutOfRange, ["question": question, "min": "\(min)", "max": "\(max)", "value": value])
        case .textTooLong(let question, let max, let count):
            (.textTooLong, ["question": question, "max": "\(max)", "count": "\(count)"])
        case .textControlCharacter(let question, let code): (.textControlCharacter, ["question": question, "code": code])
        }
    }
}
