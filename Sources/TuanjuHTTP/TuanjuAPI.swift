import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import TuanjuConsole
import TuanjuCore
import TuanjuService

/// The HTTP API: `/v1` (the CLI's use cases), `/open311/v2` (GeoReport v2), `/healthz`, `/openapi.json`, `/metrics`,
/// and the coordinators' console under `/console` (TuanjuConsole).
/// Handlers parse, call one `Tuanju` method and encode; the rules stay in the service layer.
public enum TuanjuAPI {
    /// The application and the routes it serves (the OpenAPI check compares them with the document).
    public struct Server: Sendable {
        public let application: Application<RouterResponder<APIContext>>
        public let routes: [RouteEntry]
        /// The open inbox streams (tests count them).
        let streams: InboxStreams
    }

    /// Builds the router and the application; nothing listens until `serve` (tests drive it in-process).
    public static func server(
        app: Tuanju, configuration: ServerConfiguration, rateLimitClock: (@Sendable () -> Double)? = nil,
        onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws -> Server {
        let router = Router(context: APIContext.self)
        let limiter = RateLimiter(limitPerMinute: configuration.rateLimitPerMinute, clock: rateLimitClock ?? RateLimiter.uptime)
        let metrics = ServerMetrics()
        router.add(middleware: FrontMiddleware(limiter: limiter, app: app, log: configuration.accessLog, metrics: metrics))
        let streams = InboxStreams(app: app, configuration: configuration)
        let registry = RouteRegistry(router: router, app: app, config: configuration, streams: streams)
        systemRoutes(registry)
        mapRoutes(registry)
        riderRoutes(registry)
        inboxRoutes(registry)
        inboxStreamRoutes(registry)
        invitationRoutes(registry)
        taskRoutes(registry)
        reportRoutes(registry)
        pointsRoutes(registry)
        rewardRoutes(registry)
        surveyRoutes(registry)
        activityRoutes(registry)
        programmeRoutes(registry)
        lessonRoutes(registry)
        surveyPublishRoutes(registry)
        roleProgrammeRoutes(registry)
        mapKindRoutes(registry)
        operationsRoutes(registry)
        open311Routes(registry)
        agencyRoutes(registry)
        deadlineRoutes(registry)
        statsRoutes(registry)
        metricsRoutes(registry, metrics: metrics)
        // The console's pages are HTML, not API operations: added to the router directly, outside the registry
        // (and so outside the OpenAPI document). Templates that cannot be read (a damaged install) stop the
        // server before it listens, with the reason, rather than serving a half-working console.
        try WebConsole.addRoutes(to: router, app: app)
        // Clamped to a day: TimeAmount counts nanoseconds in an Int64, which a huge number of seconds overflows.
        func seconds(_ value: Int) -> TimeAmount { .seconds(Int64(min(max(value, 1), 86_400))) }
        let timeouts = ConnectionTimeouts(header: seconds(configuration.headerTimeoutSeconds), body: seconds(configuration.bodyTimeoutSeconds))
        let idle = seconds(configuration.idleTimeoutSeconds)
        let application = Application(
            router: router,
            server: HTTPServerBuilder { responder in
                // Graceful shutdown waits for the responses in flight; the inbox streams end when it begins.
                GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: idle)), timeouts: timeouts,
                                    onQuiesce: { streams.close() })
            },
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                availableConnectionsDelegate: MaximumAvailableConnections(max(1, configuration.maxConnections))),
            onServerRunning: { channel in
                await onServerRunning(channel.localAddress.map { "\($0.ipAddress ?? configuration.host):\($0.port ?? 0)" } ?? "")
            })
        return Server(application: application, routes: registry.entries, streams: streams)
    }

    /// Serves until SIGTERM or SIGINT, then lets the requests in flight finish (Hummingbird's graceful
    /// shutdown). Map-search counts are written every 5 s and once more on the way out.
    public static func serve(
        app: Tuanju, configuration: ServerConfiguration, onServerRunning: @escaping @Sendable (String) async -> Void
    ) async throws {
        // The access log is written by a thread of its own, in batches (see AccessLogWriter).
        let log = AccessLogWriter(sink: configuration.accessLog)
        var configuration = configuration
        configuration.accessLog = log.append
        let server = try server(app: app, configuration: configuration, onServerRunning: onServerRunning)
        let flusher = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                try? app.flushDemand()
            }
        }
        defer {
            flusher.cancel()
            try? app.flushDemand()
            log.close()
        }
        try await server.application.runService()
    }
}
