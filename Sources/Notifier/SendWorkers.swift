import Foundation
import Synchronization

/// A fixed set of threads that send deliveries, in the order they were submitted, for as long as a drain
/// runs: a thread per POST (or per pass) would cost a thread start each time and, worse, its connections.
///
/// A worker takes the deliveries of the oldest unfinished batch one at a time by an atomic ticket (like the
/// raw side's counter); the lock is taken only to move on to the next batch or to wait. (A lock per delivery,
/// taken by 16 workers and the drain's thread, was contended: Swift's `Mutex` is a priority-inheritance
/// futex on Linux, and its slow path went through the kernel a few times per delivery.)
/// What a drain hands its batches to: each batch's deliveries are sent, up to a number at once, in the order
/// submitted; `close` lets what was queued finish and stops the sender.
protocol DeliverySender: Sendable {
    func submit(_ deliveries: [DueDelivery]) -> SendBatch
    func close()
}

final class SendWorkers: DeliverySender {
    /// Batches not yet fully taken (oldest first), how many workers wait on `ready`, whether the drain is over.
    private let state = Mutex<(batches: [SendBatch], idle: Int, closed: Bool)>(([], 0, false))
    /// Signalled once per waiting worker woken: a busy worker takes its next delivery without it, so a batch
    /// submitted while all are sending costs no wake-up at all.
    private let ready = DispatchSemaphore(value: 0)
    private let stopped = DispatchGroup()

    init(count: Int, post: @escaping @Sendable (DueDelivery) -> PostResult) {
        for _ in 0..<count {
            stopped.enter()
            SenderThread.start({ [self] in work(post) }, then: { [stopped] in stopped.leave() })
        }
    }

    private enum Next { case batch(SendBatch), wait, stop }

    private func work(_ post: @Sendable (DueDelivery) -> PostResult) {
        var current: SendBatch?
        while true {
            if let batch = current {
                if let index = batch.take() {
                    batch.complete(index, post(batch.deliveries[index]))
                    continue
                }
                current = nil
            }
            let next = state.withLock { state -> Next in
                while let first = state.batches.first, first.isTaken { state.batches.removeFirst() }
                if let first = state.batches.first { return .batch(first) }
                if state.closed { return .stop }
                state.idle += 1
                return .wait
            }
            switch next {
            case .batch(let batch): current = batch
            case .wait: ready.wait()
            case .stop: return
            }
        }
    }

    /// Queues the deliveries behind those already queued; the batch's `wait` returns their results.
    func submit(_ deliveries: [DueDelivery]) -> SendBatch {
        let batch = SendBatch(deliveries)
        let woken = state.withLock { state -> Int in
            state.batches.append(batch)
            let woken = min(state.idle, deliveries.count)
            state.idle -= woken
            return woken
        }
        for _ in 0..<woken { ready.signal() }
        return batch
    }

    /// Lets the workers finish what was queued, then stops them and waits until they are gone.
    func close() {
        let waiting = state.withLock { state -> Int in
            state.closed = true
            defer { state.idle = 0 }
            return state.idle
        }
        for _ in 0..<waiting { ready.signal() }
        stopped.wait()
    }
}

/// Deliveries submitted together, and their results as they come in.
///
/// `@unchecked Sendable`: each index is handed out once (`take`, an atomic ticket), so each result slot is
/// written by one worker only, before it leaves `done`; `wait` reads the slots only after `done` is empty,
/// and the group's leave/wait orders those writes before the reads. No lock per result.
final class SendBatch: @unchecked Sendable {
    let deliveries: [DueDelivery]
    private let next = Atomic<Int>(0)
    private let results: UnsafeMutableBufferPointer<PostResult?>
    private let done = DispatchGroup()

    init(_ deliveries: [DueDelivery]) {
        self.deliveries = deliveries
        results = .allocate(capacity: deliveries.count)
        results.initialize(repeating: nil)
        for _ in deliveries { done.enter() }
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }

    /// The next delivery's index for a worker to send, or nil when every one was taken.
    func take() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < deliveries.count ? index : nil
    }

    /// Whether every delivery was taken (not necessarily sent yet).
    var isTaken: Bool { next.load(ordering: .relaxed) >= deliveries.count }

    func complete(_ index: Int, _ result: PostResult) {
        results[index] = result
        done.leave()
    }

    /// The results, in the deliveries' order, once every one is in.
    func wait() -> [PostResult] {
        done.wait()
        return results.map { $0! }
    }
}

/// A sender's thread that lets go of its work (and so of what the work holds: the dispatcher, its database)
/// before it says it is finished. A `Thread`'s closure is released only when the thread object goes, after
/// the closure returned: the drain would return while another thread still held its database, and the last
/// reference to a database (closing it, checkpointing the WAL) could then go on that thread, at the moment
/// the caller opens it again.
enum SenderThread {
    /// `@unchecked Sendable`: `work` is set at creation and then read and cleared by the started thread only.
    private final class Work: @unchecked Sendable {
        var run: (@Sendable () -> Void)?
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func start(_ work: @escaping @Sendable () -> Void, then finished: @escaping @Sendable () -> Void) {
        let box = Work(work)
        Thread {
            box.run?()
            box.run = nil
            finished()
        }.start()
    }
}
