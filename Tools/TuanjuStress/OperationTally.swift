import Foundation
import TuanjuCore

/// The kinds of operation a stress worker mixes.
enum StressKind: String, CaseIterable, Codable, Sendable {
    case claim, release, report, redeem
    case redeemCancel = "redeem-cancel"
    case signup
    case signupCancel = "signup-cancel"
    case deliver, batch
}

/// How one operation ended.
enum OperationOutcome: String, Codable {
    /// Done.
    case ok
    /// Refused by a rule of the domain (exit 1): a full task, too few points, already signed up. Expected.
    case refused
    /// The database stayed busy past its timeout (exit 75, `busy`).
    case busy
    /// Anything else: a bug, or the machinery failing.
    case failed

    init(_ error: Error) {
        guard let error = error as? any TuanjuError else { self = .failed; return }
        switch error.category {
        case .refused: self = .refused
        case .busy: self = .busy
        default: self = .failed
        }
    }

    init(exit: Int32) {
        switch exit {
        case 0: self = .ok
        case 1: self = .refused
        case 75: self = .busy
        default: self = .failed
        }
    }
}

/// Counts per kind and outcome, with the CLI runs among them, and a few failure messages.
struct OperationTally: Codable {
    struct Counts: Codable {
        var ok = 0, refused = 0, busy = 0, failed = 0
        /// Of these, how many ran as a separate `tuanju` process.
        var cli = 0
        /// The slowest in-process operation, in seconds (how close a writer came to the 5 s busy timeout).
        var slowest = 0.0

        var total: Int { ok + refused + busy + failed }

        mutating func add(_ outcome: OperationOutcome, cli: Bool) {
            switch outcome {
            case .ok: ok += 1
            case .refused: refused += 1
            case .busy: busy += 1
            case .failed: failed += 1
            }
            if cli { self.cli += 1 }
        }

        mutating func merge(_ other: Counts) {
            ok += other.ok
            refused += other.refused
            busy += other.busy
            failed += other.failed
            cli += other.cli
            slowest = max(slowest, other.slowest)
        }
    }

    var counts: [String: Counts] = [:]
    /// Refusals per kind and error code (`claim task_full`): the domain saying no, as it should.
    var refusals: [String: Int] = [:]
    var failures: [String] = []
    var seconds = 0.0

    mutating func add(
        _ kind: StressKind, _ outcome: OperationOutcome, cli: Bool, seconds: Double = 0, code: String? = nil,
        detail: @autoclosure () -> String = ""
    ) {
        if outcome == .refused { refusals["\(kind.rawValue) \(code ?? "?")", default: 0] += 1 }
        counts[kind.rawValue, default: Counts()].add(outcome, cli: cli)
        if !cli { counts[kind.rawValue]!.slowest = max(counts[kind.rawValue]!.slowest, seconds) }
        if outcome == .failed || outcome == .busy, failures.count < 20 {
            failures.append("\(kind.rawValue)\(cli ? " (cli)" : ""): \(outcome.rawValue): \(detail())")
        }
    }

    mutating func merge(_ other: OperationTally) {
        for (kind, value) in other.counts { counts[kind, default: Counts()].merge(value) }
        for (key, value) in other.refusals { refusals[key, default: 0] += value }
        failures += other.failures
        seconds = max(seconds, other.seconds)
    }

    var total: Counts {
        var sum = Counts()
        for value in counts.values { sum.merge(value) }
        return sum
    }

    func count(_ kind: StressKind) -> Counts { counts[kind.rawValue] ?? Counts() }
}
