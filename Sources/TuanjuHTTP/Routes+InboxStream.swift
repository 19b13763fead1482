import Foundation
import Hummingbird
import NIOCore
import Riders
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `GET /v1/me/inbox/stream` (rider): the inbox live, as Server-Sent Events. Each notification is one event
    /// (`id:` its inbox seq, `event: notification`, `data:` the JSON of `GET /v1/me/inbox`); `Last-Event-ID`
    /// resumes after that seq (0 replays the whole inbox), without it the stream starts with the next notice.
    /// A `: heartbeat` comment keeps idle connections (and the proxies between) open.
    static func inboxStreamRoutes(_ routes: RouteRegistry) {
        let streams = routes.streams
        routes.get("/v1/me/inbox/stream") { call in
            let caller = try await call.caller()
            let resume = try lastEventID(call.request)
            // The place is taken before the first read, so a notice committed after that read rings this stream.
            let ticket = try streams.open(riderID: caller.id)
            let (start, backlog) = try await call.service { app in
                // An id beyond the newest (a data directory restored from an older backup) starts at the newest,
                // so the notices written from now on are not skipped.
                let latest = try app.latestNotificationSeq()
                let start = min(resume ?? latest, latest)
                return (start, try app.inboxSince(caller, seq: start))  // refuses a caller who is not a rider
            }
            let listener = ticket.listener
            // A client that hangs up ends its stream at once, not at the next write that fails.
            try? await call.context.channel.pipeline.addHandler(HangUpWatch { listener.close() }, position: .first)
            let app = call.app
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            headers[InboxStream.accelBuffering] = "no"  // nginx: pass events on as they come
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var position = start
                try await writeEvents(backlog, to: &writer, position: &position)
                if backlog.count == InboxStream.readLimit {
                    try await catchUp(caller, app: app, writer: &writer, position: &position)
                }
                for await _ in ticket.listener.wakes {
                    let pending = ticket.listener.take()
                    if pending.notices { try await catchUp(caller, app: app, writer: &writer, position: &position) }
                    if pending.heartbeat { try await writer.write(ByteBuffer(string: ": heartbeat\n\n")) }
                }
                try await writer.finish(nil)
                withExtendedLifetime(ticket) {}
            })
        }
    }

    /// Reads and sends the rider's notices after `position` until none is left.
    private static func catchUp(
        _ caller: Caller, app: Tuanju, writer: inout any ResponseBodyWriter, position: inout Int64
    ) async throws {
        while true {
            let from = position
            let notices = try await Blocking.run { try app.inboxSince(caller, seq: from, limit: InboxStream.readLimit) }
            try await writeEvents(notices, to: &writer, position: &position)
            if notices.count < InboxStream.readLimit { return }
        }
    }

    private static func writeEvents(_ notices: [InboxNotice], to writer: inout any ResponseBodyWriter, position: inout Int64) async throws {
        guard !notices.isEmpty else { return }
        var text = ""
        for notice in notices { text += try InboxStream.event(notice) }
        try await writer.write(ByteBuffer(string: text))
        position = notices.last?.seq ?? position
    }

    /// `Last-Event-ID`: a seq (0 or more), nil when absent; anything else is 400.
    static func lastEventID(_ request: Request) throws -> Int64? {
        guard let raw = request.headers[InboxStream.lastEventID] else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let seq = Int64(text), seq >= 0 else {
            throw HTTPFailure.invalid(HTTPMsg.lastEventIDInvalid, ["value": String(text.prefix(40))])
        }
        return seq
    }
}

/// The wire format of the inbox stream.
enum InboxStream {
    /// Notices read at a time.
    static let readLimit = 500
    static let lastEventID = HTTPFields.Element.Name("Last-Event-ID")!
    static let accelBuffering = HTTPFields.Element.Name("X-Accel-Buffering")!

    /// One notice as an event: compact JSON has no line break, so `data:` is one line.
    static func event(_ notice: InboxNotice) throws -> String {
        let data = try JSONBody.encoder.encode(JSONTree.encode(InboxNoticeJSON(notice)))
        return "id: \(notice.seq)\nevent: notification\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}

/// Calls `onHangUp` when the client closes its side of the connection (or the connection goes away).
/// Hummingbird lets a client half-close, so without this a stream would notice only when a write fails.
final class HangUpWatch: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let onHangUp: @Sendable () -> Void

    init(_ onHangUp: @escaping @Sendable () -> Void) { self.onHangUp = onHangUp }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { onHangUp() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        onHangUp()
        context.fireChannelInactive()
    }
}
