import ArgumentParser
import TuanjuService

/// Options every command takes: where the data is, who is acting, and machine output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Data directory (default: $TUANJU_DATA, else $XDG_DATA_HOME/tuanju, else ~/.local/share/tuanju).",
        valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Your token (default: $TUANJU_TOKEN).", valueName: "token"))
    var token: String?

    @Flag(help: "Print JSON on stdout (errors as JSON on stderr).")
    var json = false

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
        return (app, try app.authenticate(token: token))
    }
}
