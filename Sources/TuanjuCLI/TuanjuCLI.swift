import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuService

/// The CLI's entry points: `main()` for the executable, `run` for tests (in-process, captured output).
public enum TuanjuCLI {
    /// Runs one command line and returns its exit code. Output goes to `console`.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        let arguments = ArgumentPreflight.hoistGlobals(arguments)
        let language = Language.resolve(flag: langFlag(arguments), environment: console.environment)
        return Language.$current.withValue(language) {
            Console.$current.withValue(console) {
                Invocation.$command.withValue(commandName(arguments)) { execute(arguments, console: console) }
            }
        }
    }

    /// `--lang X` or `--lang=X`, read before parsing so that help text is in that language too.
    static func langFlag(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--lang=") { return String(argument.dropFirst("--lang=".count)) }
        }
        return nil
    }

    /// `tuanju reports review`: the subcommand words before the first option or argument, for the audit log.
    static func commandName(_ arguments: [String]) -> String {
        let words = arguments.prefix { word in
            !word.isEmpty && word.allSatisfy { $0.isLowercase || $0 == "-" } && !word.hasPrefix("-")
        }
        return (["tuanju"] + words.prefix(2)).joined(separator: " ")
    }

    private static func execute(_ arguments: [String], console: Console) -> Int32 {
        let json = arguments.contains("--json")
        if let problem = ArgumentPreflight.badLanguage(langFlag(arguments)) ?? ArgumentPreflight.unknownCommand(arguments) {
            report(code: "usage", message: problem, json: json)
            return ExitCodes.usage
        }
        do {
                var command = try TuanjuCommand.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch let error as TuanjuError {
                report(code: error.code, message: error.message, json: json)
                return ExitCodes.code(for: error.category)
            } catch let error as CommandFailure {
                report(code: error.code, message: error.message, json: json)
                return error.exitCode
            } catch {
                let exit = TuanjuCommand.exitCode(for: error)
                let message = TuanjuCommand.fullMessage(for: error)
                if exit == .success {
                    if !message.isEmpty { console.out(message) }
                    return 0
                }
                // A value that does not parse (`--limit abc`, `--status maybe`) is bad input data (65), as the
                // same value refused by the service would be; a missing or unknown word stays a usage error.
                if exit.rawValue == ExitCodes.usage, TuanjuCommand.message(for: error).hasPrefix("The value '") {
                    let text = json ? TuanjuCommand.message(for: error) : message
                    report(code: "invalid_input", message: text, json: json, plain: true)
                    return ExitCodes.invalidInput
                }
                if exit.rawValue == ExitCodes.usage {
                    let text = json ? TuanjuCommand.message(for: error) : message
                    report(code: "usage", message: text, json: json, plain: true)
                    return ExitCodes.usage
                }
                report(code: "internal", message: CLIMsg.internalError.text(["detail": "\(error)"]), json: json)
                return ExitCodes.software
            }
    }

    /// The executable's entry point.
    public static func main() -> Never {
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// One line on stderr: `error: <message>`, or the JSON error object with `--json`.
    static func report(code: String, message: String, json: Bool, plain: Bool = false) {
        if json {
            let body = ["error": ["code": code, "message": message]]
            let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            Console.current.err(String(decoding: data, as: UTF8.self))
        } else if plain {
            Console.current.err(message)  // ArgumentParser's own text already says "Error: …" and shows usage
        } else {
            Console.current.err("error: \(message)")
        }
    }
}

/// The command line being run (`tuanju reports review`), named in the audit log of staff actions: the
/// caller a token resolves to carries it into every use case.
enum Invocation {
    @TaskLocal static var command = "tuanju"
}

/// A command that finished its work (and printed its result) but must still exit non-zero,
/// such as an import that skipped bad rows.
struct CommandFailure: Error {
    let exitCode: Int32
    let code: String
    let message: String
}

/// The exit codes of CLI.md.
enum ExitCodes {
    static let refused: Int32 = 1
    static let usage: Int32 = 64
    static let invalidInput: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let machine: Int32 = 74
    static let busy: Int32 = 75
    static let unauthorized: Int32 = 77

    static func code(for category: ErrorCategory) -> Int32 {
        switch category {
        case .refused: refused
        case .invalidInput: invalidInput
        case .noInput: noInput
        case .busy: busy
        case .unauthorized: unauthorized
        case .machine: machine
        }
    }
}
