import Foundation
import PhotoFixtures
import PhotoStore
import Testing

/// The documents whose command blocks must run: the two READMEs and every Markdown file under docs/.
enum DocumentSet {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var documents: [String] {
        var files = ["README.md", "README.zh-CN.md"]
        let docs = root.appendingPathComponent("docs")
        let walker = FileManager.default.enumerator(atPath: docs.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".md") { found.append("docs/" + path) }
        }
        files += found.sorted()
        return files
    }

    static func text(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }
}

/// Runs the command blocks of the guides in a bash session against a fresh data directory, so a tour that no
/// longer works (a renamed command or flag, a refusal where the guide shows success, a missing sample file)
/// fails here instead of in a newcomer's terminal. The conventions are in `DocBlocks`.
@Suite("The guides' commands run as written")
struct DocsTests {
    /// The guides that must have commands: a guide whose blocks all stopped being recognised would pass silently.
    static let tours = [
        "README.md", "README.zh-CN.md", "docs/zh/rider-guide.md", "docs/zh/coordinator-handbook.md",
        "docs/zh/admin-handbook.md",
    ]

    @Test("Every command block of a document runs in order, with the exit code it shows", arguments: DocumentSet.documents)
    func runs(_ file: String) throws {
        let commands = DocBlocks.commands(in: try DocumentSet.text(file), file: file)
        if Self.tours.contains(file) {
            #expect(commands.count >= 5, "\(file) has no runnable ```sh or ```console blocks any more")
        }
        guard !commands.isEmpty else { return }
        for command in commands {
            for path in DocBlocks.repositoryPaths(in: command.text) {
                #expect(FileManager.default.fileExists(atPath: DocumentSet.root.appendingPathComponent(path).path),
                        "\(command.file):\(command.line) names \(path), which is not in the repository")
            }
        }
        let run = try ShellSession.run(commands)
        if let failure = run.failure {
            Issue.record(Comment(rawValue: failure))
        }
        #expect(run.completed == commands.count || run.failure != nil,
                "\(file): only \(run.completed) of \(commands.count) commands ran")
    }

    @Test("Seed/samples/IMG_0412.jpg is the fixture generator's sample photo, with GPS inside the service area")
    func samplePhoto() throws {
        let url = DocumentSet.root.appendingPathComponent("Seed/samples/IMG_0412.jpg")
        let bytes = try [UInt8](Data(contentsOf: url))
        #expect(bytes == PhotoFixtures.samplePhoto(),
                "regenerate with: base64 -d Seed/data/sample-photo.jpg.b64 > Seed/samples/IMG_0412.jpg")
        let gps = try #require(PhotoMetadata(reading: bytes).gps)
        // Seed/data/service-area.json: 120.145–120.195 E, 30.275–30.315 N.
        #expect((30.275...30.315).contains(gps.lat) && (120.145...120.195).contains(gps.lon))
    }

    @Test("The command blocks are read as the convention says")
    func convention() {
        let markdown = """
            Text `tuanju not-run`.
            ```sh
            swift build
            export PATH="$PWD/.build/debug:$PATH"
            export TUANJU_DATA=$(mktemp -d)
            tuanju riders import Seed/samples/riders.csv   # exit 65
            RIDER_TOKEN=$(tuanju riders register --name 李 \\
                --phone 13800000000 --platform meituan --json | grep '"token"' | cut -d'"' -f4)
            # a comment
            ```
            ```console
            $ tuanju whoami --token $RIDER_TOKEN
            李 (rider, rdr_x)
            ```
            ```sh skip
            tuanju serve
            ```
            ```text
            tuanju riders show
            ```
            """
        let commands = DocBlocks.commands(in: markdown, file: "x.md")
        #expect(commands.map(\.text) == [
            "export TUANJU_DATA=$(mktemp -d)",
            "tuanju riders import Seed/samples/riders.csv   # exit 65",
            "RIDER_TOKEN=$(tuanju riders register --name 李 --phone 13800000000 --platform meituan --json | grep '\"token\"' | cut -d'\"' -f4)",
            "tuanju whoami --token $RIDER_TOKEN",
        ])
        #expect(commands.map(\.line) == [5, 6, 7, 12])
        #expect(commands.map(\.expectedExit) == [0, 65, 0, 0])
        #expect(DocBlocks.repositoryPaths(in: commands[1].text) == ["Seed/samples/riders.csv"])
    }

    @Test("A guide line that no longer works fails with its file, line, exit code and error")
    func failureIsReported() throws {
        let commands = DocBlocks.commands(in: """
            ```sh
            export TUANJU_DATA=$(mktemp -d)
            tuanju init
            tuanju riders enrol --name 李
            tuanju whoami
            ```
            """, file: "guide.md")
        let run = try ShellSession.run(commands)
        let failure = try #require(run.failure)
        #expect(failure.contains("guide.md:4"))
        #expect(failure.contains("exited 64"))
        #expect(failure.contains("riders enrol"))
        #expect(run.completed == 2)
    }
}

/// One bash session that runs a document's commands in order (so variables set by one line are seen by the
/// next), with the built `tuanju` first on PATH, in the repository (so `Seed/samples/…` resolves), with HOME,
/// TMPDIR and TUANJU_DATA inside a fresh temporary directory.
enum ShellSession {
    struct Outcome {
        /// How many commands ran with the exit code the document shows.
        let completed: Int
        /// The first command that did not, explained; nil when every one did.
        let failure: String?
    }

    static let timeout: TimeInterval = 180

    static func run(_ commands: [DocBlocks.Command]) throws -> Outcome {
        let executable = try TuanjuProcess.executable
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-docs-\(UUID().uuidString)")
        let output = sandbox.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: sandbox) }

        var script = "set -o pipefail\n"
        for (index, command) in commands.enumerated() {
            script += """
                echo \(index) > "$TJ_DOCS_OUT/started"
                {
                \(command.text)
                } > "$TJ_DOCS_OUT/\(index).out" 2> "$TJ_DOCS_OUT/\(index).err" < /dev/null
                tj_docs_rc=$?
                if [ "$tj_docs_rc" -ne \(command.expectedExit) ]; then echo "\(index) $tj_docs_rc" > "$TJ_DOCS_OUT/failed"; exit 0; fi
                echo \(index + 1) > "$TJ_DOCS_OUT/completed"

                """
        }
        let scriptURL = sandbox.appendingPathComponent("guide.sh")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", scriptURL.path]
        process.currentDirectoryURL = DocumentSet.root
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("TUANJU_") || key.hasPrefix("LC_") { environment[key] = nil }
        environment["PATH"] = executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = sandbox.path
        environment["TMPDIR"] = sandbox.path
        environment["TUANJU_DATA"] = sandbox.appendingPathComponent("data").path
        environment["LANG"] = "C.UTF-8"
        environment["TJ_DOCS_OUT"] = output.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut {
            process.terminate()
            process.waitUntilExit()
        }

        func read(_ name: String) -> String {
            (try? String(contentsOf: output.appendingPathComponent(name), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        let completed = Int(read("completed")) ?? 0
        if timedOut {
            let index = Int(read("started")) ?? 0
            return Outcome(completed: completed, failure: "\(commands[index]) did not finish within \(Int(timeout)) s")
        }
        let failed = read("failed").split(separator: " ").compactMap { Int($0) }
        guard failed.count == 2 else {
            let stopped = completed < commands.count ? " (bash stopped after \(completed) commands)" : ""
            return Outcome(completed: completed, failure: stopped.isEmpty ? nil : "\(commands.first?.file ?? "")\(stopped)")
        }
        let command = commands[failed[0]]
        let exit = failed[1]
        let hint = switch exit {
        case 64: " (a command or option the CLI does not have: update the guide)"
        case 66: " (a missing file or data directory)"
        case 127: " (not a command bash knows)"
        default: ""
        }
        let stderr = read("\(failed[0]).err")
        let stdout = read("\(failed[0]).out")
        var message = "\(command.file):\(command.line): `\(command.text)` exited \(exit), the guide shows \(command.expectedExit)\(hint)"
        if !stderr.isEmpty { message += "\nstderr: " + String(stderr.prefix(2000)) }
        if !stdout.isEmpty { message += "\nstdout: " + String(stdout.prefix(1000)) }
        return Outcome(completed: completed, failure: message)
    }
}
