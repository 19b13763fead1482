import ArgumentParser
import TuanjuCore
import TuanjuService

struct SettingsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "settings", abstract: CLIMsg.settingsAbstract.text, subcommands: [List.self, Set.self])
    }

    struct SettingJSON: Encodable {
        let key: String
        let value: Int
        let `default`: Int

        init(_ setting: SettingValue) {
            key = setting.key
            value = setting.value
            self.default = setting.defaultValue
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.settingsListAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (app, caller) = try global.session()
            let settings = try app.settings(caller)
            try Output.emit(settings.map(SettingJSON.init), json: global.json) {
                var table = Table([CLIMsg.colKey.text, CLIMsg.colValue.text, CLIMsg.colDefault.text])
                for setting in settings { table.add([setting.key, "\(setting.value)", "\(setting.defaultValue)"]) }
                table.print()
            }
        }
    }

    struct Set: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.settingsSetAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argSettingKey)) var key: String
        @Argument(help: ArgumentHelp(.argSettingValue)) var value: String

        func run() throws {
            let (app, caller) = try global.session()
            let setting = try app.changeSetting(caller, key: key, value: value)
            try Output.emit(SettingJSON(setting), json: global.json) {
                Console.current.out("\(setting.key) = \(setting.value)")
            }
        }
    }
}
