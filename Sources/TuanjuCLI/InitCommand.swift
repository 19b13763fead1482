import ArgumentParser
import Foundation
import TuanjuService

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or upgrade the data directory and load the built-in seed data.",
        discussion: """
            The first run creates the directory (mode 0700), the database, the governance roles, and the \
            first admin, whose token is printed once: keep it. Running init again only upgrades the schema.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Load seed data from this directory instead of the built-in one.", valueName: "dir"))
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
            console.out("Data directory: \(result.data) (schema version \(result.schemaVersion))")
            if !result.seedLoaded.isEmpty { console.out("Loaded seed: \(result.seedLoaded.joined(separator: ", "))") }
            if let token = result.adminToken {
                console.out("First admin token (shown once, keep it safe):")
                console.out("  \(token)")
            } else {
                console.out("Already initialized; nothing else changed.")
            }
        }
    }
}

struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show who the token belongs to.")

    @OptionGroup var global: GlobalOptions

    struct JSON: Encodable {
        let id: String
        let kind: String
        let name: String
    }

    func run() throws {
        let (_, caller) = try global.session()
        try Output.emit(JSON(id: caller.id, kind: caller.kind.rawValue, name: caller.name), json: global.json) {
            Console.current.out("\(caller.name) (\(caller.kind.rawValue), \(caller.id))")
        }
    }
}
