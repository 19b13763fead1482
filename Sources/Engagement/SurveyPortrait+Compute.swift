extension SurveyPortrait {
    /// The group label of respondents whose profile has no value for `by`.
    public static let unknownGroup = "unknown"

    /// Counts the validated responses of `definition` per question and option, cross-tabulated by each
    /// respondent's `profileGroup` (the value of profile field `by`, such as "meituan" for `platform`; nil
    /// counts as "unknown"). Without `by`, only the totals. Pure: the caller reads profiles and responses.
    ///
    /// A group (or all respondents together) of fewer than `threshold` shows no count at all, zeros included.
    /// Suppression runs first on the profile mix (respondents per group); its result is fixed for the total
    /// row of every question's table, which holds the same numbers, so no question can reveal what the mix
    /// hides. Then each question's table is suppressed in order (`SmallCellSuppression`); a required follow-up
    /// (`equals`/`includes`) also takes the earlier option's row, hidden as it was there, since its riders
    /// are the same. Not linked: an `at_least` follow-up, and an optional follow-up (whose answers are at
    /// most the earlier count, a bound rather than an equation).
    public static func compute(
        _ definition: SurveyDefinition,
        responses: [(profileGroup: String?, answers: ValidatedResponse)],
        by: String?
    ) -> SurveyPortrait {
        let labels = by == nil ? [] : Set(responses.map { $0.profileGroup ?? unknownGroup }).sorted()
        let column = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let groupOf: [Int?] = responses.map { response in
            by == nil ? nil : column[response.profileGroup ?? unknownGroup]
        }

        let mixGrid = PortraitGrid(rows: 0, groups: labels.count)
        var mixCounts = [Int](repeating: 0, count: mixGrid.entryCount)
        for group in groupOf {
            mixCounts[mixGrid.entry(nil, nil)] += 1
            if let group { mixCounts[mixGrid.entry(nil, group)] += 1 }
        }
        let mix = CountTable(counts: mixCounts, equations: mixGrid.rowEquations)
        let mixHidden = SmallCellSuppression.hide(in: mix, threshold: threshold)
        let respondentsHidden = mixGrid.totalRow.map { mixHidden.contains($0) }
        let mixCells = PortraitCells(grid: mixGrid, counts: mixCounts, hidden: mixHidden, labels: labels)
        let respondents = mixCells.row(PortraitRow.respondents, nil) { _ in mixCells.shown(nil, nil) }
        // A group of fewer than `threshold` respondents shows no count at all, zeros included: "0 chose B,
        // 0 chose C" beside a hidden A tells everyone that the group chose A. The same for every respondent
        // together when they are fewer than `threshold`.
        let smallColumns = mixGrid.columns.filter { (1..<threshold).contains(mixCounts[mixGrid.entry(nil, $0)]) }

        var followed: [String: Set<String>] = [:]
        for question in definition.questions {
            if let (earlier, option) = linkedOption(question) { followed[earlier, default: []].insert(option) }
        }
        var suppressed: [String: (tally: QuestionTally, hidden: Set<Int>)] = [:]
        var questions: [QuestionPortrait] = []
        for question in definition.questions {
            let answers = zip(groupOf, responses).map { ($0, $1.answers.answers[question.id]) }
            let link = linkedRow(question, suppressed)
            let tally = QuestionTally(
                question, answers: answers, groups: labels.count, unchosen: followed[question.id] ?? [], linked: link?.counts)
            let fixed = Array(zip(tally.grid.totalRow, respondentsHidden)) + Array(zip(tally.linkedEntries, link?.hidden ?? []))
            let smallGroups = Set(smallColumns.flatMap { group in
                (0..<tally.grid.rows).map { tally.grid.entry($0, group) } + [tally.grid.entry(nil, group)]
            })
            let hidden = SmallCellSuppression.hide(
                in: tally.table, threshold: threshold,
                fixedShown: Set(fixed.filter { !$0.1 }.map(\.0)).subtracting(smallGroups),
                fixedHidden: Set(fixed.filter(\.1).map(\.0)).union(smallGroups),
                derived: tally.derivedEntries)
            suppressed[question.id] = (tally, hidden)
            questions.append(QuestionPortrait(
                questionID: question.id, type: question.kind.typeName,
                rows: rows(tally, PortraitCells(grid: tally.grid, counts: tally.table.counts, hidden: hidden, labels: labels)),
                summary: summary(question, answers: answers, labels: labels)))
        }
        return SurveyPortrait(
            surveyID: definition.id, surveyVersion: definition.version, by: by, threshold: threshold,
            groups: labels, respondents: respondents, questions: questions)
    }

    /// A required question shown when an earlier one `equals`/`includes` an option is answered by exactly
    /// the riders who chose that option, so its answered count repeats that option's row. That row's counts
    /// and what the earlier table hid of them, group by group then in all; nil for other questions (an
    /// `at_least` condition counts riders no single row holds).
    private static func linkedRow(
        _ question: SurveyQuestion, _ done: [String: (tally: QuestionTally, hidden: Set<Int>)]
    ) -> (counts: [Int], hidden: [Bool])? {
        guard let (id, option) = linkedOption(question), let earlier = done[id] else { return nil }
        guard let row = earlier.tally.rowKeys.firstIndex(of: option) else { return nil }
        let entries = earlier.tally.grid.columns.map { earlier.tally.grid.entry(row, $0) }
        return (entries.map { earlier.tally.table.counts[$0] }, entries.map { earlier.hidden.contains($0) })
    }

    /// The earlier question and option whose choosers are exactly this question's respondents, if any.
    private static func linkedOption(_ question: SurveyQuestion) -> (question: String, option: String)? {
        guard question.required, let condition = question.shownIf else { return nil }
        switch condition.test {
        case .equals(let option), .includes(let option): return (condition.question, option)
        case .atLeast: return nil
        }
    }

    /// Each row with its shares: options over the riders who answered in that column (the `_answered` row,
    /// or respondents minus `_not_answered`), `_answered`/`_not_answered` over the respondents. A share is
    /// shown only when its denominator is, so it never reveals a hidden count.
    private static func rows(_ tally: QuestionTally, _ cells: PortraitCells) -> [PortraitRow] {
        tally.rowKeys.indices.map { row in
            cells.row(tally.rowKeys[row], row) { group in
                guard tally.optionRows.contains(row) else { return cells.shown(nil, group) }
                if let answered = tally.answeredRow { return cells.shown(answered, group) }
                guard let respondents = cells.shown(nil, group), let skipped = cells.shown(tally.notAnsweredRow, group)
                else { return nil }
                return respondents - skipped
            }
        }
    }

    private static func summary(
        _ question: SurveyQuestion, answers: [(Int?, AnswerValue?)], labels: [String]
    ) -> NumberSummary? {
        guard case .number = question.kind else { return nil }
        var all: [Double] = []
        var perGroup = [[Double]](repeating: [], count: labels.count)
        for case let (group, .number(value)?) in answers {
            all.append(value)
            if let group { perGroup[group].append(value) }
        }
        return NumberSummary(
            all: NumberStats(nil, all),
            groups: labels.indices.map { NumberStats(labels[$0], perGroup[$0]) })
    }
}

extension NumberStats {
    /// Min, median and max when at least `SurveyPortrait.threshold` values, else all nil.
    init(_ group: String?, _ values: [Double]) {
        self.group = group
        guard values.count >= SurveyPortrait.threshold else {
            (min, median, max) = (nil, nil, nil)
            return
        }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        min = sorted.first
        max = sorted.last
        median = sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
