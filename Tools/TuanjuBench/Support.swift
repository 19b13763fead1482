import Foundation

/// `Tools/bench --quick` (TUANJU_BENCH_QUICK=1): every scenario small, one run per side, for a check of the
/// benches themselves (and their correctness checks) before committing, in about a minute.
enum Bench {
    static let quick = ProcessInfo.processInfo.environment["TUANJU_BENCH_QUICK"] == "1"

    /// `full`, or `small` in quick mode.
    static func size(_ full: Int, quick small: Int) -> Int { quick ? small : full }
}

/// The 1-, 5- and 15-minute load averages (/proc/loadavg): what else the machine was doing.
func loadAverage() -> [Double] {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
    return text.split(separator: " ").prefix(3).compactMap { Double($0) }
}

/// A benchmark: the same work done through Tuanju and through raw SQLite.
protocol Scenario {
    /// Creates the inputs both sides use (files, a database) in `work`.
    func prepare(_ work: String) throws
    /// Runs through the service layer; returns the number of operations done.
    func runOurs(_ work: String) throws -> Int
    /// Runs the same work with plain prepared statements; returns the number of operations done.
    func runRaw(_ work: String) throws -> Int
    /// Checks the outcome of `runOurs` after the clock has stopped.
    func verifyOurs(_ work: String) throws
    /// Checks the outcome of `runRaw` after the clock has stopped.
    func verifyRaw(_ work: String) throws
    /// Stops what `prepare` started (a receiver).
    func finish(_ work: String)
}

extension Scenario {
    func verifyOurs(_ work: String) throws {}
    func verifyRaw(_ work: String) throws {}
    func finish(_ work: String) {}
}

struct ChildResult: Codable {
    let operations: Int
    let seconds: Double
    let peakRSSMB: Double

    var perSecond: Double { Double(operations) / seconds }
}

struct BenchLine: Encodable {
    let scenario: String
    let operations: Int
    let runs: Int
    let ours_per_s: Double
    let raw_per_s: Double
    let ratio: Double
    let peak_rss_mb: Double
    let raw_peak_rss_mb: Double
    /// The load average when the scenario started (before `prepare`).
    let load_avg: [Double]
    let quick: Bool
}

/// Runs one side of a scenario in a child process and reads its result line.
func runChild(_ scenario: String, _ side: String, _ work: String) throws -> ChildResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
    process.arguments = ["--child", scenario, side, work]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchError(message: "\(scenario) \(side) exited \(process.terminationStatus)")
    }
    return try JSONDecoder().decode(ChildResult.self, from: data)
}

struct BenchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The process's peak resident set size so far, in MB: VmHWM from /proc/self/status. (getrusage's
/// ru_maxrss survives execve, so a child would report its parent's peak.)
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ")[1])
    else { return -1 }
    return kilobytes / 1024
}

/// Runs `body(0..<count)` on `count` real threads at once and waits for all of them.
/// (DispatchQueue.concurrentPerform runs no more threads than there are cores: two here.)
func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}
