import ArgumentParser
import Foundation
import Reports
import TuanjuCore
import TuanjuViews

/// `tuanju deadlines list|set`: each category's targets.
struct DeadlinesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "deadlines", abstract: DeadlineMsg.abstract.text, subcommands: [List.self, Set.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: DeadlineMsg.listAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (app, caller) = try global.session()
            let deadlines = try app.listDeadlines(caller)
            try Output.emit(deadlines.map(DeadlineJSON.init), json: global.json) {
                var table = Table([DeadlineMsg.colCategory.text, DeadlineMsg.colReview.text, DeadlineMsg.colResolve.text])
                for deadline in deadlines { table.add([deadline.category, "\(deadline.reviewHours)", "\(deadline.resolveHours)"]) }
                table.print()
            }
        }
    }

    struct Set: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: DeadlineMsg.setAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(DeadlineMsg.argCategory)) var category: String
        @Option(help: ArgumentHelp(DeadlineMsg.optReviewHours, valueName: "hours")) var reviewHours: Int?
        @Option(help: ArgumentHelp(DeadlineMsg.optResolveHours, valueName: "hours")) var resolveHours: Int?

        func run() throws {
            let (app, caller) = try global.session()
            let deadline = try app.setDeadline(caller, category: category, reviewHours: reviewHours, resolveHours: resolveHours)
            try Output.emit(DeadlineJSON(deadline), json: global.json) {
                Console.current.out(DeadlineMsg.changed.text([
                    "category": deadline.category, "review": "\(deadline.reviewHours)", "resolve": "\(deadline.resolveHours)",
                ]))
            }
        }
    }
}

extension ReportsCommand {
    /// `tuanju reports overdue [--stage review|resolve]` (coordinator).
    struct Overdue: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: DeadlineMsg.overdueAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(DeadlineMsg.optStage, valueName: "stage")) var stage: String?

        func run() throws {
            let (app, caller) = try global.session()
            let stage = try stage.map { text in
                guard let stage = OverdueReport.Stage(rawValue: text) else { throw InputError.invalid(DeadlineMsg.stageUnknown, ["value": text]) }
                return stage
            }
            let late = try app.overdueReports(caller, stage: stage)
            try Output.emit(late.map(OverdueJSON.init), json: global.json) {
                guard !late.isEmpty else { return Console.current.out(DeadlineMsg.noneLate.text) }
                var table = Table([DeadlineMsg.colReport.text, DeadlineMsg.colCategory.text, DeadlineMsg.colStage.text,
                                   DeadlineMsg.colDue.text, DeadlineMsg.colLate.text, DeadlineMsg.colAgency.text])
                for report in late.map(OverdueJSON.init) {
                    table.add([report.report_id, report.category, report.stage, report.due_at, String(format: "%.1f", report.late_hours),
                               report.agency ?? "—"])
                }
                table.print()
            }
        }
    }
}
