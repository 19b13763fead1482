import Engagement

/// Plays a reader with a calculator: using only the numbers a portrait shows, it works through every row
/// (groups add up to the total), column (rows add up to the respondents) and the profile mix, solving any
/// equation left with one unknown, until nothing more comes out. It reports every suppressed count it
/// recovers, and every equation that reveals that its suppressed counts add up to fewer than 5 riders.
struct RecoveryChecker {
    struct Key: Hashable, CustomStringConvertible {
        let question: String
        let option: String
        let group: String

        var description: String { "\(question)/\(option)/\(group)" }
    }

    struct Term {
        let key: Key
        let coefficient: Int
    }

    let portrait: SurveyPortrait
    let definition: SurveyDefinition

    private var columns: [String] { portrait.groups + [SurveyPortrait.allGroups] }

    /// What the checker could work out; empty when the portrait leaks nothing.
    func findings() -> [String] {
        var known = shownValues()
        let equations = self.equations()
        var findings: [String] = []
        var progress = true
        while progress {
            progress = false
            for equation in equations {
                let unknown = equation.filter { known[$0.key] == nil }
                guard unknown.count == 1 else { continue }
                let rest = equation.filter { known[$0.key] != nil }.reduce(0) { $0 + $1.coefficient * known[$1.key]! }
                let value = -rest / unknown[0].coefficient
                known[unknown[0].key] = value
                findings.append("recovered \(unknown[0].key) = \(value)")
                progress = true
            }
        }
        for equation in equations {
            let unknown = equation.filter { known[$0.key] == nil }
            guard !unknown.isEmpty else { continue }
            guard unknown.allSatisfy({ $0.coefficient > 0 }) || unknown.allSatisfy({ $0.coefficient < 0 }) else { continue }
            let rest = equation.filter { known[$0.key] != nil }.reduce(0) { $0 + $1.coefficient * known[$1.key]! }
            if rest == 0, mergedGroupSize(unknown.map(\.key), known: known).map({ $0 >= portrait.threshold }) == true {
                // "None of the riders of these groups together did X", where together they are 5 or more:
                // what a shown 0 of a group that size would say.
                continue
            }
            if abs(rest) < portrait.threshold {
                findings.append("suppressed \(unknown.map(\.key)) add up to \(abs(rest))")
            }
        }
        return findings
    }

    /// When `keys` are one row's cells of several groups (not the total), how many respondents those groups
    /// hold together, as a reader works it out from the total and the other groups' shown sizes.
    func mergedGroupSize(_ keys: [Key], known: [Key: Int]) -> Int? {
        guard let first = keys.first, keys.allSatisfy({ $0.question == first.question && $0.option == first.option }) else { return nil }
        let groups = Set(keys.map(\.group))
        guard !groups.contains(SurveyPortrait.allGroups), var size = known[respondents(SurveyPortrait.allGroups)] else { return nil }
        for other in portrait.groups where !groups.contains(other) {
            guard let count = known[respondents(other)] else { return nil }
            size -= count
        }
        return size
    }

    /// Every shown count, by key; the profile mix under question `_respondents`.
    func shownValues() -> [Key: Int] {
        var values: [Key: Int] = [:]
        for (question, row) in rows() {
            for cell in row.groups + [row.all] {
                if let count = cell.count {
                    values[Key(question: question, option: row.option, group: cell.group ?? SurveyPortrait.allGroups)] = count
                }
            }
        }
        return values
    }

    func allKeys() -> [Key] {
        rows().flatMap { question, row in columns.map { Key(question: question, option: row.option, group: $0) } }
    }

    private func rows() -> [(String, PortraitRow)] {
        [(PortraitRow.respondents, portrait.respondents)]
            + portrait.questions.flatMap { question in question.rows.map { (question.questionID, $0) } }
    }

    private func respondents(_ group: String) -> Key {
        Key(question: PortraitRow.respondents, option: PortraitRow.respondents, group: group)
    }

    /// Each equation: Σ coefficient × count = 0.
    func equations() -> [[Term]] {
        var equations: [[Term]] = []
        for (question, row) in rows() where !portrait.groups.isEmpty {
            equations.append(portrait.groups.map { Term(key: Key(question: question, option: row.option, group: $0), coefficient: 1) }
                + [Term(key: Key(question: question, option: row.option, group: SurveyPortrait.allGroups), coefficient: -1)])
        }
        for question in portrait.questions {
            let kind = definition.question(question.questionID)!.kind
            let options = question.rows.map(\.option).filter { !$0.hasPrefix("_") }
            for column in columns {
                func key(_ option: String) -> Key { Key(question: question.questionID, option: option, group: column) }
                switch kind {
                case .single, .scale:
                    equations.append(question.rows.map { Term(key: key($0.option), coefficient: 1) }
                        + [Term(key: respondents(column), coefficient: -1)])
                case .multiple(_, let least, let most):
                    equations.append([Term(key: key(PortraitRow.answered), coefficient: 1),
                                      Term(key: key(PortraitRow.notAnswered), coefficient: 1),
                                      Term(key: respondents(column), coefficient: -1)])
                    if let least, least == most {
                        equations.append(options.map { Term(key: key($0), coefficient: 1) }
                            + [Term(key: key(PortraitRow.answered), coefficient: -least)])
                    }
                case .number, .text:
                    equations.append([Term(key: key(PortraitRow.answered), coefficient: 1),
                                      Term(key: key(PortraitRow.notAnswered), coefficient: 1),
                                      Term(key: respondents(column), coefficient: -1)])
                }
            }
        }
        equations += followUpEquations()
        return equations
    }

    /// A required question shown when an earlier one `equals`/`includes` an option is answered by exactly
    /// the riders who chose that option: its `_answered` row (or its options, for a single choice) adds up
    /// to that option's row of the earlier question, group by group.
    private func followUpEquations() -> [[Term]] {
        var equations: [[Term]] = []
        for question in definition.questions where question.required {
            guard let condition = question.shownIf else { continue }
            let option: String
            switch condition.test {
            case .equals(let chosen), .includes(let chosen): option = chosen
            case .atLeast: continue
            }
            let portrayed = portrait.questions.first { $0.questionID == question.id }!
            let answeredRows: [String] = switch question.kind {
            case .single, .scale: portrayed.rows.map(\.option).filter { !$0.hasPrefix("_") }
            case .multiple, .number, .text: [PortraitRow.answered]
            }
            for column in columns {
                equations.append(answeredRows.map { Term(key: Key(question: question.id, option: $0, group: column), coefficient: 1) }
                    + [Term(key: Key(question: condition.question, option: option, group: column), coefficient: -1)])
            }
        }
        return equations
    }
}
