import Foundation

/// `tuanju-stress stress`: N worker processes at once against one data directory for S seconds, then a
/// final webhook drain, the reconciliation, `points verify` and `tuanju doctor`. Prints the figures.
struct StressRun {
    let seconds: Int
    let processes: Int
    let keep: Bool

    /// At most this share of operations may end busy (exit 75).
    static let busyLimit = 0.001

    init(_ arguments: Arguments) {
        seconds = arguments.int("seconds", default: 60)
        processes = arguments.int("processes", default: 4)
        keep = arguments.flag("keep")
    }

    func run() throws -> Int32 {
        let root = try ToolPaths.scratch("stress")
        let receiver = try Receiver(root: root)
        defer {
            receiver.stop()
            if !keep { try? FileManager.default.removeItem(atPath: root) }
        }
        print("stress: \(processes) processes × \(seconds) s against \(root)/data")
        let fixture = try StressFixture.make(root: root, workers: processes, receiverURL: receiver.url, secretFile: receiver.secretFile)
        try fixture.write(to: root + "/fixture.json")

        let (tally, exits) = try runWorkers(root: root)
        var failures: [String] = []
        for (index, status) in exits.enumerated() where status != 0 {
            failures.append("worker \(index) exited \(status)")
        }

        // Whatever the workers left undelivered, the way an operator would drain it.
        let drain = try TuanjuCLI.run(["webhooks", "deliver", "--until-idle"], data: fixture.data, token: fixture.admin)
        if drain.exit != 0 { failures.append("final webhooks deliver exited \(drain.exit): \(drain.stderr)") }

        printTally(tally)
        let total = tally.total
        let busyRate = total.total == 0 ? 0 : Double(total.busy) / Double(total.total)
        print(String(format: "busy: %d of %d operations (%.4f%%; limit %.1f%%)", total.busy, total.total, busyRate * 100, Self.busyLimit * 100))
        if busyRate > Self.busyLimit { failures.append("busy rate \(busyRate) above \(Self.busyLimit)") }
        if total.failed > 0 { failures.append("\(total.failed) operations failed unexpectedly") }
        for failure in tally.failures.prefix(10) { print("  \(failure)") }

        print("reconciliation:")
        let findings = try StressReconcile(fixture: fixture, tally: tally, received: try receiver.records()).findings()
        for finding in findings {
            print("  \(finding.problems.isEmpty ? "ok  " : "FAIL") \(finding.check): \(finding.figures)")
            for problem in finding.problems.prefix(10) { print("       \(problem)") }
            failures += finding.problems.map { "\(finding.check): \($0)" }
        }
        let verify = try TuanjuCLI.run(["points", "verify"], data: fixture.data, token: fixture.admin)
        print("points verify: exit \(verify.exit), \(Self.problemsLine(verify))")
        if verify.exit != 0 { failures.append("points verify exited \(verify.exit)") }
        let doctor = try TuanjuCLI.run(["doctor"], data: fixture.data, token: fixture.admin)
        print("doctor: exit \(doctor.exit), \(Self.problemsLine(doctor))")
        if doctor.exit != 0 { failures.append("doctor exited \(doctor.exit): \(doctor.stdout)") }

        print(failures.isEmpty ? "stress: PASS" : "stress: FAIL (\(failures.count) problems)")
        for failure in failures.prefix(20) { print("  \(failure)") }
        if keep { print("kept \(root)") }
        return failures.isEmpty ? 0 : 1
    }

    /// `{"ok", "problems", "checks"}` in one line.
    static func problemsLine(_ outcome: CLIOutcome) -> String {
        guard let json = outcome.json else { return outcome.stdout + outcome.stderr }
        let problems = json["problems"] as? [Any] ?? []
        var line = "ok \(json["ok"] as? Bool ?? false), \(problems.count) problems"
        if let checks = json["checks"] as? [String] { line += " (checks: \(checks.joined(separator: ", ")))" }
        for problem in problems.prefix(10) { line += "\n    \(problem)" }
        return line
    }

    /// Starts every worker at once, waits for all, and merges their tallies.
    func runWorkers(root: String) throws -> (OperationTally, [Int32]) {
        var workers: [(Process, String)] = []
        for index in 0..<processes {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ToolPaths.stress)
            process.arguments = ["worker", "--fixture", root + "/fixture.json", "--index", "\(index)", "--seconds", "\(seconds)"]
            let output = root + "/worker-\(index).json"
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            workers.append((process, output))
        }
        for (process, _) in workers { try process.run() }
        var tally = OperationTally()
        var exits: [Int32] = []
        for (process, output) in workers {
            process.waitUntilExit()
            exits.append(process.terminationStatus)
            if let data = FileManager.default.contents(atPath: output), let part = try? JSONDecoder().decode(OperationTally.self, from: data) {
                tally.merge(part)
            }
        }
        return (tally, exits)
    }

    func printTally(_ tally: OperationTally) {
        let seconds = max(tally.seconds, 0.001)
        func line(_ name: String, _ counts: OperationTally.Counts) -> String {
            name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(
                format: " %8d %7.1f %8d %8d %5d %6d %5d %9.0f", counts.total, Double(counts.total) / seconds,
                counts.ok, counts.refused, counts.busy, counts.failed, counts.cli, counts.slowest * 1000)
        }
        print(String(format: "operations over %.1f s:", seconds))
        print("kind              attempts   ops/s       ok  refused  busy failed   cli  worst ms")
        for kind in StressKind.allCases { print(line(kind.rawValue, tally.count(kind))) }
        print(line("all", tally.total))
        let refusals = tally.refusals.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
        print("refusals by code: " + refusals.joined(separator: ", "))
    }
}
