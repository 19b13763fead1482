import Dispatch
import Foundation
import TuanjuCore

/// Runs the service layer's synchronous work (SQLite reads and writes, file reads) off Swift's cooperative pool,
/// as the JSON API does (TuanjuHTTP's `Blocking`; the console cannot import it: TuanjuHTTP mounts the console).
enum ConsoleWork {
    static let queue = DispatchQueue(label: "tuanju.console.blocking", attributes: .concurrent)

    /// The page's language is carried over by hand: a dispatch queue does not inherit task-locals.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let language = Language.current
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try Language.$current.withValue(language, operation: work) })
            }
        }
    }
}

/// The console's batch run in this server process: at most one at a time, and how the last one ended, for the
/// page. A run that failed (the database busy past its timeout, a disk full) leaves its batch `running` in the
/// database; the next run resumes it (`runRedemptions` picks up a batch left running), so the page offers the
/// button again and says why the last run stopped.
final class BatchRun: @unchecked Sendable {  // every field is read and written under `lock`
    private let lock = NSLock()
    private var inProgress = false
    private var failure: String?

    /// Claims the run; false when one is already in progress here.
    func start() -> Bool {
        lock.withLock {
            guard !inProgress else { return false }
            inProgress = true
            failure = nil
            return true
        }
    }

    /// Ends the run, keeping its failure's message (nil when it completed).
    func finish(failure message: String?) {
        lock.withLock {
            inProgress = false
            failure = message
        }
    }

    /// Whether a run is in progress here, and the last run's failure.
    var state: (inProgress: Bool, failure: String?) { lock.withLock { (inProgress, failure) } }
}
