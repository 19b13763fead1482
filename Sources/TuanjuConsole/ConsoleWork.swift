import Dispatch
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
