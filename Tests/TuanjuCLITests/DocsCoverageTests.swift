import Foundation
import Testing
@testable import TuanjuCLI

/// Every command `tuanju --help` lists, at every level, is documented in the English and the Chinese reference.
@Suite("Every command is in both references")
struct DocsCoverageTests {
    static let references = ["docs/cli-reference.md", "docs/zh/cli-reference.md"]

    /// The command paths the help lists, recursively: `riders`, `riders register`, …
    static func helpTree() -> [String] {
        var paths: [String] = []
        func walk(_ prefix: [String]) {
            let output = CapturedOutput()
            _ = TuanjuCLI.run(prefix + ["--help"], console: output.console(environment: ["TUANJU_LANG": "en"]))
            for name in subcommands(inHelp: output.stdout) {
                let path = prefix + [name]
                paths.append(path.joined(separator: " "))
                walk(path)
            }
        }
        walk([])
        return paths
    }

    /// The names in the SUBCOMMANDS section of ArgumentParser's help (`  list (default)   …` gives `list`).
    static func subcommands(inHelp help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDS:" { inSection = true; continue }
            guard inSection else { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLowercase else { continue }
            names.append(String(line.dropFirst(2).prefix { !$0.isWhitespace }))
        }
        return names
    }

    /// The code spans of a Markdown file without a leading `tuanju `: `riders register --name N`, `whoami`.
    static func codeSpans(_ markdown: String) -> [String] {
        var spans: [String] = []
        var rest = Substring(markdown)
        while let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { break }
            var span = String(after[..<close]).trimmingCharacters(in: .whitespaces)
            if span.hasPrefix("tuanju ") { span.removeFirst("tuanju ".count) }
            spans.append(span)
            rest = after[after.index(after: close)...]
        }
        return spans
    }

    /// The commands of `tree` that no code span of `markdown` starts with (a span is the command, or the command
    /// followed by a space and its arguments).
    static func undocumented(_ tree: [String], in markdown: String) -> [String] {
        let spans = codeSpans(markdown)
        return tree.filter { path in !spans.contains { $0 == path || $0.hasPrefix(path + " ") } }
    }

    @Test("The help lists the command tree, subcommands included")
    func treeIsRead() {
        let tree = Self.helpTree()
        #expect(tree.contains("riders register"))
        #expect(tree.contains("webhooks rotate-secret"))
        #expect(tree.contains("roles list"))  // listed as `list (default)`
        #expect(tree.count > 60)
    }

    @Test("Each reference documents every command the help lists", arguments: references)
    func documented(_ reference: String) throws {
        let markdown = try DocumentSet.text(reference)
        for path in Self.undocumented(Self.helpTree(), in: markdown) {
            Issue.record("`tuanju \(path)` is listed by `tuanju --help` but not documented in \(reference): add a row whose first cell is `\(path) …` (code span) to that file")
        }
    }

    @Test("A command missing from a reference is named")
    func missingIsNamed() {
        let markdown = "| `riders register --name N` | coordinator |\n| `tuanju riders list` | … |\nsee `riders` and `ridersx`"
        #expect(Self.undocumented(["riders", "riders register", "riders list", "riders show"], in: markdown) == ["riders show"])
    }
}

/// docs/zh/glossary.md is the one list of the product's Chinese words; each must be a word the CLI itself prints
/// (its message catalogues, or the seed data its tables show), so documents and output cannot drift apart.
@Suite("The Chinese glossary uses the CLI's own words")
struct GlossaryTests {
    @Test("Every term of docs/zh/glossary.md appears in the message catalogues or the seed data")
    func termsAreTheCLIs() throws {
        let glossary = try DocumentSet.text("docs/zh/glossary.md")
        // Each module keeps its own catalogue, so every Swift file under Sources/ is read, with the seed data.
        var sources: [URL] = []
        for directory in ["Sources", "Seed/data"] {
            let url = DocumentSet.root.appendingPathComponent(directory)
            let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
            sources += files.filter { ["swift", "json", "csv"].contains($0.pathExtension) }
        }
        let catalogue = try sources.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        let rows = glossary.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| 中文") }
        #expect(rows.count > 30)
        for row in rows {
            let first = row.split(separator: "|")[0].trimmingCharacters(in: .whitespaces)
            for term in first.components(separatedBy: " / ") where !catalogue.contains(term) {
                Issue.record("docs/zh/glossary.md: \"\(term)\" is not a word the CLI prints (the message catalogues under Sources/, Seed/data): use the CLI's word, or change both")
            }
        }
    }
}
