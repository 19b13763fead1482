import ArgumentParser
import Points
import TuanjuCore
import TuanjuService
import TuanjuViews

struct RedemptionsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "redemptions", abstract: Msg.redemptionsAbstract.text,
            subcommands: [Run.self, List.self, Cancel.self])
    }

    struct Run: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Msg.redemptionsRunAbstract.text, discussion: Msg.redemptionsRunDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optBatchLimit)) var limit: Int?
        @Flag(help: ArgumentHelp(.optDryRun)) var dryRun = false

        func run() throws {
            let (app, caller) = try global.session()
            let console = Console.current
            let summary = try app.runRedemptions(caller, limit: limit, dryRun: dryRun) { done, total in
                console.progress(Msg.batchProgress.text(["done": "\(done)", "total": "\(total)"]))
            }
            console.endProgress()
            let json = BatchJSON(summary)
            try Output.emit(json, json: global.json) {
                if summary.resumed { console.out(Msg.batchResumed.text(["id": summary.batchId ?? ""])) }
                if summary.expired > 0 { console.out(Msg.batchExpired.text(["count": "\(summary.expired)"])) }
                console.out((summary.dryRun ? Msg.batchPreview : Msg.batchSummary).text([
                    "requests": "\(summary.requests)", "fulfilled": "\(summary.fulfilled)", "rejected": "\(summary.rejected)",
                ]))
                if let report = summary.report { console.out(Msg.batchReport.text(["path": report])) }
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Msg.redemptionsListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRedemptionStatus)) var status: Redemption.State?
        @Option(help: ArgumentHelp(.optRiderFilter)) var rider: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [Msg.colID.text, Msg.colRider.text, Msg.colReward.text, Msg.colQuantity.text,
                          Msg.colPoints.text, Msg.colStatus.text, Msg.colWhen.text],
                fetch: { page in try app.listRedemptions(caller, state: status, riderID: rider, page: page) },
                encode: RedemptionJSON.init,
                cells: { item in
                    [item.id, item.riderId, item.rewardId, "\(item.quantity)", "\(item.points)",
                     item.state.rawValue, DisplayTime.of(item.requestedAt)]
                })
        }
    }

    struct Cancel: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Msg.redemptionsCancelAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRedemptionID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let redemption = try app.cancelRedemption(caller, id: id)
            try Output.emit(RedemptionJSON(redemption), json: global.json) {
                Console.current.out(Msg.redemptionCancelled.text(["id": redemption.id, "points": "\(redemption.points)"]))
            }
        }
    }
}

extension Redemption.State: ExpressibleByArgument {}
