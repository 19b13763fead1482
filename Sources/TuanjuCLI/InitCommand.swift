import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "init", abstract: CLIMsg.initAbstract.text, discussion: CLIMsg.initDiscussion.text)
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(.initOptSeed, valueName: "dir"))
    var seed: String?

    struct JSON: Encodable {
        let data: String
        let schema_version: Int
        let admin_token: String?
        let seed_loaded: [String]
    }

    func run() throws {
        let (_, result) = try Tuanju.initialize(
            global.dataDirectory, seedDirectory: seed.map { URL(fileURLWithPath: $0) })
        try Output.emit(JSON(data: result.data, schema_version: result.schemaVersion,
                             admin_token: result.adminToken, seed_loaded: result.seedLoaded), json: global.json) {
            let console = Console.current
            console.out(CLIMsg.initDataDir.text(["path": result.data, "version": "\(result.schemaVersion)"]))
            if !result.seedLoaded.isEmpty {
                console.out(CLIMsg.initSeedLoaded.text(["parts": result.seedLoaded.joined(separator: ", ")]))
            }
            if let token = result.adminToken {
                console.out(CLIMsg.initAdminToken.text)
                console.out("  \(token)")
            } else {
                console.out(CLIMsg.initAlready.text)
            }
        }
    }
}

struct WhoamiCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "whoami", abstract: CLIMsg.whoamiAbstract.text)
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (_, caller) = try global.session()
        try Output.emit(CallerJSON(caller), json: global.json) {
            Console.current.out("\(caller.name) (\(caller.kind.rawValue), \(caller.id))")
        }
    }
}
