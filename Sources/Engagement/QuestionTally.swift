/// One question's counts laid out on a `PortraitGrid`, with the equations that hold between them.
///
/// Rows: the options (or scale points), `_answered` (multiple, number, text), `_not_answered`; then rows
/// that are never shown but that a reader can work out, so suppression must reason about them too:
/// for an option that a required follow-up depends on, the riders who did not choose it (respondents minus
/// the option: the follow-up's `_not_answered`); for a required follow-up, a copy of the earlier option's
/// row, whose riders are exactly the ones who answer it.
struct QuestionTally {
    let question: SurveyQuestion
    /// Names of the shown rows: option ids or scale points, then `_answered` and `_not_answered`.
    let rowKeys: [String]
    let grid: PortraitGrid
    let table: CountTable
    /// Rows that are options (or scale points), whose share is over the riders who answered.
    let optionRows: Range<Int>
    /// The `_answered` row, for the questions that have one.
    let answeredRow: Int?
    let notAnsweredRow: Int
    /// Per option in `unchosen`, the riders who did not choose it.
    let unchosenRows: Range<Int>
    /// The option rows those are about.
    let unchosenOptions: [Int]
    /// The copy of the earlier option's row (required follow-ups only).
    let linkedRow: Int?

    /// `answers[i]`: respondent i's group column (nil without groups) and answer (nil: not answered).
    /// `unchosen`: options a required follow-up depends on. `linked`: the counts, group by group then in all,
    /// of the earlier option whose riders must answer this question.
    init(
        _ question: SurveyQuestion, answers: [(group: Int?, answer: AnswerValue?)], groups: Int,
        unchosen: Set<String> = [], linked: [Int]? = nil
    ) {
        self.question = question
        let choices = Self.choiceKeys(question.kind)
        let hasAnsweredRow = switch question.kind {
        case .single, .scale: false
        case .multiple, .number, .text: true
        }
        rowKeys = choices + (hasAnsweredRow ? [PortraitRow.answered] : []) + [PortraitRow.notAnswered]
        optionRows = 0..<choices.count
        answeredRow = hasAnsweredRow ? choices.count : nil
        notAnsweredRow = rowKeys.count - 1
        unchosenOptions = choices.indices.filter { unchosen.contains(choices[$0]) }
        unchosenRows = rowKeys.count..<(rowKeys.count + unchosenOptions.count)
        linkedRow = linked == nil ? nil : unchosenRows.upperBound
        grid = PortraitGrid(rows: unchosenRows.upperBound + (linked == nil ? 0 : 1), groups: groups)

        var counts = [Int](repeating: 0, count: grid.entryCount)
        for (group, answer) in answers {
            var hit = answer.map { Self.choiceRows($0, kind: question.kind, keys: choices) } ?? []
            if answer != nil, let answeredRow { hit.append(answeredRow) }
            if hit.isEmpty { hit = [notAnsweredRow] }
            for row in hit.map(Optional.some) + [nil] {
                counts[grid.entry(row, nil)] += 1
                if let group { counts[grid.entry(row, group)] += 1 }
            }
        }
        for column in grid.columns {
            for (option, unchosen) in zip(unchosenOptions, unchosenRows) {
                counts[grid.entry(unchosen, column)] = counts[grid.entry(nil, column)] - counts[grid.entry(option, column)]
            }
            if let linked, let linkedRow { counts[grid.entry(linkedRow, column)] = linked[column ?? groups] }
        }

        var equations = Self.equations(question.kind, grid: grid, answeredRow: answeredRow, notAnsweredRow: notAnsweredRow)
        for (option, unchosen) in zip(unchosenOptions, unchosenRows) {
            equations += grid.columnEquations(adding: [option, unchosen])
        }
        if let linkedRow {
            // Riders who answered = riders shown = riders who chose the earlier option.
            equations += grid.columnEquations(adding: answeredRow.map { [$0] } ?? Array(optionRows), against: linkedRow)
        }
        table = CountTable(counts: counts, equations: equations)
    }

    /// The linked row's entries, group by group then in all.
    var linkedEntries: [Int] {
        guard let linkedRow else { return [] }
        return grid.columns.map { grid.entry(linkedRow, $0) }
    }

    /// The entries of rows never shown but worked out (the riders who did not choose each option).
    var derivedEntries: Set<Int> {
        Set(unchosenRows.flatMap { row in grid.columns.map { grid.entry(row, $0) } })
    }

    private static func choiceKeys(_ kind: QuestionKind) -> [String] {
        switch kind {
        case .single(let options), .multiple(let options, _, _): options.map(\.id)
        case .scale(let min, let max): (min...max).map(String.init)
        case .number, .text: []
        }
    }

    private static func choiceRows(_ answer: AnswerValue, kind: QuestionKind, keys: [String]) -> [Int] {
        switch answer {
        case .text(let option): keys.firstIndex(of: option).map { [$0] } ?? []
        case .choices(let options): options.compactMap { keys.firstIndex(of: $0) }
        case .number(let value): keys.firstIndex(of: NumberText.of(value)).map { [$0] } ?? []
        }
    }

    /// Rows across groups add up to their totals. Down a column, options plus `_not_answered` add up to the
    /// respondents for single and scale questions; `_answered` plus `_not_answered` for the others; and the
    /// options of a multiple-choice question with a fixed number k of selections add up to k × `_answered`.
    private static func equations(
        _ kind: QuestionKind, grid: PortraitGrid, answeredRow: Int?, notAnsweredRow: Int
    ) -> [[CountTable.Term]] {
        var equations = grid.rowEquations
        if let answeredRow {
            equations += grid.columnEquations(adding: [answeredRow, notAnsweredRow])
            if case .multiple(_, let least?, let most?) = kind, least == most {
                equations += grid.columnEquations(adding: Array(0..<answeredRow), against: answeredRow, times: least)
            }
        } else {
            equations += grid.columnEquations(adding: Array(0...notAnsweredRow))
        }
        return equations
    }
}
