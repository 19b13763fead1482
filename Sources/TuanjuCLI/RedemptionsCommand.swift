import ArgumentParser
import Points
import TuanjuCore
import TuanjuService
import TuanjuViews

struct RedemptionsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "redemptions", abstract: CLIMsg.redemptionsAbstract.text,
            subcommands: [Run.self, List.self, Cancel.self])
    }

    struct Run: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: CLIMsg.redemptionsRunAbstract.text, discussion: CLIMsg.redemptionsRunDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optBatchLimit)) var limit: Int?
        @Flag(help: ArgumentHelp(.optDryRun)) var dryRun = false

        func run() throws {
            let (app, caller) = try global.session()
            let console = Console.current
            let summary = try app.runRedemptions(caller, limit: limit, dryRun: dryRun) { done, total in
                console.progress(CLIMsg.batchProgress.text(["done": "\(done)", "total": "\(total)"]))
            }
            console.endProgress()
            let json = BatchJSON(summary)
            try Output.emit(json, json: global.json) {
                if summary.resumed { console.out(CLIMsg.batchResumed.text(["id": summary.batchId ?? ""])) }
                if summary.expired > 0 { console.out(CLIMsg.batchExpired.text(["count": "\(summary.expired)"])) }
                console.out((summary.dryRun ? CLIMsg.batchPreview : CLIMsg.batchSummary).text([
                    "requests": "\(summary.requests)", "fulfilled": "\(summary.fulfilled)", "rejected": "\(summary.rejected)",
                ]))
                if let report = summary.report { console.out(CLIMsg.batchReport.text(["path": report])) }
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.redemptionsListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRedemptionStatus)) var status: Redemption.State?
        @Option(help: ArgumentHelp(.optRiderFilter)) var rider: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colRider.text, CLIMsg.colReward.text, CLIMsg.colQuantity.text,
                          CLIMsg.colPoints.text, CLIMsg.colStatus.text, CLIMsg.colWhen.text],
                fetch: { page in try app.listRedemptions(caller, state: status, riderID: rider, page: page) },
                encode: RedemptionJSON.init,
                cells: { item in
                    [item.id, item.riderId, item.rewardId, "\(item.quantity)", "\(item.points)",
                     item.state.rawValue, DisplayTime.of(item.requestedAt)]
                })
        }
    }

    struct Cancel: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.redemptionsCancelAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRedemptionID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let redemption = try app.cancelRedemption(caller, id: id)
            try Output.emit(RedemptionJSON(redemption), json: global.json) {
                Console.current.out(CLIMsg.redemptionCancelled.text(["id": redemption.id, "points": "\(redemption.points)"]))
            }
        }
    }
}

extension Redemption.State: ExpressibleByArgument {}
