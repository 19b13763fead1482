import Foundation
import Synchronization

/// A fixed set of threads that send deliveries, in the order they were submitted, for as long as a drain
/// runs: a thread per POST (or per pass) would cost a thread start each time and, worse, its connections.
final class SendWorkers: Sendable {
    private let jobs = Mutex<(queue: [(SendBatch, Int)], head: Int, closed: Bool)>(([], 0, false))
    /// Signalled once per job, and once per worker at close.
    private let ready = DispatchSemaphore(value: 0)
    private let stopped = DispatchGroup()
    private let count: Int

    init(count: Int, post: @escaping @Sendable (DueDelivery) -> PostResult) {
        self.count = count
        for _ in 0..<count {
            stopped.enter()
            Thread { [self] in
                work(post)
                stopped.leave()
            }.start()
        }
    }

    private func work(_ post: @Sendable (DueDelivery) -> PostResult) {
        while true {
            ready.wait()
            let job = jobs.withLock { state -> (SendBatch, Int)? in
                guard state.head < state.queue.count else { return nil }
                defer { state.head += 1 }
                return state.queue[state.head]
            }
            guard let (batch, index) = job else { return }  // closed
            batch.complete(index, post(batch.deliveries[index]))
        }
    }

    /// Queues the deliveries behind those already queued; the batch's `wait` returns their results.
    func submit(_ deliveries: [DueDelivery]) -> SendBatch {
        let batch = SendBatch(deliveries)
        jobs.withLock { state in
            if state.head > 4096 {  // drop what was taken, now and then
                state.queue.removeFirst(state.head)
                state.head = 0
            }
            state.queue.append(contentsOf: deliveries.indices.map { (batch, $0) })
        }
        for _ in deliveries.indices { ready.signal() }
        return batch
    }

    /// Lets the workers finish what was queued, then stops them and waits until they are gone.
    func close() {
        jobs.withLock { $0.closed = true }
        for _ in 0..<count { ready.signal() }
        stopped.wait()
    }
}

/// Deliveries submitted together, and their results as they come in.
final class SendBatch: Sendable {
    let deliveries: [DueDelivery]
    private let results: Mutex<[PostResult?]>
    private let done = DispatchGroup()

    init(_ deliveries: [DueDelivery]) {
        self.deliveries = deliveries
        results = Mutex(Array(repeating: nil, count: deliveries.count))
        for _ in deliveries { done.enter() }
    }

    func complete(_ index: Int, _ result: PostResult) {
        results.withLock { $0[index] = result }
        done.leave()
    }

    /// The results, in the deliveries' order, once every one is in.
    func wait() -> [PostResult] {
        done.wait()
        return results.withLock { $0.map { $0! } }
    }
}
