import ArgumentParser
import Governance
import TuanjuService

struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "The 8 governance roles and their report categories (public).",
        subcommands: [List.self],
        defaultSubcommand: List.self)

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
        static let configuration = CommandConfiguration(abstract: "List the roles with their categories and points.")

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
                var table = Table(["ROLE", "名称", "CATEGORY", "POINTS"])
                for entry in roles {
                    for (index, category) in entry.categories.enumerated() {
                        table.add([
                            index == 0 ? entry.role.code : "", index == 0 ? entry.role.nameZh : "",
                            "\(category.code) \(category.nameZh)", "\(category.points)",
                        ])
                    }
                }
                table.print()
            }
        }
    }
}
