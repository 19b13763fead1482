import ArgumentParser
import Foundation
import Reports
import Synchronization
import TuanjuCore
import TuanjuHTTP
import TuanjuService

/// `tuanju serve`: the HTTP JSON API and Open311 over the same service layer as every other command.
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: ServeMsg.serveAbstract.text, discussion: ServeMsg.serveDiscussion.text)
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(ServeMsg.optHost, valueName: "address")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp(ServeMsg.optPort, valueName: "port")) var port = 8080
    @Option(help: ArgumentHelp(ServeMsg.optRateLimit, valueName: "n")) var rateLimit = 300
    @Option(help: ArgumentHelp(ServeMsg.optMaxBody, valueName: "KiB")) var maxBodyKib = 64
    @Option(help: ArgumentHelp(ServeMsg.optMaxUpload, valueName: "MiB")) var maxUploadMib = 52
    @Option(help: ArgumentHelp(ServeMsg.optMediaBase, valueName: "url")) var mediaBaseURL: String?
    @Option(help: ArgumentHelp(ServeMsg.optHeaderTimeout, valueName: "seconds")) var headerTimeout = 10
    @Option(help: ArgumentHelp(ServeMsg.optBodyTimeout, valueName: "seconds")) var bodyTimeout = 120
    @Option(help: ArgumentHelp(ServeMsg.optIdleTimeout, valueName: "seconds")) var idleTimeout = 60
    @Option(help: ArgumentHelp(ServeMsg.optMaxConnections, valueName: "n")) var maxConnections = 1024
    @Option(help: ArgumentHelp(ServeMsg.optMaxStreams, valueName: "n")) var maxStreams = 768
    @Option(name: .customLong("open311-interval"), help: ArgumentHelp(AgencyMsg.optInterval, valueName: "seconds"))
    var open311Interval = 60
    @Option(name: .customLong("scheduler-interval"), help: ArgumentHelp(SchedulerMsg.optSchedulerInterval, valueName: "seconds"))
    var schedulerInterval = 30

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(ServeMsg.optPort.text) }
        guard rateLimit >= 0, maxBodyKib > 0, maxUploadMib > 0 else { throw ValidationError(ServeMsg.optRateLimit.text) }
        for (name, value, max) in [("header-timeout", headerTimeout, 3600), ("body-timeout", bodyTimeout, 3600),
                                   ("idle-timeout", idleTimeout, 3600), ("max-connections", maxConnections, 1_000_000),
                                   ("max-streams", maxStreams, 1_000_000)]
        where !(1...max).contains(value) {
            throw ValidationError(ServeMsg.optPositive.text(["name": name, "max": "\(max)"]))
        }
        try AgencyLoop.validate(open311Interval)
        try SchedulerLoop.validate(schedulerInterval, name: "scheduler-interval", minimum: 0)
    }

    /// The command tree runs synchronously (`TuanjuCLI.run`), so the server runs in a task while this thread
    /// waits for it; SIGTERM and SIGINT reach the server's graceful shutdown.
    func run() throws {
        let app = try global.openApp()
        let console = Console.current
        var configuration = ServerConfiguration(
            host: host, port: port, rateLimitPerMinute: rateLimit, maxBodyBytes: maxBodyKib * 1024,
            maxUploadBytes: maxUploadMib * 1024 * 1024,
            mediaBaseURL: mediaBaseURL ?? console.environment["TUANJU_MEDIA_BASE_URL"] ?? ServerConfiguration.defaultMediaBaseURL,
            headerTimeoutSeconds: headerTimeout, bodyTimeoutSeconds: bodyTimeout, idleTimeoutSeconds: idleTimeout,
            maxConnections: maxConnections,
            accessLog: { line in console.err(line) })
        configuration.maxStreams = maxStreams
        // Hummingbird's own log: warnings and errors only, unless LOG_LEVEL says otherwise.
        if getenv("LOG_LEVEL") == nil { setenv("LOG_LEVEL", "warning", 0) }
        let language = Language.current
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let stopped = AgencyLoop.Flag()
        AgencyLoop.start(app, interval: open311Interval) { stopped.isSet }
        SchedulerLoop.start(app, interval: schedulerInterval) { stopped.isSet }
        Task.detached {
            do {
                try await TuanjuAPI.serve(app: app, configuration: configuration) { address in
                    console.out(ServeMsg.serveListening.text(["address": address], in: language))
                }
            } catch {
                outcome.result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        stopped.set()
        try outcome.result.withLock { try $0.get() }
        console.out(ServeMsg.serveStopped.text)
    }
}

/// How the server task ended, handed to the waiting thread.
private final class Outcome: Sendable {
    let result = Mutex<Result<Void, any Error>>(.success(()))
}
