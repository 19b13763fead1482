import CSVReader
import Foundation

extension SurveyPortrait {
    /// The portrait as CSV: `question,option,group,count,share`, one line per row and column (groups, then
    /// `_all`). The profile mix comes first as question `_respondents`. A suppressed count reads `<5`; a
    /// withheld share is empty. Number summaries are in the JSON only. Written by `CSVWriter`, so a group
    /// label typed by people (a branch name) is never run as a formula.
    public func csv() -> String {
        var text = CSVWriter.header(["question", "option", "group", "count", "share"])
        func append(_ question: String, _ row: PortraitRow) {
            for cell in row.groups + [row.all] {
                text += CSVWriter.line([
                    .text(question), .text(row.option), .text(cell.group ?? Self.allGroups),
                    cell.count.map(CSVField.number) ?? .text("<\(threshold)"),
                    cell.share.map { .numeral(NumberText.of($0)) } ?? .text(""),
                ])
            }
        }
        append(PortraitRow.respondents, respondents)
        for question in questions {
            for row in question.rows { append(question.questionID, row) }
        }
        return text
    }
}
