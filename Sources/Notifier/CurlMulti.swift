import CCurl
import Foundation
import Synchronization

/// A delivery's POST as the dispatcher prepared it (signed now), or its result when it is not sent.
enum PreparedPost {
    case send(url: String, headers: [(String, String)], body: Data)
    case done(PostResult)
}

/// A transport that sends a drain's batches itself, rather than one POST at a time from the dispatcher's
/// worker threads (`SendWorkers`, what every other transport, the tests' fakes among them, gets).
protocol BatchSendingTransport: WebhookTransport {
    /// A sender for one drain: at most `maxInFlight` transfers at once per `allowPrivate` side, each delivery
    /// prepared (signed) just before it is sent.
    func sender(maxInFlight: Int, prepare: @escaping @Sendable (DueDelivery) -> PreparedPost) -> DeliverySender
}

extension CurlTransport: BatchSendingTransport {
    func sender(maxInFlight: Int, prepare: @escaping @Sendable (DueDelivery) -> PreparedPost) -> DeliverySender {
        CurlMultiSender(multis: multis, maxInFlight: maxInFlight, prepare: prepare)
    }

    /// A libcurl multi handle and the idle easy handles of its transfers. The multi handle owns the connections
    /// (and the DNS cache) its transfers use, so each belongs to one `allowPrivate` side (a sender's loops have
    /// one each), as there is one easy handle pool per side for `post`: a connection the guard let open to a
    /// private address for an endpoint allowed one is never reused by a transfer for an endpoint that is not.
    ///
    /// `@unchecked Sendable`: one loop thread at a time uses it (taken from the `MultiPool` under its lock and
    /// given back after the thread ended); other threads only call `curl_multi_wakeup`, which libcurl allows
    /// from any thread.
    final class MultiHandle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
        let allowPrivate: Bool
        /// Easy handles of this side not in a transfer (never added to another multi handle).
        var idle: [EasyHandle] = []

        init?(allowPrivate: Bool) {
            guard CurlTransport.initialized, let raw = curl_multi_init() else { return nil }
            self.raw = raw
            self.allowPrivate = allowPrivate
            // Connections kept between transfers: by default libcurl keeps 4 per easy handle *added*, and a
            // transfer's handle is removed when it ends, so a quiet moment would shrink the cache to a few.
            tj_multi_setopt_long(raw, CURLMOPT_MAXCONNECTS, CurlTransport.maxIdleHandles)
        }

        deinit {
            // No easy handle is added to it here (a loop removes each when its transfer ends).
            curl_multi_cleanup(raw)
        }
    }

    /// Multi handles between drains, so that `webhooks run`'s passes keep their connections.
    final class MultiPool: Sendable {
        private let idle = Mutex<[MultiHandle]>([])

        func take(allowPrivate: Bool) -> MultiHandle? {
            let kept = idle.withLock { list -> MultiHandle? in
                guard let index = list.firstIndex(where: { $0.allowPrivate == allowPrivate }) else { return nil }
                return list.remove(at: index)
            }
            return kept ?? MultiHandle(allowPrivate: allowPrivate)
        }

        /// Keeps as many per side as a sender's loops use (two drains at once on one transport are rare; the
        /// second's handles are let go).
        func give(_ multi: MultiHandle) {
            idle.withLock { list in
                if list.count(where: { $0.allowPrivate == multi.allowPrivate }) < CurlMultiSender.loopsPerSide { list.append(multi) }
            }
        }
    }
}

/// Sends a drain's batches through libcurl's multi interface: two threads per `allowPrivate` side (started when
/// a batch first has a delivery of that side), each with its own multi handle, run up to `maxInFlight` transfers
/// at once between them, over kept-alive connections, instead of 16 threads each blocked in `curl_easy_perform`
/// (the kernel switching between them cost a sixth of a transfer's CPU). Deliveries start in the order submitted
/// (each loop takes the oldest queued when it has a free slot); a batch's `wait` returns once every one of its
/// deliveries, of either side, has its result.
///
/// Two loops, not one: a loop handles its answers one after another, and the next POST on a connection waits
/// for the answers read before its own. With 16 transfers on one loop, webhook-drain sent 0.55–0.61 s for
/// 10,000; on two loops of 8, 0.52–0.55 (issue 21). More loops than cores buy nothing.
final class CurlMultiSender: DeliverySender {
    static let loopsPerSide = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))

    private let multis: CurlTransport.MultiPool
    private let maxInFlight: Int
    private let prepare: @Sendable (DueDelivery) -> PreparedPost
    /// The queue and loops of each side (`allowPrivate`), started on the side's first delivery. Used by the
    /// drain's thread only, under a lock for `Sendable`.
    private let sides = Mutex<[Bool: (queue: SideQueue, loops: [MultiLoop])]>([:])

    init(multis: CurlTransport.MultiPool, maxInFlight: Int, prepare: @escaping @Sendable (DueDelivery) -> PreparedPost) {
        self.multis = multis
        self.maxInFlight = max(1, maxInFlight)
        self.prepare = prepare
    }

    func submit(_ deliveries: [DueDelivery]) -> SendBatch {
        let batch = SendBatch(deliveries)
        var guarded: [Int] = [], permissive: [Int] = []
        for (index, delivery) in deliveries.enumerated() {
            if delivery.endpoint.allowPrivate { permissive.append(index) } else { guarded.append(index) }
        }
        for (allowPrivate, indices) in [(false, guarded), (true, permissive)] where !indices.isEmpty {
            let (queue, loops) = sides.withLock { sides in
                if let side = sides[allowPrivate] { return side }
                let queue = SideQueue()
                let multis = (0..<min(Self.loopsPerSide, maxInFlight)).compactMap { _ in self.multis.take(allowPrivate: allowPrivate) }
                // `maxInFlight` shared out among the loops that could start: 16 on two is 8 and 8, 3 is 2 and 1.
                let loops = multis.enumerated().map { index, multi in
                    MultiLoop(multi: multi, queue: queue, maxInFlight: maxInFlight / multis.count + (index < maxInFlight % multis.count ? 1 : 0),
                              prepare: prepare)
                }
                sides[allowPrivate] = (queue, loops)
                return (queue, loops)
            }
            guard !loops.isEmpty else {
                // libcurl could not start: every delivery fails (and is retried later), none is lost.
                for index in indices { batch.complete(index, MultiLoop.notStarted) }
                continue
            }
            queue.append(batch, indices)
            for loop in loops { loop.wake() }
        }
        return batch
    }

    func close() {
        let started = sides.withLock { sides in Array(sides.values) }
        for (queue, loops) in started {
            queue.close()
            for loop in loops { multis.give(loop.close()) }
        }
    }
}

/// The deliveries of one side waiting for a free slot in one of its loops, oldest first.
final class SideQueue: Sendable {
    private struct State {
        var jobs: [(batch: SendBatch, index: Int)] = []
        var head = 0
        var closed = false
    }

    private let state = Mutex(State())

    func append(_ batch: SendBatch, _ indices: [Int]) {
        state.withLock { state in
            for index in indices { state.jobs.append((batch, index)) }
        }
    }

    /// No more deliveries: the loops end once they have sent what is queued.
    func close() {
        state.withLock { $0.closed = true }
    }

    /// Up to `count` queued deliveries, oldest first; whether more are queued; whether the drain is closing.
    func take(_ count: Int) -> (jobs: [(batch: SendBatch, index: Int)], more: Bool, closed: Bool) {
        state.withLock { state in
            let end = state.head + min(count, state.jobs.count - state.head)
            let jobs = Array(state.jobs[state.head..<end])
            state.head = end
            if state.head == state.jobs.count {
                state.jobs.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return (jobs, state.head < state.jobs.count, state.closed)
        }
    }
}

/// One loop of a side's transfers: a thread that takes queued deliveries in order, adds each (prepared, on a
/// kept easy handle) to its multi handle while fewer than `maxInFlight` run, and waits in `curl_multi_poll` for
/// any of them; a finished transfer's answer is read before its easy handle is removed and reused.
final class MultiLoop: Sendable {
    private let queue: SideQueue
    private let multi: CurlTransport.MultiHandle
    private let maxInFlight: Int
    private let prepare: @Sendable (DueDelivery) -> PreparedPost
    private let stopped = DispatchSemaphore(value: 0)

    init(multi: CurlTransport.MultiHandle, queue: SideQueue, maxInFlight: Int, prepare: @escaping @Sendable (DueDelivery) -> PreparedPost) {
        self.multi = multi
        self.queue = queue
        self.maxInFlight = maxInFlight
        self.prepare = prepare
        SenderThread.start({ [self] in run() }, then: { [stopped] in stopped.signal() })
    }

    static let notStarted = PostResult(status: nil, retryAfter: nil, error: "libcurl could not start", durationMs: 0)

    /// Wakes the loop to look at the queue (from any thread: libcurl allows `curl_multi_wakeup` from any).
    func wake() {
        curl_multi_wakeup(multi.raw)
    }

    /// Lets the loop finish what was queued (its queue closed), waits until its thread is gone, and hands back
    /// its multi handle.
    func close() -> CurlTransport.MultiHandle {
        wake()
        stopped.wait()
        return multi
    }

    private struct Transfer {
        let handle: CurlTransport.EasyHandle
        let batch: SendBatch
        let index: Int
    }

    private func run() {
        var active: [Transfer] = []
        active.reserveCapacity(maxInFlight)
        while true {
            let (jobs, more, closed) = queue.take(maxInFlight - active.count)
            for job in jobs {
                if let transfer = start(job, multi) { active.append(transfer) }
            }
            // A delivery answered without a transfer (too large, no handle) left its slot free: fill it first.
            if more, active.count < maxInFlight { continue }
            if active.isEmpty, !more {
                if closed { return }
                curl_multi_poll(multi.raw, nil, 0, 1_000, nil)  // until a batch comes (`submit` wakes it)
                continue
            }
            var running: Int32 = 0
            curl_multi_perform(multi.raw, &running)
            var ended = false
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi.raw, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let slot = active.firstIndex(where: { $0.handle.raw == easy }) else { continue }
                let code = tj_multi_message_result(message)  // read before the removal frees the message
                let transfer = active.remove(at: slot)
                let (result, keep) = transfer.handle.answer(code)
                curl_multi_remove_handle(multi.raw, easy)
                if keep { multi.idle.append(transfer.handle) }
                transfer.batch.complete(transfer.index, result)
                ended = true
            }
            // A slot freed with deliveries waiting: start them at once. Otherwise wait for a socket, libcurl's
            // next timeout, or a wake-up from `submit`.
            if !(ended && more) { curl_multi_poll(multi.raw, nil, 0, 1_000, nil) }
        }
    }

    /// Prepares a delivery and adds its transfer to the multi handle; nil when it was not sent (its result is in).
    private func start(_ job: (batch: SendBatch, index: Int), _ multi: CurlTransport.MultiHandle) -> Transfer? {
        switch prepare(job.batch.deliveries[job.index]) {
        case .done(let result):
            job.batch.complete(job.index, result)
            return nil
        case .send(let url, let headers, let body):
            guard let handle = multi.idle.popLast() ?? CurlTransport.EasyHandle(allowPrivate: multi.allowPrivate) else {
                job.batch.complete(job.index, Self.notStarted)
                return nil
            }
            handle.load(url: url, headers: headers, body: body)
            guard curl_multi_add_handle(multi.raw, handle.raw) == CURLM_OK else {
                multi.idle.append(handle)
                job.batch.complete(job.index, Self.notStarted)
                return nil
            }
            return Transfer(handle: handle, batch: job.batch, index: job.index)
        }
    }
}
