import Foundation

/// The command lines of a Markdown document, as the docs test runs them.
///
/// The convention (also written down for authors in docs/zh/README.md, "文档里的命令怎样测试"):
/// - Fenced blocks whose language is `sh`, `bash`, `shell` or `console` hold commands; any other fence (`text`,
///   none) is not run. A fence whose info string also has the word `skip` (```` ```sh skip ````) is shown but not
///   run: a server that runs until Ctrl-C, `curl`, installing packages.
/// - In a `console` block only lines starting with `$ ` are commands (the rest is what they print); in the other
///   blocks every line is, and a line ending with `\` continues on the next.
/// - Run are the lines that start with `tuanju ` and shell variable assignments (`NAME=…`, `export NAME=…`),
///   which is how a guide keeps what a command printed: `RIDER_TOKEN=$(tuanju riders register … --json | grep
///   '"token"' | cut -d'"' -f4)`, later `--token $RIDER_TOKEN`. `export PATH=…` is not run (the test puts the
///   built binary first on PATH); other lines (`swift build`, `Tools/demo`, `cd`) are not run either.
/// - A command must exit 0 unless its line ends with `# exit N` (a guide showing a refusal: `# exit 65`).
/// - A word starting with `Seed/` or `docs/` names a file of the repository, which must exist.
enum DocBlocks {
    struct Command: CustomStringConvertible {
        /// The document, relative to the repository.
        let file: String
        /// 1-based line of the Markdown file where the command starts.
        let line: Int
        let text: String
        let expectedExit: Int32

        var description: String { "\(file):\(line): \(text)" }
    }

    static let runnableLanguages: Set<String> = ["sh", "bash", "shell", "console"]

    /// The commands of `markdown`, in order.
    static func commands(in markdown: String, file: String) -> [Command] {
        var commands: [Command] = []
        var fence: (language: String, run: Bool)?
        var pending: (line: Int, text: String)?
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, raw) in lines.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if fence == nil {
                    let info = trimmed.dropFirst(3).split(separator: " ").map(String.init)
                    let language = info.first ?? ""
                    fence = (language, runnableLanguages.contains(language) && !info.contains("skip"))
                } else {
                    fence = nil
                    pending = nil
                }
                continue
            }
            guard let current = fence, current.run else { continue }
            var text = raw
            if let started = pending {
                text = started.text + " " + trimmed
            } else if current.language == "console" {
                guard trimmed.hasPrefix("$ ") else { continue }
                text = String(trimmed.dropFirst(2))
            } else {
                text = trimmed
            }
            let start = pending?.line ?? index + 1
            if text.hasSuffix("\\") {
                pending = (start, String(text.dropLast()).trimmingCharacters(in: .whitespaces))
                continue
            }
            pending = nil
            text = text.trimmingCharacters(in: .whitespaces)
            guard isRunnable(text) else { continue }
            commands.append(Command(file: file, line: start, text: text, expectedExit: expectedExit(text)))
        }
        return commands
    }

    static func isRunnable(_ line: String) -> Bool {
        if line.hasPrefix("tuanju ") || line == "tuanju" { return true }
        let assignment = line.hasPrefix("export ") ? String(line.dropFirst(7)) : line
        guard let equals = assignment.firstIndex(of: "=") else { return false }
        let name = assignment[..<equals]
        guard !name.isEmpty, name != "PATH",
              name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }),
              !(name.first!.isNumber) else { return false }
        return true
    }

    /// `# exit N` at the end of the line, else 0.
    static func expectedExit(_ line: String) -> Int32 {
        guard let range = line.range(of: #"#\s*exit\s+(\d+)\s*$"#, options: .regularExpression) else { return 0 }
        return Int32(line[range].filter(\.isNumber)) ?? 0
    }

    /// The words of `line` that name repository files (`Seed/…`, `docs/…`).
    static func repositoryPaths(in line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            .filter { $0.hasPrefix("Seed/") || $0.hasPrefix("docs/") }
    }
}
