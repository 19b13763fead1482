import Foundation
import GRDB
import Storage
import Testing
@testable import TuanjuCLI

/// The result of one in-process `tuanju` run.
struct RunResult {
    let exit: Int32
    let stdout: String
    let stderr: String

    /// stdout parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }

    func object() throws -> [String: Any] {
        try #require(try json() as? [String: Any], "stdout is not a JSON object: \(stdout)")
    }

    func array() throws -> [[String: Any]] {
        try #require(try json() as? [[String: Any]], "stdout is not a JSON array: \(stdout)")
    }

    /// The error code from `--json` stderr.
    var errorCode: String? {
        guard let data = stderr.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["code"] as? String
    }
}

/// A fresh data directory, initialized, with its admin token. Each test makes its own.
final class Sandbox {
    let root: String
    let data: String
    private(set) var adminToken = ""

    init(initialize: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        data = root + "/data"
        if initialize {
            let result = run(["init", "--json"])
            guard result.exit == 0 else { throw SandboxError(message: "init failed: \(result.stderr)") }
            adminToken = try result.object()["admin_token"] as? String ?? ""
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs `tuanju ARGS --data DATA [--token TOKEN]` in-process.
    @discardableResult
    func run(_ arguments: [String], token: String? = nil, environment: [String: String] = [:]) -> RunResult {
        let output = CapturedOutput()
        var args = arguments + ["--data", data]
        if let token { args += ["--token", token] }
        let console = output.console(environment: environment.merging(["HOME": root]) { a, _ in a })
        let exit = TuanjuCLI.run(args, console: console)
        return RunResult(exit: exit, stdout: output.stdout, stderr: output.stderr)
    }

    /// Runs with `--json` and requires success; returns the parsed object.
    func ok(_ arguments: [String], token: String? = nil) throws -> [String: Any] {
        let result = run(arguments + ["--json"], token: token)
        try #require(result.exit == 0, "\(arguments) failed with \(result.exit): \(result.stderr)")
        return try result.object()
    }

    /// Adds a coordinator; returns its token.
    func coordinator(_ name: String = "王协调") throws -> String {
        try ok(["users", "add", "--name", name, "--role", "coordinator"], token: adminToken)["token"] as! String
    }

    /// Registers a rider through a coordinator; returns (id, token).
    func rider(_ name: String, phone: String, coordinator: String) throws -> (id: String, token: String) {
        let object = try ok(
            ["riders", "register", "--name", name, "--phone", phone, "--platform", "meituan"], token: coordinator)
        return (object["id"] as! String, object["token"] as! String)
    }

    /// Writes a file under the sandbox and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let path = root + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let path = root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The data directory's database opened directly, waiting up to 10 s for a lock as the app does: a process
    /// that was just killed leaves a WAL that the next opener recovers, and on a loaded machine a bare open can
    /// meet that recovery and fail with SQLITE_BUSY.
    func database() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: data + "/tuanju.sqlite", configuration: configuration)
    }

    /// Every row of every table, as text: compare before and after to prove nothing changed.
    func snapshot() throws -> String {
        let queue = try database()
        return try queue.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var text = ""
            for table in tables {
                text += "## \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY 1") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }

    /// Runs a command that must be refused with `exit` and `code`, and checks that nothing changed.
    func expectRefusal(
        _ arguments: [String], token: String?, exit: Int32, code: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try snapshot()
        let result = run(arguments + ["--json"], token: token)
        #expect(result.exit == exit, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        if let code {
            #expect(result.errorCode == code, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!result.stderr.isEmpty, sourceLocation: sourceLocation)
        #expect(try snapshot() == before, "\(arguments) changed the database", sourceLocation: sourceLocation)
    }
}

struct SandboxError: Error {
    let message: String
}
