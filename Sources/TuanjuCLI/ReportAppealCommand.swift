import ArgumentParser
import Reports
import TuanjuCore
import TuanjuViews

extension ReportsCommand {
    /// `tuanju reports appeal RPT --reason TEXT` (the report's rider).
    struct Appeal: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AppealMsg.abstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String
        @Option(help: ArgumentHelp(AppealMsg.optReason)) var reason: String

        func run() throws {
            let (app, caller) = try global.session()
            let report = try app.appealReport(caller, id: id, reason: reason)
            try Output.emit(ReviewResultJSON(report), json: global.json) {
                Console.current.out(AppealMsg.appealed.text(["id": report.id]))
            }
        }
    }
}
