import Dispatch
import Storage
import TuanjuCore

/// Runs the service layer's synchronous work (SQLite reads and `BEGIN IMMEDIATE` writes that may wait up to the
/// busy timeout, photo checks, file writes) off Swift's cooperative pool, which has only as many threads as
/// cores: a blocked pool thread would stall every request of the server.
enum Blocking {
    static let queue = DispatchQueue(label: "tuanju.http.blocking", attributes: .concurrent)

    /// A dispatch queue does not inherit task-locals, so the request's language (for the messages the service
    /// layer renders) is carried over by hand. Who is acting travels in the `Caller` the service is given.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let language = Language.current
        // Unsafe rather than checked: resumed exactly once, below, and the check's allocation is on every request.
        return try await withUnsafeThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    try Language.$current.withValue(language, operation: work)
                })
            }
        }
    }
}
