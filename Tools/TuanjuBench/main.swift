import Foundation

// tuanju-bench: each scenario runs our service-layer code and the same work written against raw SQLite,
// in separate child processes of this one (so each side's peak RSS is its own), and prints one JSON line:
// {"scenario", "ours_per_s", "raw_per_s", "ratio", "peak_rss_mb", ...}.

let scenarios: [String: Scenario] = [
    "riders-import": RidersImportScenario(),
    "claims": ClaimsScenario(),
    "redemption-batch": RedemptionBatchScenario(),
    "webhook-drain": WebhookDrainScenario(),
    "map-nearest": MapNearestScenario(),
    "map-nearest-concurrent": MapNearestScenario(threads: max(2, ProcessInfo.processInfo.activeProcessorCount)),
    "map-nearest-process": MapNearestProcessScenario(),
    "report-submit": ReportSubmitScenario(),
    "report-export": ReportExportScenario(),
    "photo-print": PhotoPrintScenario(),
    "photo-reuse-lookup": PhotoReuseLookupScenario(),
]

/// Benches of another shape than ours-vs-raw, each printing its own JSON line.
let specials: [String: () throws -> Void] = [
    "inbox-stream": InboxStreamBench.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--child" {
    // tuanju-bench --child SCENARIO SIDE WORKDIR
    let scenario = scenarios[arguments[1]]!
    let work = arguments[3]
    let started = Date()
    let operations = try arguments[2] == "ours" ? scenario.runOurs(work) : scenario.runRaw(work)
    let seconds = SelfTiming.seconds ?? Date().timeIntervalSince(started)
    if arguments[2] == "ours" { try scenario.verifyOurs(work) } else { try scenario.verifyRaw(work) }
    let result = ChildResult(operations: operations, seconds: seconds, peakRSSMB: peakRSSMegabytes())
    print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    exit(0)
}

let wanted = arguments.isEmpty ? (Array(scenarios.keys) + Array(specials.keys)).sorted() : arguments
// Each side runs `repeats` times on a fresh copy of the prepared data, alternating, and the best run counts:
// this machine's other load only ever slows a run down.
let repeats = Int(ProcessInfo.processInfo.environment["TUANJU_BENCH_REPEAT"] ?? "") ?? (Bench.quick ? 1 : 3)
var failed = false
for name in wanted {
    if let special = specials[name] {
        do { try special() } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            failed = true
        }
        continue
    }
    guard let scenario = scenarios[name] else {
        let known = (Array(scenarios.keys) + Array(specials.keys)).sorted()
        FileHandle.standardError.write(Data("unknown scenario \(name); known: \(known.joined(separator: ", "))\n".utf8))
        exit(64)
    }
    let load = loadAverage()
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-bench-\(UUID().uuidString)").path
    do {
        try FileManager.default.createDirectory(atPath: work + "/base", withIntermediateDirectories: true)
        let keep = ProcessInfo.processInfo.environment["TUANJU_BENCH_KEEP"] == "1"
        defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }
        if keep { FileHandle.standardError.write(Data("work dir: \(work)/base\n".utf8)) }
        defer { scenario.finish(work + "/base") }
        try scenario.prepare(work + "/base")
        if ProcessInfo.processInfo.environment["TUANJU_BENCH_PREPARE_ONLY"] == "1" { continue }
        var ours: [ChildResult] = [], raw: [ChildResult] = []
        for run in 0..<repeats {
            for side in ["ours", "raw"] {
                let copy = work + "/run-\(run)-\(side)"
                try FileManager.default.copyItem(atPath: work + "/base", toPath: copy)
                let result = try runChild(name, side, copy)
                if side == "ours" { ours.append(result) } else { raw.append(result) }
                try? FileManager.default.removeItem(atPath: copy)
            }
        }
        let bestOurs = ours.max { $0.perSecond < $1.perSecond }!
        let bestRaw = raw.max { $0.perSecond < $1.perSecond }!
        let line = BenchLine(
            scenario: name, operations: bestOurs.operations, runs: repeats,
            ours_per_s: bestOurs.perSecond.rounded(), raw_per_s: bestRaw.perSecond.rounded(),
            ratio: (bestOurs.perSecond / bestRaw.perSecond * 100).rounded() / 100,
            peak_rss_mb: (ours.map(\.peakRSSMB).max()! * 10).rounded() / 10,
            raw_peak_rss_mb: (raw.map(\.peakRSSMB).max()! * 10).rounded() / 10,
            load_avg: load, quick: Bench.quick)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(line), as: UTF8.self))
    } catch {
        FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
        failed = true
    }
}
exit(failed ? 1 : 0)
