import CoreMetrics
import Foundation
import Hummingbird
import Prometheus
import Synchronization
import TuanjuService

/// The server's operations metrics, one Prometheus registry per server (tests run many servers in one process, so
/// nothing is bootstrapped globally). Requests are counted on their path through swift-metrics' handler protocols,
/// which the registry's counters and histograms implement; everything the database knows is read only when
/// `/metrics` is scraped (`exposition`), never per request.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// Latency buckets: the API answers in about a millisecond; uploads and exports take seconds.
    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    private struct Key: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    /// Methods outside these count as `OTHER`: a client may send any token as a method, and each would be a series.
    static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]

    private struct Series: Sendable {
        let requests: any CounterHandler
        let latency: any TimerHandler
    }

    /// The handlers of each (route, method, status) met so far: one dictionary lookup under a lock per request
    /// instead of the registry's label hashing and its own lock for two metrics.
    private let series = Mutex<[Key: Series]>([:])

    // Descriptors are computed (MetricNameDescriptor is not Sendable): they are used only when a series is made.
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "tuanju", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests answered, by route pattern (NotFound for no route), method and status")
    }
    static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "tuanju", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time from a request's head to its response's head, by route pattern and method")
    }

    /// Counts one answered request. `route` is the router's pattern (`/v1/tasks/{id}`), never the raw path, so
    /// the number of series stays that of the routes.
    func record(route: String, method: HTTPRequest.Method, status: Int, nanoseconds: UInt64) {
        let key = Key(route: route, method: Self.methods.contains(method) ? method.rawValue : "OTHER", status: status)
        let found = series.withLock { $0[key] } ?? add(key)
        found.requests.increment(by: 1)
        found.latency.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    private func add(_ key: Key) -> Series {
        let labels = [("route", key.route), ("method", key.method)]
        let made = Series(
            requests: registry.makeCounter(descriptor: Self.requests, labels: labels + [("status", String(key.status))]),
            latency: registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: Self.latencyBuckets))
        // The registry hands out the same metric for the same labels, so two requests racing here agree.
        series.withLock { $0[key] = made }
        return made
    }

    // MARK: - At scrape time

    private static func gauge(_ name: String, unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "tuanju", metricName: name, unitName: unit, helpText: help)
    }

    static var backlog: MetricNameDescriptor { gauge("outbox_backlog", unit: "events", "Outbox events its consumer (webhooks, open311) has not yet read") }
    static var backlogAge: MetricNameDescriptor { gauge("outbox_backlog_oldest_age", unit: "seconds", "Age of the oldest unread outbox event, by consumer (0 when none)") }
    static var deliveries: MetricNameDescriptor { gauge("deliveries", unit: "", "Deliveries by consumer (webhooks, open311) and state: ok, failed (dead), pending, held") }
    static var pendingAge: MetricNameDescriptor { gauge("deliveries_oldest_pending_age", unit: "seconds", "Age of the oldest pending delivery, by consumer (0 when none)") }
    static var databaseSize: MetricNameDescriptor { gauge("database_size", unit: "bytes", "The database's files: main (pages in use and free) and wal") }

    /// Sets the gauges from `figures` and renders the whole registry in Prometheus's text format (0.0.4).
    func exposition(_ figures: OperationsFigures) -> [UInt8] {
        func age(_ date: Date?) -> Double { date.map { max(0, figures.at.timeIntervalSince($0)) } ?? 0 }
        for (consumer, queue) in [("webhooks", figures.webhooks), ("open311", figures.open311)] {
            let by = [("consumer", consumer)]
            registry.makeGauge(descriptor: Self.backlog, labels: by).set(Double(queue.backlog))
            registry.makeGauge(descriptor: Self.backlogAge, labels: by).set(age(queue.oldestBacklog))
            registry.makeGauge(descriptor: Self.pendingAge, labels: by).set(age(queue.oldestPending))
            for (state, count) in [("ok", queue.ok), ("failed", queue.failed), ("pending", queue.pending), ("held", queue.held)] {
                registry.makeGauge(descriptor: Self.deliveries, labels: by + [("state", state)]).set(Double(count))
            }
        }
        registry.makeGauge(descriptor: Self.databaseSize, labels: [("file", "main")]).set(Double(figures.databaseBytes))
        registry.makeGauge(descriptor: Self.databaseSize, labels: [("file", "wal")]).set(Double(figures.walBytes))
        return registry.emitToBuffer()
    }

    /// Prometheus's text exposition format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"
}
