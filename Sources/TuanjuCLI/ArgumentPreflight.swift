import ArgumentParser
import TuanjuCore

/// What the command line does with its words before ArgumentParser parses them: global options written
/// before the subcommand move behind it (ArgumentParser only knows them on the leaf commands), a `--lang`
/// that is neither zh nor en and an unknown subcommand are usage errors with a useful message.
enum ArgumentPreflight {
    /// Global options that take a value (`--data DIR`, `--data=DIR`).
    static let valued = ["--data", "--token", "--lang"]

    /// `tuanju --json --data D tasks list` → `tasks list --json --data D`. Only the global options met before
    /// the first other option move (a later word could be an option's value that happens to read `--json`);
    /// they go before a `--` terminator when there is one.
    static func hoistGlobals(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var rest: [String] = []
        var index = 0
        var scanning = true
        while index < arguments.count {
            let argument = arguments[index]
            if scanning {
                if argument == "--json" {
                    moved.append(argument)
                    index += 1
                    continue
                }
                if valued.contains(argument), index + 1 < arguments.count {
                    moved += [argument, arguments[index + 1]]
                    index += 2
                    continue
                }
                if valued.contains(where: { argument.hasPrefix($0 + "=") }) {
                    moved.append(argument)
                    index += 1
                    continue
                }
                if argument.hasPrefix("-") { scanning = false }
            }
            rest.append(argument)
            index += 1
        }
        guard !moved.isEmpty else { return arguments }
        if let terminator = rest.firstIndex(of: "--") {
            rest.insert(contentsOf: moved, at: terminator)
        } else {
            rest += moved
        }
        return rest
    }

    /// The usage error for `--lang fr`, or nil.
    static func badLanguage(_ flag: String?) -> String? {
        guard let flag, Language(code: flag) == nil else { return nil }
        return UsageMsg.langUnknown.text(["value": flag])
    }

    /// The usage error for a word that is not a subcommand of the group it follows (`tuanju ridrs list`), with
    /// the nearest names as a suggestion; nil when the words name commands (what follows is the parser's).
    static func unknownCommand(_ arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = TuanjuCommand.self
        var path = ["tuanju"]
        for word in arguments {
            if word.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil, word != "help" else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let suggestions = Suggestion.closest(to: word, among: names)
            let arguments = ["word": word, "path": path.joined(separator: " ")]
            if suggestions.isEmpty { return UsageMsg.commandUnknown.text(arguments) }
            return UsageMsg.commandSuggest.text(arguments.merging(["suggestion": suggestions.joined(separator: "' / '")]) { a, _ in a })
        }
        return nil
    }
}
