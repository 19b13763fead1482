import Foundation

/// How `tuanju serve` runs: where it listens, its limits, and where its access log goes.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Requests a minute per token (per client address without one); 0 turns the limit off.
    public var rateLimitPerMinute: Int
    /// The largest JSON or form-encoded body.
    public var maxBodyBytes: Int
    /// The largest multipart upload: every photo of one report together, plus its text fields.
    public var maxUploadBytes: Int
    /// The base of Open311 `media_url` (a photo's SHA-256 is appended).
    public var mediaBaseURL: String
    /// Seconds from a request's first byte to the end of its head; then the connection is closed.
    public var headerTimeoutSeconds: Int
    /// Seconds from the end of a request's head to the end of its body; then the connection is closed. Sized for
    /// a full photo upload over a slow mobile link.
    public var bodyTimeoutSeconds: Int
    /// Seconds a kept-alive connection may send nothing (before its first request too).
    public var idleTimeoutSeconds: Int
    /// Connections open at once; further ones wait in the listen backlog until one closes.
    public var maxConnections: Int
    /// One line per request, without tokens, query strings or phone numbers. Default: standard error.
    public var accessLog: @Sendable (String) -> Void
    /// Inbox streams (`GET /v1/me/inbox/stream`) open at once; one more is 503. Each holds a connection, so this
    /// stays below `maxConnections` to leave room for ordinary requests.
    public var maxStreams = 768
    /// Inbox streams one rider may hold open at once (a phone and a tablet, and a reconnect); one more is 429.
    public var maxStreamsPerRider = 3
    /// Seconds between `: heartbeat` comments on an inbox stream.
    public var streamHeartbeatSeconds = 15.0
    /// How often the server's one inbox watcher looks for new notifications (committed by any process).
    public var streamPollMilliseconds = 200

    public static let defaultMediaBaseURL = "https://tuanju.invalid/photos/"

    public init(
        host: String = "127.0.0.1", port: Int = 8080, rateLimitPerMinute: Int = 300, maxBodyBytes: Int = 64 * 1024,
        maxUploadBytes: Int = 52 * 1024 * 1024, mediaBaseURL: String = ServerConfiguration.defaultMediaBaseURL,
        headerTimeoutSeconds: Int = 10, bodyTimeoutSeconds: Int = 120, idleTimeoutSeconds: Int = 60, maxConnections: Int = 1024,
        accessLog: @escaping @Sendable (String) -> Void = ServerConfiguration.standardError
    ) {
        self.host = host
        self.port = port
        self.rateLimitPerMinute = rateLimitPerMinute
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.mediaBaseURL = mediaBaseURL
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.bodyTimeoutSeconds = bodyTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections
        self.accessLog = accessLog
    }

    /// Writes a line to standard error.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
