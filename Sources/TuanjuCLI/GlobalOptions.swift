import ArgumentParser
import TuanjuService

/// Options every command takes: where the data is, who is acting, and machine output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(.optData, valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp(.optToken, valueName: "token"))
    var token: String?

    @Flag(help: ArgumentHelp(.optJSON))
    var json = false

    /// Read before parsing by `TuanjuCLI.run`; declared here so every command accepts it.
    @Option(help: ArgumentHelp(.optLang, valueName: "zh|en"))
    var lang: String?

    var dataDirectory: DataDirectory {
        DataDirectory.resolve(option: data, environment: Console.current.environment)
    }

    /// Opens the data directory, which `tuanju init` must have created.
    func openApp() throws -> Tuanju {
        try Tuanju.open(dataDirectory)
    }

    /// Opens the data directory and resolves the caller's token.
    func session() throws -> (Tuanju, Caller) {
        let app = try openApp()
        let token = token ?? Console.current.environment["TUANJU_TOKEN"]
        return (app, try app.authenticate(token: token, command: Invocation.command))
    }
}
