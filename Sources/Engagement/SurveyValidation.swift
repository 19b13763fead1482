import TuanjuCore

/// A rider's answers after `SurveyDefinition.validate`: only questions that were shown and answered, text
/// trimmed. This is what gets stored and what the portrait counts. Encodes as
/// `{"survey_id": "needs", "survey_version": 1, "answers": {"platform": "meituan", …}}`.
public struct ValidatedResponse: Sendable, Equatable, Codable {
    public let surveyID: String
    public let surveyVersion: Int
    public let answers: [String: AnswerValue]

    enum CodingKeys: String, CodingKey {
        case surveyID = "survey_id"
        case surveyVersion = "survey_version"
        case answers
    }
}

extension SurveyDefinition {
    /// Checks a rider's answers: consent given, every answer to a known question that is shown, required
    /// questions answered when shown, each answer of the right type and within its limits. An empty string
    /// or list counts as no answer. Questions are checked in order, so a condition sees the answers before it.
    public func validate(answers: [String: AnswerValue], consent: Bool) throws(SurveyError) -> ValidatedResponse {
        guard consent else { throw .consentMissing(survey: id) }
        if let unknown = answers.keys.sorted().first(where: { question($0) == nil }) {
            throw .answerUnknownQuestion(question: unknown, survey: id)
        }
        var accepted: [String: AnswerValue] = [:]
        for question in questions {
            let given = answers[question.id].flatMap(Self.nonEmpty)
            if let condition = question.shownIf, !condition.isMet(by: accepted[condition.question]) {
                if given != nil { throw .answerNotShown(question: question.id, on: condition.question) }
                continue
            }
            guard let given else {
                if question.required { throw .answerRequired(question: question.id) }
                continue
            }
            accepted[question.id] = try AnswerCheck(question: question).check(given)
        }
        return ValidatedResponse(surveyID: id, surveyVersion: version, answers: accepted)
    }

    /// The same for a parsed answers file.
    public func validate(_ submission: SurveySubmission) throws(SurveyError) -> ValidatedResponse {
        try validate(answers: submission.answers, consent: submission.consent)
    }

    /// Nil for "no answer": an empty or blank string, an empty list.
    private static func nonEmpty(_ answer: AnswerValue) -> AnswerValue? {
        switch answer {
        case .text(let text): text.allSatisfy(\.isWhitespace) ? nil : answer
        case .choices(let choices): choices.isEmpty ? nil : answer
        case .number: answer
        }
    }
}
