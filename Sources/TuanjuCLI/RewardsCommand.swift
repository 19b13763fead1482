import ArgumentParser
import Points
import TuanjuCore
import TuanjuService
import TuanjuViews

struct RewardsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rewards", abstract: CLIMsg.rewardsAbstract.text,
            subcommands: [Add.self, Update.self, List.self, Redeem.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.rewardsAddAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRewardName)) var name: String
        @Option(help: ArgumentHelp(.optRewardNameZh)) var nameZh: String?
        @Option(help: ArgumentHelp(.optCost)) var cost: Int
        @Option(help: ArgumentHelp(.optStock)) var stock: Int

        func run() throws {
            let (app, caller) = try global.session()
            let reward = try app.addReward(caller, name: name, nameZh: nameZh, cost: cost, stock: stock)
            try Output.emit(RewardJSON(reward), json: global.json) {
                Console.current.out(CLIMsg.rewardAdded.text(["name": localizedName(en: reward.name, zh: reward.nameZh), "id": reward.id]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.rewardsUpdateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRewardID)) var id: String
        @Option(help: ArgumentHelp(.optRewardName)) var name: String?
        @Option(help: ArgumentHelp(.optRewardNameZh)) var nameZh: String?
        @Option(help: ArgumentHelp(.optCost)) var cost: Int?
        @Option(help: ArgumentHelp(.optStock)) var stock: Int?
        @Option(help: ArgumentHelp(.optActive)) var active: Bool?

        func run() throws {
            let (app, caller) = try global.session()
            var changes = RewardChanges()
            changes.name = name
            changes.nameZh = nameZh
            changes.cost = cost
            changes.stock = stock
            changes.active = active
            let reward = try app.updateReward(caller, id: id, changes)
            try Output.emit(RewardJSON(reward), json: global.json) {
                Console.current.out(CLIMsg.rewardUpdated.text(["name": localizedName(en: reward.name, zh: reward.nameZh), "id": reward.id]))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.rewardsListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colTitle.text, CLIMsg.colPoints.text, CLIMsg.colStock.text, CLIMsg.colStatus.text],
                fetch: { page in try app.listRewards(caller, page: page) },
                encode: RewardJSON.init,
                cells: { reward in
                    [reward.id, localizedName(en: reward.name, zh: reward.nameZh), "\(reward.cost)", "\(reward.stock)",
                     (reward.active ? CLIMsg.statusActive : CLIMsg.statusDeactivated).text]
                })
        }
    }

    struct Redeem: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.rewardsRedeemAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRewardID)) var reward: String
        @Option(help: ArgumentHelp(.optQuantity)) var quantity = 1

        func run() throws {
            let (app, caller) = try global.session()
            let redemption = try app.redeem(caller, rewardID: reward, quantity: quantity)
            try Output.emit(RedeemJSON(redemption), json: global.json) {
                Console.current.out(CLIMsg.redeemed.text(["id": redemption.id, "points": "\(redemption.points)"]))
            }
        }
    }
}
