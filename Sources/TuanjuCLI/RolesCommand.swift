import ArgumentParser
import Governance
import TuanjuCore
import TuanjuService

struct RolesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "roles", abstract: Msg.rolesAbstract.text, subcommands: [List.self], defaultSubcommand: List.self)
    }

    struct CategoryJSON: Encodable {
        let code: String
        let name: String
        let name_zh: String
        let points: Int
    }

    struct RoleJSON: Encodable {
        let code: String
        let name: String
        let name_zh: String
        let description: String
        let categories: [CategoryJSON]
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Msg.rolesListAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let roles = try global.openApp().roles()
            let json = roles.map { entry in
                RoleJSON(
                    code: entry.role.code, name: entry.role.name, name_zh: entry.role.nameZh,
                    description: entry.role.description,
                    categories: entry.categories.map {
                        CategoryJSON(code: $0.code, name: $0.name, name_zh: $0.nameZh, points: $0.points)
                    })
            }
            try Output.emit(json, json: global.json) {
                var table = Table([Msg.colRole.text, Msg.colTitle.text, Msg.colCategory.text, Msg.colPoints.text])
                for entry in roles {
                    for (index, category) in entry.categories.enumerated() {
                        table.add([
                            index == 0 ? entry.role.code : "",
                            index == 0 ? localizedName(en: entry.role.name, zh: entry.role.nameZh) : "",
                            localizedName(en: category.name, zh: category.nameZh), "\(category.points)",
                        ])
                    }
                }
                table.print()
            }
        }
    }
}
