import Foundation

/// `tuanju-stress crash-loops`: each command SIGKILLed at random moments `--kills` times, re-run to the end,
/// then verified (no work lost or done twice) and `tuanju doctor` run. Prints a summary per command.
struct CrashLoops {
    static let all = ["riders", "map", "reports", "redemptions", "webhooks"]

    let kills: Int
    let only: [String]

    init(_ arguments: Arguments) {
        kills = arguments.int("kills", default: 20)
        only = arguments.string("only")?.split(separator: ",").map(String.init) ?? Self.all
    }

    func run() throws -> Int32 {
        var summaries: [CrashSummary] = []
        for name in only {
            let started = Date()
            print("crash loop: \(name) …")
            var summary: CrashSummary
            switch name {
            case "riders": summary = try RidersCrashLoop().run(kills: kills)
            case "map": summary = try MapCrashLoop().run(kills: kills)
            case "reports": summary = try ReportsCrashLoop().run(kills: kills)
            case "redemptions": summary = try RedemptionsCrashLoop().run(kills: kills)
            case "webhooks": summary = try WebhooksCrashLoop().run(kills: kills)
            default: throw ToolError("unknown crash loop \(name); known: \(Self.all.joined(separator: ","))")
            }
            if summary.kills < kills { summary.problems.append("only \(summary.kills) of \(kills) runs were killed while working") }
            print(describe(summary, seconds: Date().timeIntervalSince(started)))
            summaries.append(summary)
        }
        print("summary:")
        for summary in summaries {
            print("  \(summary.passed ? "PASS" : "FAIL") \(summary.command): \(summary.kills) kills, \(summary.finishedFirst) finished first, \(summary.reruns) re-runs")
        }
        let passed = summaries.allSatisfy(\.passed)
        print(passed ? "crash loops: PASS" : "crash loops: FAIL")
        return passed ? 0 : 1
    }

    func describe(_ summary: CrashSummary, seconds: Double) -> String {
        var lines = ["\(summary.passed ? "PASS" : "FAIL") \(summary.command) (\(Int(seconds)) s): \(summary.kills) kills, "
            + "\(summary.finishedFirst) runs finished before their kill, \(summary.reruns) re-runs"]
        lines += summary.figures.map { "    " + $0 }
        lines += summary.problems.map { "    problem: " + $0 }
        return lines.joined(separator: "\n")
    }
}
