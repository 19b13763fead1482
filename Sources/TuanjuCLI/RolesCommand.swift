import ArgumentParser
import Governance
import TuanjuCore
import TuanjuService
import TuanjuViews

struct RolesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "roles", abstract: CLIMsg.rolesAbstract.text, subcommands: [List.self, Add.self, Update.self, Retire.self, Categories.self],
            defaultSubcommand: List.self)
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.rolesListAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let roles = try global.openApp().roles()
            let json = roles.map(RoleJSON.init)
            try Output.emit(json, json: global.json) {
                var table = Table([CLIMsg.colRole.text, CLIMsg.colTitle.text, CLIMsg.colCategoryCode.text, CLIMsg.colCategory.text, CLIMsg.colPoints.text])
                for entry in roles {
                    for (index, category) in entry.categories.enumerated() {
                        table.add([
                            index == 0 ? entry.role.code : "",
                            index == 0 ? localizedName(en: entry.role.name, zh: entry.role.nameZh) : "",
                            // The code is what `reports submit --category` takes: the one place a rider reads it.
                            category.code, localizedName(en: category.name, zh: category.nameZh), "\(category.points)",
                        ])
                    }
                }
                table.print()
            }
        }
    }
}
