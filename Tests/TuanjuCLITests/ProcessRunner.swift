import Foundation
import Testing

/// Runs the built `tuanju` executable as a separate OS process (for contention and crash tests).
enum TuanjuProcess {
    /// `.build/<config>/tuanju`, next to the test bundle. `swift build --build-tests` builds it.
    static var executable: URL {
        get throws {
            var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
            for candidate in [directory, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("tuanju")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
            throw SandboxError(message: "the tuanju executable is not built next to the tests (run `swift build --build-tests`)")
        }
    }

    struct Outcome {
        let exit: Int32
        let stdout: String
        let stderr: String
    }

    /// Starts every command line at once and waits for all of them.
    static func runConcurrently(_ commands: [[String]], environment: [String: String] = [:]) throws -> [Outcome] {
        let url = try executable
        var processes: [(Process, Pipe, Pipe)] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = url
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env.merge(environment) { _, new in new }
            process.environment = env
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            processes.append((process, out, err))
        }
        for (process, _, _) in processes { try process.run() }
        return processes.map { process, out, err in
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Outcome(
                exit: process.terminationStatus,
                stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }
}
