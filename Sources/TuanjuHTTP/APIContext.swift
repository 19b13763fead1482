import Hummingbird
import TuanjuService
import NIOCore

/// The request context of every route: Hummingbird's core storage plus the client's address, which keys the
/// rate limit of requests that carry no token.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or "-" when the transport has none (in-process tests).
    public let clientAddress: String
    /// The token the front middleware authenticated to choose the request's rate-limit bucket, and the caller it
    /// stands for: a handler asking for the same token's caller takes it from here instead of reading the
    /// database a second time (`Call.authenticate`).
    var authenticated: (token: String, caller: Caller)?
    /// The connection: a live stream watches it to end as soon as the client hangs up.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "-"
        channel = source.channel
    }

    /// Bodies are read with explicit limits per route (`Call.body`); this is only Hummingbird's own ceiling.
    public var maxUploadSize: Int { Int.max }
}
