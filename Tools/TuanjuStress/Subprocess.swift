import Foundation

/// Where the tools are: `tuanju` is built next to this executable; the receiver script is in the source tree.
enum ToolPaths {
    static var tuanju: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("tuanju").path
    }

    static var stress: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    static var receiverScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../webhook-receiver").standardized.path
    }

    /// A fresh directory under the system's temporary directory.
    static func scratch(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// One finished `tuanju` run.
struct CLIOutcome {
    let exit: Int32
    let stdout: String
    let stderr: String
    /// True when the run was ended by a signal (`exit` is then the signal number).
    let signalled: Bool

    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
    }

    /// The `code` of `--json`'s `{"error": {"code", "message"}}` on stderr.
    var errorCode: String? {
        let object = (try? JSONSerialization.jsonObject(with: Data(stderr.utf8))) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }
}

/// Runs `tuanju` as its own OS process.
enum TuanjuCLI {
    /// Runs to the end: `tuanju ARGS --data DATA [--token T] --json`.
    static func run(_ arguments: [String], data: String, token: String? = nil) throws -> CLIOutcome {
        let process = start(arguments, data: data, token: token)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the child runs, so a large output cannot block it.
        let errData = Mutexed(Data())
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return CLIOutcome(
            exit: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs, and SIGKILLs the process after `delay` seconds if it is still running. Output is discarded.
    static func runKilling(_ arguments: [String], data: String, token: String?, after delay: TimeInterval) throws -> CLIOutcome {
        let process = start(arguments, data: data, token: token)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning, Date() < deadline { usleep(1000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return CLIOutcome(exit: process.terminationStatus, stdout: "", stderr: "",
                          signalled: process.terminationReason == .uncaughtSignal)
    }

    private static func start(_ arguments: [String], data: String, token: String?) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ToolPaths.tuanju)
        var args = arguments + ["--data", data, "--json"]
        if let token { args += ["--token", token] }
        process.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "en_US.UTF-8"
        process.environment = environment
        return process
    }
}

/// A value shared between two threads.
final class Mutexed<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ new: Value) { lock.withLock { value = new } }
}
