/// The group portrait (群体画像) of one survey: how many riders chose each option, overall and per profile
/// group (platform, branch, party member, ...), with every count of 1 to 4 riders suppressed (see
/// `SmallCellSuppression` for the rule). A stable JSON contract for `--json`: snake_case keys, every key
/// always present, `null` where a value is withheld.
public struct SurveyPortrait: Sendable, Equatable, Codable {
    /// Counts below this many riders are never shown.
    public static let threshold = 5
    /// The total column's and total row's name in CSV; group labels never start with `_` in practice.
    public static let allGroups = "_all"

    public let surveyID: String
    public let surveyVersion: Int
    /// The profile field the groups come from (`platform`), or nil for no cross-tabulation.
    public let by: String?
    public let threshold: Int
    /// Group labels in column order (sorted); empty without `by`.
    public let groups: [String]
    /// The profile mix: respondents per group and in all (row `_respondents`).
    public let respondents: PortraitRow
    public let questions: [QuestionPortrait]

    public init(
        surveyID: String, surveyVersion: Int, by: String?, threshold: Int, groups: [String],
        respondents: PortraitRow, questions: [QuestionPortrait]
    ) {
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.by = by
        self.threshold = threshold
        self.groups = groups
        self.respondents = respondents
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey {
        case surveyID = "survey_id", surveyVersion = "survey_version", by, threshold, groups, respondents, questions
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(surveyID, forKey: .surveyID)
        try container.encode(surveyVersion, forKey: .surveyVersion)
        try container.encode(by, forKey: .by)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(groups, forKey: .groups)
        try container.encode(respondents, forKey: .respondents)
        try container.encode(questions, forKey: .questions)
    }
}

/// One question's table. Rows: each option (a scale's points as `"1"`…`"5"`), then `_answered` (multiple,
/// number and text questions: riders who answered) and `_not_answered` (riders who skipped it or were not
/// shown it). Every column of rows adds up to that group's respondents. Text answers are never shown.
public struct QuestionPortrait: Sendable, Equatable, Codable {
    public let questionID: String
    public let type: String
    public let rows: [PortraitRow]
    /// Number questions only: min, median and max, each group's only when it has 5 or more answers.
    public let summary: NumberSummary?

    public init(questionID: String, type: String, rows: [PortraitRow], summary: NumberSummary?) {
        self.questionID = questionID
        self.type = type
        self.rows = rows
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case questionID = "question_id", type, rows, summary
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(questionID, forKey: .questionID)
        try container.encode(type, forKey: .type)
        try container.encode(rows, forKey: .rows)
        try container.encode(summary, forKey: .summary)
    }
}

/// One row: its count over all respondents and per group.
public struct PortraitRow: Sendable, Equatable, Codable {
    public static let answered = "_answered"
    public static let notAnswered = "_not_answered"
    public static let respondents = "_respondents"

    /// An option id, a scale point, or one of the `_` names above.
    public let option: String
    public let all: PortraitCount
    public let groups: [PortraitCount]

    public init(option: String, all: PortraitCount, groups: [PortraitCount]) {
        self.option = option
        self.all = all
        self.groups = groups
    }
}

/// A count, or its suppression. `share` is the count over the riders who answered the question in that
/// column (for `_answered`/`_not_answered` and the profile mix: over the respondents); withheld when the
/// count or its denominator is not shown, since it would reveal them.
public struct PortraitCount: Sendable, Equatable, Codable {
    /// The group label; nil in a row's `all`.
    public let group: String?
    /// Nil when suppressed.
    public let count: Int?
    public let suppressed: Bool
    public let share: Double?

    public init(group: String?, count: Int?, suppressed: Bool, share: Double?) {
        self.group = group
        self.count = count
        self.suppressed = suppressed
        self.share = share
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(count, forKey: .count)
        try container.encode(suppressed, forKey: .suppressed)
        try container.encode(share, forKey: .share)
    }

    enum CodingKeys: String, CodingKey { case group, count, suppressed, share }
}

/// Min, median and max of a number question, overall and per group.
public struct NumberSummary: Sendable, Equatable, Codable {
    public let all: NumberStats
    public let groups: [NumberStats]

    public init(all: NumberStats, groups: [NumberStats]) {
        self.all = all
        self.groups = groups
    }
}

/// Nil values when fewer than 5 riders answered in that column.
public struct NumberStats: Sendable, Equatable, Codable {
    /// The group label; nil overall.
    public let group: String?
    public let min: Double?
    public let median: Double?
    public let max: Double?

    public init(group: String?, min: Double?, median: Double?, max: Double?) {
        self.group = group
        self.min = min
        self.median = median
        self.max = max
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(min, forKey: .min)
        try container.encode(median, forKey: .median)
        try container.encode(max, forKey: .max)
    }

    enum CodingKeys: String, CodingKey { case group, min, median, max }
}
