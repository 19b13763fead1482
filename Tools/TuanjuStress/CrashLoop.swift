import Foundation
import GRDB

/// What one crash loop did and found.
struct CrashSummary {
    let command: String
    /// Runs SIGKILLed while working.
    var kills = 0
    /// Runs that finished before their kill moment came.
    var finishedFirst = 0
    /// Runs after the kills (retries, the final run to the end).
    var reruns = 0
    var figures: [String] = []
    var problems: [String] = []

    var passed: Bool { problems.isEmpty }

    mutating func expect(_ condition: Bool, _ problem: @autoclosure () -> String) {
        if !condition { problems.append(problem()) }
    }
}

/// A data directory made with `tuanju init` (as separate processes, like an operator would), its admin and a
/// coordinator.
struct CrashSandbox {
    let root: String
    let data: String
    let admin: String
    let coordinator: String

    init(_ name: String) throws {
        root = try ToolPaths.scratch("crash-\(name)")
        data = root + "/data"
        let initialized = try TuanjuCLI.run(["init"], data: data)
        guard initialized.exit == 0, let admin = initialized.json?["admin_token"] as? String else {
            throw ToolError("init failed: \(initialized.stderr)")
        }
        self.admin = admin
        let user = try TuanjuCLI.run(["users", "add", "--name", "王协调", "--role", "coordinator"], data: data, token: admin)
        guard user.exit == 0, let token = user.json?["token"] as? String else { throw ToolError("users add failed: \(user.stderr)") }
        coordinator = token
    }

    func queue() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: data + "/tuanju.sqlite", configuration: configuration)
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try queue().read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// `tuanju doctor`: passes when it exits 0.
    func doctor(into summary: inout CrashSummary) throws {
        let doctor = try TuanjuCLI.run(["doctor"], data: data, token: admin)
        summary.expect(doctor.exit == 0, "doctor exited \(doctor.exit): \(doctor.stdout) \(doctor.stderr)")
        summary.figures.append(doctor.exit == 0 ? "doctor ok" : "doctor FAILED")
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Starts a command again and again, SIGKILLing each run at a random moment in `window`, until `kills` runs
/// were killed while working (runs that finish first are counted, and the loop goes on). A run that finishes
/// first narrows the window to 90% of its time, so that the kills land while the work is being done.
func killRepeatedly(
    _ arguments: [String], data: String, token: String, kills: Int, window: ClosedRange<TimeInterval>,
    summary: inout CrashSummary
) throws {
    try killRepeatedly({ _ in arguments }, data: data, token: token, kills: kills, window: window, summary: &summary)
}

/// The same, with the command line of each attempt (0, 1, …) chosen by `arguments`.
func killRepeatedly(
    _ arguments: (Int) -> [String], data: String, token: String, kills: Int, window: ClosedRange<TimeInterval>,
    summary: inout CrashSummary
) throws {
    var attempts = 0
    var window = window
    while summary.kills < kills, attempts < kills * 4 {
        let started = Date()
        let outcome = try TuanjuCLI.runKilling(arguments(attempts), data: data, token: token, after: .random(in: window))
        attempts += 1
        if outcome.signalled {
            summary.kills += 1
        } else {
            summary.finishedFirst += 1
            summary.expect(outcome.exit == 0, "a run exited \(outcome.exit)")
            let took = Date().timeIntervalSince(started)
            window = window.lowerBound...max(window.lowerBound, min(window.upperBound, took * 0.9))
        }
    }
}

/// How long a command takes to run to the end (for choosing kill moments inside it).
func timed(_ body: () throws -> CLIOutcome) throws -> (CLIOutcome, TimeInterval) {
    let started = Date()
    let outcome = try body()
    return (outcome, Date().timeIntervalSince(started))
}
