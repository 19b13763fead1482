import Foundation
import Synchronization

/// Takes the access log off the requests' path: a request appends its line to memory; a thread of its own
/// hands the lines to the sink (standard error, through the console's lock) in one write every 50 ms, or
/// sooner once 512 are waiting. `close` writes what is left: a graceful shutdown loses no line.
final class AccessLogWriter: Sendable {
    private let sink: @Sendable (String) -> Void
    private let pending = Mutex<(lines: [String], closed: Bool)>(([], false))
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    static let batch = 512

    init(sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
        Thread { [self] in run() }.start()
    }

    /// Called on the request's path: an append under a lock.
    func append(_ line: String) {
        let count = pending.withLock { state -> Int in
            state.lines.append(line)
            return state.lines.count
        }
        if count == Self.batch { wake.signal() }
    }

    /// Writes what is waiting and stops the thread.
    func close() {
        let already = pending.withLock { state -> Bool in
            defer { state.closed = true }
            return state.closed
        }
        guard !already else { return }
        wake.signal()
        stopped.wait()
    }

    private func run() {
        while true {
            _ = wake.wait(timeout: .now() + .milliseconds(50))
            let (lines, closed) = pending.withLock { state in
                defer { state.lines.removeAll(keepingCapacity: true) }
                return (state.lines, state.closed)
            }
            // One call for the batch: the sink adds the newline after the last line.
            if !lines.isEmpty { sink(lines.joined(separator: "\n")) }
            if closed { break }
        }
        stopped.signal()
    }
}
