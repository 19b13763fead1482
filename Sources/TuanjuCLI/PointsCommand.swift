import ArgumentParser
import Foundation
import Points
import TuanjuCore
import TuanjuService
import TuanjuViews

struct PointsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "points", abstract: CLIMsg.pointsAbstract.text,
            subcommands: [BalanceCommand.self, History.self, Award.self, Adjust.self, Verify.self])
    }

    struct BalanceCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "balance", abstract: CLIMsg.pointsBalanceAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRiderSelf)) var rider: String?

        func run() throws {
            let (app, caller) = try global.session()
            let balance = try app.pointsBalance(caller, riderID: rider)
            try Output.emit(BalanceJSON(balance), json: global.json) { BalanceJSON.printHuman(balance) }
        }
    }

    struct History: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.pointsHistoryAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRiderSelf)) var rider: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colWhen.text, CLIMsg.colPoints.text, CLIMsg.colKind.text, CLIMsg.colReason.text],
                fetch: { page in try app.pointsHistory(caller, riderID: rider, page: page) },
                encode: TransferJSON.init,
                cells: { transfer in
                    let sign = transfer.toAccount.hasPrefix("rider:") ? "+" : "-"
                    return [DisplayTime.of(transfer.createdAt), sign + "\(transfer.amount)", transfer.kind.rawValue, transfer.reason]
                })
        }
    }

    struct Award: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.pointsAwardAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.argRiderID)) var rider: String
        @Option(help: ArgumentHelp(.optAmount)) var amount: Int
        @Option(help: ArgumentHelp(.optPointsReason)) var reason: String?
        @Option(help: ArgumentHelp(.optIdempotencyKey)) var key: String?

        func run() throws {
            let (app, caller) = try global.session()
            guard let reason, !Text.clean(reason).isEmpty else { throw InputError.invalid(.reasonRequired) }
            let balance = try app.awardPoints(caller, riderID: rider, amount: amount, reason: reason, key: key)
            try Output.emit(BalanceJSON(balance), json: global.json) { BalanceJSON.printHuman(balance) }
        }
    }

    struct Adjust: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.pointsAdjustAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.argRiderID)) var rider: String
        @Option(help: ArgumentHelp(.optAdjustAmount)) var amount: Int
        @Option(help: ArgumentHelp(.optPointsReason)) var reason: String?
        @Option(help: ArgumentHelp(.optIdempotencyKey)) var key: String?

        func run() throws {
            let (app, caller) = try global.session()
            let balance = try app.adjustPoints(caller, riderID: rider, amount: amount, reason: reason ?? "", key: key)
            try Output.emit(BalanceJSON(balance), json: global.json) { BalanceJSON.printHuman(balance) }
        }
    }

    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.pointsVerifyAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (app, caller) = try global.session()
            let problems = try app.verifyLedger(caller)
            try Output.emit(LedgerCheckJSON(problems: problems), json: global.json) {
                if problems.isEmpty { Console.current.out(CLIMsg.ledgerSound.text) }
                for problem in problems { Console.current.out("- " + problem) }
            }
            if !problems.isEmpty {
                throw CommandFailure(exitCode: ExitCodes.refused, code: "ledger_unsound",
                                     message: CLIMsg.ledgerUnsound.text(["count": "\(problems.count)"]))
            }
        }
    }
}

extension BalanceJSON {
    static func printHuman(_ balance: Balance) {
        Output.fields([
            (CLIMsg.labelRider.text, balance.riderId), (CLIMsg.labelBalance.text, "\(balance.balance)"),
            (CLIMsg.labelHeld.text, "\(balance.held)"), (CLIMsg.labelAvailable.text, "\(balance.available)"),
        ])
    }
}
