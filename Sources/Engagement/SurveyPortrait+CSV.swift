import Foundation

extension SurveyPortrait {
    /// The portrait as CSV: `question,option,group,count,share`, one line per row and column (groups, then
    /// `_all`). The profile mix comes first as question `_respondents`. A suppressed count reads `<5`; a
    /// withheld share is empty. Number summaries are in the JSON only.
    public func csv() -> String {
        var lines = ["question,option,group,count,share"]
        func append(_ question: String, _ row: PortraitRow) {
            for cell in row.groups + [row.all] {
                let count = cell.count.map(String.init) ?? "<\(threshold)"
                let share = cell.share.map(NumberText.of) ?? ""
                let fields = [question, row.option, cell.group ?? Self.allGroups, count, share]
                lines.append(fields.map(CSVField.quoted).joined(separator: ","))
            }
        }
        append(PortraitRow.respondents, respondents)
        for question in questions {
            for row in question.rows { append(question.questionID, row) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 quoting, and a leading `'` on text a spreadsheet would run as a formula (a branch name is
/// typed by people).
enum CSVField {
    static func quoted(_ field: String) -> String {
        var text = field
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
