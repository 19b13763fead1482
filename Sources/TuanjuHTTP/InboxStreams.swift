import Foundation
import Synchronization
import TuanjuService

/// The open `GET /v1/me/inbox/stream` connections of one server process, and the one watcher that tells them
/// when to read. The watcher polls a single cheap read (`Tuanju.inboxChanges`: `max(seq)` of the notifications,
/// and who was notified when it moved) every `poll`, so a notification committed by any process on the same
/// data directory (a coordinator's CLI command as well as a request to this server) wakes its rider's streams
/// within one poll; each stream then reads its own rider's notices. It runs only while a stream is open, and
/// rings every stream's heartbeat from the same loop: 1,000 idle streams cost one query a poll, not 1,000.
final class InboxStreams: Sendable {
    /// What a stream is told; several rings before it looks are one look.
    struct Pending: Sendable {
        var notices = false
        var heartbeat = false
    }

    /// One open stream: a doorbell (an `AsyncStream` that keeps one wake-up) and what rang it.
    final class Listener: Sendable {
        let riderID: String
        let id: Int
        let wakes: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        private let pending = Mutex(Pending())

        init(riderID: String, id: Int) {
            self.riderID = riderID
            self.id = id
            (wakes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        }

        func ring(notices: Bool = false, heartbeat: Bool = false) {
            pending.withLock {
                $0.notices = $0.notices || notices
                $0.heartbeat = $0.heartbeat || heartbeat
            }
            continuation.yield()
        }

        /// What rang since the last look, cleared.
        func take() -> Pending {
            pending.withLock { value in
                defer { value = Pending() }
                return value
            }
        }

        /// Ends the stream: its loop sees the end of `wakes`.
        func close() { continuation.finish() }
    }

    /// A stream's place in the registry; giving it up (the response finished, or was dropped before it began)
    /// frees the place.
    final class Ticket: Sendable {
        let listener: Listener
        private let streams: InboxStreams

        init(_ listener: Listener, _ streams: InboxStreams) {
            self.listener = listener
            self.streams = streams
        }

        deinit { streams.remove(listener) }
    }

    private struct State {
        var listeners: [String: [Int: Listener]] = [:]
        var count = 0
        var nextID = 0
        var watching = false
        var closed = false
    }

    private let state = Mutex(State())
    private let app: Tuanju
    let perRider: Int
    let total: Int
    let poll: Duration
    let heartbeat: Duration

    init(app: Tuanju, configuration: ServerConfiguration) {
        self.app = app
        perRider = max(1, configuration.maxStreamsPerRider)
        total = max(1, configuration.maxStreams)
        poll = .milliseconds(max(10, configuration.streamPollMilliseconds))
        heartbeat = .milliseconds(Int64(max(0.01, configuration.streamHeartbeatSeconds) * 1000))
    }

    /// Registers a stream of `riderID`: refused with 429 past the rider's limit, 503 past the server's (or once
    /// the server is shutting down). Starts the watcher if it is not running.
    func open(riderID: String) throws(HTTPFailure) -> Ticket {
        let (listener, start) = try state.withLock { state throws(HTTPFailure) -> (Listener, Bool) in
            if state.closed { throw HTTPFailure.streamsFull(limit: total) }
            if state.listeners[riderID, default: [:]].count >= perRider { throw HTTPFailure.streamsPerRider(limit: perRider) }
            if state.count >= total { throw HTTPFailure.streamsFull(limit: total) }
            state.nextID += 1
            let listener = Listener(riderID: riderID, id: state.nextID)
            state.listeners[riderID, default: [:]][listener.id] = listener
            state.count += 1
            let start = !state.watching
            state.watching = true
            return (listener, start)
        }
        if start { Task.detached { await self.watch() } }
        return Ticket(listener, self)
    }

    /// How many streams are open (of one rider).
    func count(riderID: String? = nil) -> Int {
        state.withLock { state in riderID.map { state.listeners[$0]?.count ?? 0 } ?? state.count }
    }

    fileprivate func remove(_ listener: Listener) {
        state.withLock { state in
            guard state.listeners[listener.riderID]?.removeValue(forKey: listener.id) != nil else { return }
            if state.listeners[listener.riderID]?.isEmpty == true { state.listeners[listener.riderID] = nil }
            state.count -= 1
        }
        listener.close()
    }

    /// Graceful shutdown: ends every open stream (each response finishes, so the server's wait for requests in
    /// flight ends) and refuses new ones.
    func close() {
        let all = state.withLock { state in
            state.closed = true
            return state.listeners.values.flatMap(\.values)
        }
        for listener in all { listener.close() }
    }

    /// The watcher: one read per `poll` while any stream is open; stops when the last one closes.
    private func watch() async {
        let app = self.app
        var seen: Int64?
        var lastBeat = ContinuousClock.now
        while true {
            let running = state.withLock { state in
                if state.count == 0 || state.closed { state.watching = false }
                return state.watching
            }
            guard running else { return }
            let after = seen
            if let changes = try? await Blocking.run({ try app.inboxChanges(after: after) }) {
                // The first look rings everyone: a notice committed between a stream's own first read and this
                // look is above that read and at most `latest`, so no later look would name it.
                let riders = seen == nil ? nil : Set(changes.riders)
                seen = changes.latest
                if riders?.isEmpty != true {
                    for listener in listeners(of: riders) { listener.ring(notices: true) }
                }
            }  // A failed read (the database busy past its timeout) is retried at the next poll, from the same `seen`.
            if ContinuousClock.now - lastBeat >= heartbeat {
                lastBeat = .now
                for listener in listeners(of: nil) { listener.ring(heartbeat: true) }
            }
            try? await Task.sleep(for: poll)
        }
    }

    /// The open streams of `riders` (of everyone for nil).
    private func listeners(of riders: Set<String>?) -> [Listener] {
        state.withLock { state in
            guard let riders else { return state.listeners.values.flatMap(\.values) }
            return riders.flatMap { state.listeners[$0].map { Array($0.values) } ?? [] }
        }
    }
}
