import Foundation

// tuanju-bench: each scenario runs our service-layer code and the same work written against raw SQLite,
// in separate child processes of this one (so each side's peak RSS is its own), and prints one JSON line:
// {"scenario", "ours_per_s", "raw_per_s", "ratio", "peak_rss_mb", ...}.

let scenarios: [String: Scenario] = [
    "riders-import": RidersImportScenario(),
    "claims": ClaimsScenario(),
]

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--child" {
    // tuanju-bench --child SCENARIO SIDE WORKDIR
    let scenario = scenarios[arguments[1]]!
    let work = arguments[3]
    let started = Date()
    let operations = try arguments[2] == "ours" ? scenario.runOurs(work) : scenario.runRaw(work)
    let seconds = Date().timeIntervalSince(started)
    let result = ChildResult(operations: operations, seconds: seconds, peakRSSMB: peakRSSMegabytes())
    print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    exit(0)
}

let wanted = arguments.isEmpty ? scenarios.keys.sorted() : arguments
for name in wanted {
    guard let scenario = scenarios[name] else {
        FileHandle.standardError.write(Data("unknown scenario \(name); known: \(scenarios.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(64)
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-bench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    let keep = ProcessInfo.processInfo.environment["TUANJU_BENCH_KEEP"] == "1"
    defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }
    if keep { FileHandle.standardError.write(Data("work dir: \(work)\n".utf8)) }
    try scenario.prepare(work)
    if ProcessInfo.processInfo.environment["TUANJU_BENCH_PREPARE_ONLY"] == "1" { continue }
    let ours = try runChild(name, "ours", work)
    let raw = try runChild(name, "raw", work)
    let line = BenchLine(
        scenario: name, operations: ours.operations,
        ours_per_s: ours.perSecond.rounded(), raw_per_s: raw.perSecond.rounded(),
        ratio: (ours.perSecond / raw.perSecond * 100).rounded() / 100,
        peak_rss_mb: (ours.peakRSSMB * 10).rounded() / 10, raw_peak_rss_mb: (raw.peakRSSMB * 10).rounded() / 10)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(line), as: UTF8.self))
}
