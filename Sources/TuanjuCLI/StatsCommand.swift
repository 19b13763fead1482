import ArgumentParser
import CSVReader
import Foundation
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

/// `tuanju stats [--from DATE --to DATE] [--by week|month] [--format table|json|csv|svg]` (coordinator).
struct StatsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "stats", abstract: DeadlineMsg.statsAbstract.text) }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(DeadlineMsg.optFrom, valueName: "date")) var from: String?
    @Option(help: ArgumentHelp(DeadlineMsg.optTo, valueName: "date")) var to: String?
    @Option(help: ArgumentHelp(DeadlineMsg.optBy, valueName: "step")) var by = "week"
    @Option(help: ArgumentHelp(DeadlineMsg.optFormat, valueName: "format")) var format = "table"
    @Option(name: .shortAndLong, help: ArgumentHelp(ReportCLIMsg.optOutput, valueName: "file")) var output: String?

    func run() throws {
        let (app, caller) = try global.session()
        guard let grouping = Figures.Grouping(rawValue: by) else { throw InputError.invalid(DeadlineMsg.groupingUnknown, ["value": by]) }
        guard ["table", "json", "csv", "svg"].contains(format) else { throw InputError.invalid(DeadlineMsg.formatUnknown, ["value": format]) }
        let format = global.json ? "json" : format
        let stats = StatsJSON(try app.stats(caller, from: from, to: to, by: grouping))
        let text: String
        switch format {
        case "json":
            if output == nil { return try Output.json(stats) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            text = String(decoding: try encoder.encode(stats), as: UTF8.self) + "\n"
        case "csv":
            text = stats.csvRows.enumerated().map { index, row in
                index == 0 ? CSVWriter.header(row) : CSVWriter.line(row.map { CSVField.text($0) })
            }.joined()
        case "svg":
            let names = Dictionary(try app.roles().flatMap(\.categories).map { ($0.code, $0.nameZh) }, uniquingKeysWith: { a, _ in a })
            text = StatsSVG.render(stats, names: names)
        default:
            text = Self.table(stats)
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            Console.current.out(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
    }

    static func table(_ stats: StatsJSON) -> String {
        func hours(_ q: StatsJSON.QuantilesJSON?) -> String { q.map { "\($0.median_hours) / \($0.p90_hours)" } ?? "—" }
        var lines = ["\(stats.from) – \(stats.to)"]
        var table = Table(["", "submitted", "accepted", "rejected", "resolved", "rate", "review h (median / p90)", "resolve h", "overdue"])
        func add(_ name: String, _ c: StatsJSON.CountsJSON) {
            table.add([name, "\(c.submitted)", "\(c.accepted)", "\(c.rejected)", "\(c.resolved)",
                       c.resolution_rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—", hours(c.time_to_review),
                       hours(c.time_to_resolve), "\(c.overdue)"])
        }
        add("all", stats.totals)
        for group in stats.by_category { add(group.key, group.figures) }
        for group in stats.by_agency { add(group.key, group.figures) }
        lines += table.render()
        let p = stats.participation
        func shown(_ value: Int?) -> String { value.map(String.init) ?? "<\(p.threshold)" }
        lines.append("riders \(shown(p.active_riders)), claims \(shown(p.claims)), reports \(shown(p.reports)), sign-ups \(shown(p.signups)), attendance \(shown(p.attendance)), lessons \(shown(p.lessons)), survey answers \(shown(p.survey_answers))")
        lines.append("points awarded \(stats.points.awarded), redeemed \(stats.points.redeemed), held \(stats.points.held), outstanding \(stats.points.outstanding)")
        return lines.joined(separator: "\n")
    }
}
