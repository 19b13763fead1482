import ArgumentParser
import Governance
import TuanjuCore
import TuanjuService
import TuanjuViews

// `roles add/update/retire`, `roles categories add/retire`: the 8 seeded roles are the starting set.

extension RolesCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: RoleMsg.addAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(RoleMsg.argCode)) var code: String
        @Option(name: .customLong("name-zh"), help: ArgumentHelp(RoleMsg.optNameZh)) var nameZh: String
        @Option(name: .customLong("name-en"), help: ArgumentHelp(RoleMsg.optNameEn)) var nameEn: String
        @Option(help: ArgumentHelp(RoleMsg.optDescription)) var description: String?

        func run() throws {
            let (app, caller) = try global.session()
            let role = try app.addRole(caller, code: code, nameZh: nameZh, nameEn: nameEn, description: description)
            try Output.emit(RoleChangeJSON(role), json: global.json) { Console.current.out(RoleMsg.added.text(["code": role.role.code])) }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: RoleMsg.updateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(RoleMsg.argCode)) var code: String
        @Option(name: .customLong("name-zh"), help: ArgumentHelp(RoleMsg.optNameZh)) var nameZh: String?
        @Option(name: .customLong("name-en"), help: ArgumentHelp(RoleMsg.optNameEn)) var nameEn: String?
        @Option(help: ArgumentHelp(RoleMsg.optDescription)) var description: String?

        func run() throws {
            let (app, caller) = try global.session()
            let role = try app.updateRole(caller, code: code, nameZh: nameZh, nameEn: nameEn, description: description)
            try Output.emit(RoleChangeJSON(role), json: global.json) { Console.current.out(RoleMsg.updated.text(["code": code])) }
        }
    }

    struct Retire: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: RoleMsg.retireAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(RoleMsg.argCode)) var code: String

        func run() throws {
            let (app, caller) = try global.session()
            let role = try app.retireRole(caller, code: code)
            try Output.emit(RoleChangeJSON(role), json: global.json) { Console.current.out(RoleMsg.retired.text(["code": code])) }
        }
    }

    struct Categories: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: RoleMsg.categoriesAbstract.text, subcommands: [Add.self, Retire.self])
        }

        struct Add: ParsableCommand {
            static var configuration: CommandConfiguration { CommandConfiguration(abstract: RoleMsg.categoryAddAbstract.text) }

            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(RoleMsg.argRole)) var role: String
            @Argument(help: ArgumentHelp(RoleMsg.argCategory)) var code: String
            @Option(name: .customLong("name-zh"), help: ArgumentHelp(RoleMsg.optNameZh)) var nameZh: String
            @Option(name: .customLong("name-en"), help: ArgumentHelp(RoleMsg.optNameEn)) var nameEn: String
            @Option(help: ArgumentHelp(RoleMsg.optPoints, valueName: "min-max")) var points: String

            func run() throws {
                let (app, caller) = try global.session()
                let category = try app.addCategory(caller, role: role, code: code, nameZh: nameZh, nameEn: nameEn, points: points)
                try Output.emit(CategoryChangeJSON(category), json: global.json) {
                    Console.current.out(RoleMsg.categoryAdded.text(["code": category.category.code, "role": role]))
                }
            }
        }

        struct Retire: ParsableCommand {
            static var configuration: CommandConfiguration { CommandConfiguration(abstract: RoleMsg.categoryRetireAbstract.text) }

            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(RoleMsg.argCategory)) var code: String

            func run() throws {
                let (app, caller) = try global.session()
                let category = try app.retireCategory(caller, code: code)
                try Output.emit(CategoryChangeJSON(category), json: global.json) {
                    Console.current.out(RoleMsg.categoryRetiredOut.text(["code": code]))
                }
            }
        }
    }
}
