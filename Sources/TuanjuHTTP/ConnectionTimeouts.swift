import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// HTTP/1.1 as Hummingbird serves it, with two more deadlines: a request's head must arrive within
/// `headerTimeout` of its first byte, and its body within `bodyTimeout` of the end of the head; a connection
/// that misses either is closed. Hummingbird's own idle timeout (`idleTimeout`) closes a kept-alive connection
/// that sends nothing. Together they bound what a client that trickles bytes (or sends none) can hold.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let timeouts: ConnectionTimeouts
    /// Called when the server's graceful shutdown reaches a connection (each one is told).
    var onQuiesce: @Sendable () -> Void = {}

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let timeouts = self.timeouts
        let state = channel.eventLoop.makeCompletedFuture {
            // In front of the HTTP decoder: sees raw bytes, so it notices a head that never ends.
            let watch = RequestDeadlines(timeouts)
            try channel.pipeline.syncOperations.addHandler(RawBytesWatch(watch), position: .first)
            try channel.pipeline.syncOperations.addHandler(QuiesceWatch(onQuiesce), position: .first)
            return NIOLoopBound(watch, eventLoop: channel.eventLoop)
        }
        return state.flatMap { watch in
            inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
                // After the decoder: sees where a request ends. Placed before Hummingbird's connection-state
                // handler, which is after the codec and the last handler before the async channel.
                let operations = channel.pipeline.syncOperations
                let anchor = try operations.handler(type: HTTPConnectionStateHandler.self)
                try operations.addHandler(DecodedPartsWatch(watch.value), position: .before(anchor))
                return value
            }
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// The deadlines of `serve` (see `ServerConfiguration`).
struct ConnectionTimeouts: Sendable {
    var header: TimeAmount
    var body: TimeAmount
}

/// The state of the request being read on one connection, shared by its two watches (same event loop).
final class RequestDeadlines {
    enum Phase { case waiting, head, body }

    let timeouts: ConnectionTimeouts
    var phase = Phase.waiting
    /// The last bytes seen of a head, to find `\r\n\r\n` split across reads.
    var tail: [UInt8] = []
    var timer: Scheduled<Void>?
    var context: ChannelHandlerContext?

    init(_ timeouts: ConnectionTimeouts) { self.timeouts = timeouts }

    func start(_ amount: TimeAmount) {
        timer?.cancel()
        guard let context else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: amount) { [weak self] in
            self?.context?.close(promise: nil)
        }
    }

    func stop() {
        timer?.cancel()
        timer = nil
    }

    /// Raw bytes came in.
    func read(_ buffer: ByteBuffer) {
        switch phase {
        case .waiting:
            phase = .head
            tail = []
            start(timeouts.header)
            scanHead(buffer)
        case .head:
            scanHead(buffer)
        case .body:
            break
        }
    }

    /// Looks for the blank line that ends a head.
    private func scanHead(_ buffer: ByteBuffer) {
        var window = tail
        window.append(contentsOf: buffer.readableBytesView)
        if window.count >= 4 {
            for index in 0...(window.count - 4)
            where window[index] == 13 && window[index + 1] == 10 && window[index + 2] == 13 && window[index + 3] == 10 {
                headEnded()
                return
            }
        }
        tail = Array(window.suffix(3))
    }

    /// The head is complete (seen as raw bytes, or decoded: the decoder also takes bare `\n` line ends).
    func headEnded() {
        guard phase == .head || phase == .waiting else { return }
        phase = .body
        tail = []
        start(timeouts.body)
    }

    /// The decoder saw the end of the request: the next byte starts a new one.
    func requestEnded() {
        stop()
        phase = .waiting
    }
}

/// Inbound raw bytes, before the HTTP decoder.
final class RawBytesWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let deadlines: RequestDeadlines

    init(_ deadlines: RequestDeadlines) { self.deadlines = deadlines }

    func handlerAdded(context: ChannelHandlerContext) { deadlines.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadlines.stop()
        deadlines.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadlines.read(unwrapInboundIn(data))
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines.stop()
        context.fireChannelInactive()
    }
}

/// Inbound decoded request parts, after the HTTP decoder.
final class DecodedPartsWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    let deadlines: RequestDeadlines

    init(_ deadlines: RequestDeadlines) { self.deadlines = deadlines }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: deadlines.headEnded()
        case .body: break
        case .end: deadlines.requestEnded()
        }
        context.fireChannelRead(data)
    }
}

/// Passes on the server's graceful-shutdown notice (`ChannelShouldQuiesceEvent`, sent to every connection), so
/// responses that would never end by themselves (inbox streams) end and the shutdown does not wait for them.
final class QuiesceWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    let onQuiesce: @Sendable () -> Void

    init(_ onQuiesce: @escaping @Sendable () -> Void) { self.onQuiesce = onQuiesce }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent { onQuiesce() }
        context.fireUserInboundEventTriggered(event)
    }
}
