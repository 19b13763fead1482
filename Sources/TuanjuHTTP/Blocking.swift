import Dispatch

/// Runs the service layer's synchronous work (SQLite reads and `BEGIN IMMEDIATE` writes that may wait up to the
/// busy timeout, photo checks, file writes) off Swift's cooperative pool, which has only as many threads as
/// cores: a blocked pool thread would stall every request of the server.
enum Blocking {
    static let queue = DispatchQueue(label: "tuanju.http.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
