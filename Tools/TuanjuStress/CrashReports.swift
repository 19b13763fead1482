import Foundation
import GRDB
import PhotoFixtures

/// `reports submit`, one report per run, killed at a random moment; a killed submission is retried as the
/// SAME command (same photo, same note) until it exits 0, as a rider's app would retry it.
///
/// Idempotence, as verified: every intended submission has its own note; in the end each note is recorded
/// exactly once (a kill before the commit loses nothing that the retry does not redo; a kill after it must
/// not make the retry record it again), the stored photos are exactly the referenced ones (a killed run may
/// leave a file the retry then reuses), and `doctor` passes.
struct ReportsCrashLoop {
    func run(kills: Int) throws -> CrashSummary {
        var summary = CrashSummary(command: "reports submit")
        let sandbox = try CrashSandbox("reports")
        defer { sandbox.remove() }
        let rider = try TuanjuCLI.run(["riders", "register", "--name", "李骑手", "--phone", "13900001111", "--platform", "meituan"],
                                      data: sandbox.data, token: sandbox.coordinator)
        guard let token = rider.json?["token"] as? String else { throw ToolError("riders register: \(rider.stderr)") }
        let task = try TuanjuCLI.run(["tasks", "create", "--role", "hazard-inspector", "--title", "井盖巡查", "--capacity", "10"],
                                     data: sandbox.data, token: sandbox.coordinator)
        guard let taskID = task.json?["id"] as? String else { throw ToolError("tasks create: \(task.stderr)") }
        let claim = try TuanjuCLI.run(["tasks", "claim", taskID], data: sandbox.data, token: token)
        guard claim.exit == 0 else { throw ToolError("tasks claim: \(claim.stderr)") }

        func command(_ number: Int) throws -> [String] {
            let photo = sandbox.root + "/photo-\(number).jpg"
            if !FileManager.default.fileExists(atPath: photo) {
                // About 300 KB, like a phone photo: validating, stripping and storing it takes a while.
                try Data(PhotoFixtures.jpeg(approximateBytes: 300_000, seed: UInt64(number + 1))).write(to: URL(fileURLWithPath: photo))
            }
            // Reports 60 m apart along streets inside the service area, so none is another's likely duplicate.
            let lat = 30.2800 + Double(number % 60) * 0.00055, lon = 120.1500 + Double(number / 60) * 0.001
            return ["reports", "submit", "--category", "manhole-cover", "--lat", String(format: "%.6f", lat),
                    "--lon", String(format: "%.6f", lon),
                    "--photo", photo, "--note", "crash report \(number)"]
        }
        // The first three submissions run to the end: how long one takes (the fastest; the first is slowed by
        // cold caches).
        var duration = TimeInterval.infinity
        for number in 0..<3 {
            let arguments = try command(number)
            let (run, took) = try timed { try TuanjuCLI.run(arguments, data: sandbox.data, token: token) }
            summary.expect(run.exit == 0, "submission \(number) exited \(run.exit): \(run.stderr)")
            duration = min(duration, took)
        }
        summary.figures.append(String(format: "one submission (300 KB JPEG) takes %.0f ms", duration * 1000))

        var submission = 2
        var killedAfterCommit = 0
        while summary.kills < kills, submission < kills * 4 {
            submission += 1
            let arguments = try command(submission)
            let killed = try TuanjuCLI.runKilling(arguments, data: sandbox.data, token: token, after: .random(in: 0.005...max(0.006, duration * 1.1)))
            guard killed.signalled else {
                summary.finishedFirst += 1
                duration *= 0.9
                summary.expect(killed.exit == 0, "submission \(submission) exited \(killed.exit)")
                continue
            }
            summary.kills += 1
            if try sandbox.count("SELECT count(*) FROM reports WHERE note = ?", ["crash report \(submission)"]) > 0 {
                killedAfterCommit += 1
            }
            let retry = try TuanjuCLI.run(arguments, data: sandbox.data, token: token)
            summary.reruns += 1
            summary.expect(retry.exit == 0, "the retry of submission \(submission) exited \(retry.exit): \(retry.stderr.prefix(300))")
        }

        let notes = try sandbox.queue().read { db in
            try Row.fetchAll(db, sql: "SELECT note, count(*) AS n FROM reports GROUP BY note")
        }
        let counts = Dictionary(uniqueKeysWithValues: notes.map { ($0["note"] as String, $0["n"] as Int) })
        let missing = (0...submission).filter { counts["crash report \($0)"] == nil }
        let twice = counts.filter { $0.value > 1 }.map(\.key).sorted()
        summary.figures.append("\(submission + 1) submissions, \(killedAfterCommit) killed after their commit, \(counts.values.reduce(0, +)) reports recorded")
        summary.expect(missing.isEmpty, "submissions never recorded: \(missing)")
        summary.expect(twice.isEmpty, "submissions recorded more than once: \(twice)")
        let referenced = try sandbox.count("SELECT count(DISTINCT sha256) FROM report_photos")
        let files = storedPhotos(sandbox.data + "/photos")
        summary.figures.append("\(files) stored photo files, \(referenced) referenced")
        summary.expect(files >= referenced, "\(referenced - files) referenced photos missing")
        try sandbox.doctor(into: &summary)
        return summary
    }

    func storedPhotos(_ root: String) -> Int {
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return files.filter { !$0.hasPrefix("tmp") && ($0.hasSuffix(".jpg") || $0.hasSuffix(".png")) }.count
    }
}
