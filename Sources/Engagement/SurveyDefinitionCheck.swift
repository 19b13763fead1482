import TuanjuCore

/// Turns a decoded definition file into a `SurveyDefinition`, refusing the first fault with a message
/// that names the file and the question.
struct SurveyDefinitionCheck {
    let source: String

    func definition(from file: SurveyFile) throws(SurveyError) -> SurveyDefinition {
        let id = file.id ?? ""
        guard SurveyIdentifier.isValid(id) else { throw .surveyIDInvalid(source: source, id: id) }
        guard let version = file.version, version >= 1 else { throw .surveyVersionInvalid(source: source) }
        guard let title = file.title, Self.isComplete(title) else { throw .surveyTitleMissing(source: source) }
        guard let raw = file.questions, !raw.isEmpty else { throw .surveyHasNoQuestions(source: source) }
        let allIDs = Set(raw.compactMap(\.id))
        var questions: [SurveyQuestion] = []
        for (index, question) in raw.enumerated() {
            questions.append(try self.question(question, position: index + 1, earlier: questions, allIDs: allIDs))
        }
        return SurveyDefinition(id: id, version: version, title: title, questions: questions)
    }

    static func isComplete(_ text: BilingualText) -> Bool {
        !Text.clean(text.en).isEmpty && !Text.clean(text.zh).isEmpty
    }

    private func question(
        _ raw: SurveyFile.Question, position: Int, earlier: [SurveyQuestion], allIDs: Set<String>
    ) throws(SurveyError) -> SurveyQuestion {
        let id = raw.id ?? ""
        guard SurveyIdentifier.isValid(id) else { throw .questionIDInvalid(source: source, position: position, id: id) }
        guard !earlier.contains(where: { $0.id == id }) else { throw .questionDuplicate(source: source, question: id) }
        guard let prompt = raw.prompt, Self.isComplete(prompt) else { throw .promptMissing(source: source, question: id) }
        let kind = try self.kind(raw, question: id)
        let condition = try raw.shownIf.map { (shownIf) throws(SurveyError) in
            try self.condition(shownIf, question: id, earlier: earlier, allIDs: allIDs)
        }
        return SurveyQuestion(id: id, prompt: prompt, required: raw.required ?? false, kind: kind, shownIf: condition)
    }

    private func kind(_ raw: SurveyFile.Question, question id: String) throws(SurveyError) -> QuestionKind {
        switch raw.type ?? "" {
        case "single":
            return .single(options: try options(raw.options, question: id))
        case "multiple":
            let options = try options(raw.options, question: id)
            let least = try whole(raw.min, question: id, field: "min")
            let most = try whole(raw.max, question: id, field: "max")
            try ordered(least.map(Double.init), most.map(Double.init), question: id)
            if let least, least > options.count {
                throw .selectionsImpossible(source: source, question: id, min: least, count: options.count)
            }
            if let most, most < 1 { throw .selectionBoundInvalid(source: source, question: id, field: "max") }
            return .multiple(options: options, minSelections: least, maxSelections: most)
        case "number":
            try ordered(raw.min, raw.max, question: id)
            return .number(min: raw.min, max: raw.max, integer: raw.integer ?? false)
        case "text":
            let maxLength = raw.maxLength ?? SurveyDefinition.defaultMaxLength
            guard maxLength >= 1 else { throw .maxLengthInvalid(source: source, question: id) }
            return .text(maxLength: maxLength)
        case "scale":
            guard let scale = raw.scale else { throw .scaleMissing(source: source, question: id) }
            // Compared as Ints: as Doubles, bounds near ±2^63 round to the same value and pass inverted.
            guard scale.min <= scale.max else {
                throw .rangeInverted(source: source, question: id, min: "\(scale.min)", max: "\(scale.max)")
            }
            // From a huge negative min to a positive max, the width itself overflows an Int.
            let (width, overflow) = scale.max.subtractingReportingOverflow(scale.min)
            guard !overflow, width < SurveyDefinition.maxScalePoints else {
                throw .scaleTooWide(source: source, question: id, max: SurveyDefinition.maxScalePoints)
            }
            return .scale(min: scale.min, max: scale.max)
        case let other:
            throw .questionTypeUnknown(source: source, question: id, type: other)
        }
    }

    private func options(_ raw: [SurveyFile.Option]?, question: String) throws(SurveyError) -> [SurveyOption] {
        guard let raw, !raw.isEmpty else { throw .optionsMissing(source: source, question: question) }
        var options: [SurveyOption] = []
        for option in raw {
            let id = option.id ?? ""
            guard SurveyIdentifier.isValid(id) else { throw .optionIDInvalid(source: source, question: question, option: id) }
            guard !options.contains(where: { $0.id == id }) else {
                throw .optionDuplicate(source: source, question: question, option: id)
            }
            guard let label = option.label, Self.isComplete(label) else {
                throw .optionLabelMissing(source: source, question: question, option: id)
            }
            options.append(SurveyOption(id: id, label: label))
        }
        return options
    }

    private func whole(_ value: Double?, question: String, field: String) throws(SurveyError) -> Int? {
        guard let value else { return nil }
        guard value >= 0, value <= 1_000, value == value.rounded() else {
            throw .selectionBoundInvalid(source: source, question: question, field: field)
        }
        return Int(value)
    }

    private func ordered(_ min: Double?, _ max: Double?, question: String) throws(SurveyError) {
        if let min, let max, min > max {
            throw .rangeInverted(source: source, question: question, min: NumberText.of(min), max: NumberText.of(max))
        }
    }

    private func condition(
        _ raw: SurveyFile.Condition, question: String, earlier: [SurveyQuestion], allIDs: Set<String>
    ) throws(SurveyError) -> ShowCondition {
        let target = raw.question ?? ""
        let operators = [raw.equals != nil, raw.includes != nil, raw.atLeast != nil].filter { $0 }.count
        guard operators == 1 else { throw .conditionShape(source: source, question: question) }
        guard let referenced = earlier.first(where: { $0.id == target }) else {
            if allIDs.contains(target) {
                throw .conditionOnLater(source: source, question: question, on: target)
            }
            throw .conditionUnknownQuestion(source: source, question: question, on: target)
        }
        let test: ShowCondition.Test
        let fits: Bool
        if let option = raw.equals {
            test = .equals(option: option)
            if case .single = referenced.kind { fits = true } else { fits = false }
        } else if let option = raw.includes {
            test = .includes(option: option)
            if case .multiple = referenced.kind { fits = true } else { fits = false }
        } else {
            test = .atLeast(raw.atLeast ?? 0)
            switch referenced.kind {
            case .number, .scale: fits = true
            default: fits = false
            }
        }
        guard fits else {
            throw .conditionOperatorMismatch(
                source: source, question: question, on: target, operator: test.operatorName, type: referenced.kind.typeName)
        }
        if case .equals(let option) = test, !referenced.kind.options.contains(where: { $0.id == option }) {
            throw .conditionOptionUnknown(source: source, question: question, on: target, option: option)
        }
        if case .includes(let option) = test, !referenced.kind.options.contains(where: { $0.id == option }) {
            throw .conditionOptionUnknown(source: source, question: question, on: target, option: option)
        }
        return ShowCondition(question: target, test: test)
    }
}

extension ShowCondition.Test {
    /// The key of the definition file: `equals`, `includes`, `at_least`.
    public var operatorName: String {
        switch self {
        case .equals: "equals"
        case .includes: "includes"
        case .atLeast: "at_least"
        }
    }
}
