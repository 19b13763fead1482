import Foundation
import Hummingbird
import HummingbirdTesting
import Notifier
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

/// One sample of the Prometheus text format.
struct Sample: Equatable {
    let name: String
    let labels: [String: String]
    let value: Double
}

/// Prometheus's text exposition format 0.0.4, strictly: every line is `# HELP name text`, `# TYPE name kind`, or a
/// sample `name{label="value",...} number`; anything else is reported.
enum Exposition {
    static func parse(_ text: String) -> (samples: [Sample], types: [String: String], problems: [String]) {
        let comment = /# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)/
        let sample = /([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ([^ ]+)(?: -?[0-9]+)?/
        let label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)",?/
        var samples: [Sample] = []
        var types: [String: String] = [:]
        var problems: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if let match = line.wholeMatch(of: comment) {
                if match.1 == "TYPE" {
                    guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(String(match.3)) else {
                        problems.append("bad type: \(line)"); continue
                    }
                    if types.updateValue(String(match.3), forKey: String(match.2)) != nil { problems.append("TYPE twice: \(line)") }
                }
                continue
            }
            guard let match = line.wholeMatch(of: sample) else { problems.append("not a sample: \(line)"); continue }
            var labels: [String: String] = [:]
            var rest = Substring(match.2 ?? "")
            while !rest.isEmpty {
                guard let pair = rest.prefixMatch(of: label) else { problems.append("bad labels: \(line)"); break }
                labels[String(pair.1)] = String(pair.2)
                rest = rest[pair.range.upperBound...]
            }
            let raw = String(match.3)
            guard let value = ["+Inf": Double.infinity, "-Inf": -Double.infinity, "NaN": Double.nan][raw] ?? Double(raw) else {
                problems.append("bad value: \(line)"); continue
            }
            samples.append(Sample(name: String(match.1), labels: labels, value: value))
        }
        // Every sample belongs to a family with a TYPE (a histogram's series end in _bucket, _sum, _count).
        for sample in samples {
            let family = ["_bucket", "_sum", "_count"].reduce(sample.name) { name, suffix in
                name.hasSuffix(suffix) && types[String(name.dropLast(suffix.count))] == "histogram" ? String(name.dropLast(suffix.count)) : name
            }
            if types[family] == nil { problems.append("no TYPE for \(sample.name)") }
        }
        return (samples, types, problems)
    }

    static func value(_ samples: [Sample], _ name: String, _ labels: [String: String]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }?.value
    }
}

/// Answers every POST with one status (no network).
struct FixedAnswer: WebhookTransport {
    let status: Int
    func post(url: String, headers: [(String, String)], body: Data, allowPrivate: Bool) -> PostResult {
        PostResult(status: status, retryAfter: nil, error: nil, durationMs: 1)
    }
}

@Suite("GET /metrics")
struct MetricsTests {
    static let families = [
        "tuanju_http_requests_total": "counter", "tuanju_http_request_duration_seconds": "histogram",
        "tuanju_outbox_backlog_events": "gauge", "tuanju_outbox_backlog_oldest_age_seconds": "gauge",
        "tuanju_deliveries": "gauge", "tuanju_deliveries_oldest_pending_age_seconds": "gauge",
        "tuanju_database_size_bytes": "gauge",
    ]

    @Test("The exposition parses line by line, has every family, counts requests by route pattern, and a counter goes up")
    func exposition() async throws {
        let sandbox = try APISandbox()
        let admin = sandbox.adminToken
        try await sandbox.run { client in
            // Given a first scrape
            let first = try await client.get("/metrics", token: admin)
            #expect(first.status == 200, "\(first.text)")
            #expect(first.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let before = Exposition.parse(first.text)
            #expect(before.problems == [], "\(first.text)")
            // A fresh server has answered no request yet: only the database's families are there.
            for (family, type) in Self.families where !family.hasPrefix("tuanju_http_") {
                #expect(before.types[family] == type, "\(family) in \(first.text)")
            }
            let healthz = ["route": "/healthz", "method": "GET", "status": "200"]
            let start = Exposition.value(before.samples, "tuanju_http_requests_total", healthz) ?? 0

            // When three health checks, a point that does not exist and a path no route matches are asked for
            for _ in 0..<3 { #expect(try await client.get("/healthz").status == 200) }
            #expect(try await client.get("/v1/map/points/pt_secret_id").status == 404)
            #expect(try await client.get("/no/such/thing").status == 404)

            // Then the counter went up by three, the 404s are counted under their pattern, never the raw path
            let second = try await client.get("/metrics", token: admin)
            let after = Exposition.parse(second.text)
            #expect(after.problems == [], "\(second.text)")
            for (family, type) in Self.families { #expect(after.types[family] == type, "\(family) in \(second.text)") }
            #expect(Exposition.value(after.samples, "tuanju_http_requests_total", healthz) == start + 3)
            #expect(Exposition.value(after.samples, "tuanju_http_requests_total",
                                     ["route": "/v1/map/points/{id}", "method": "GET", "status": "404"]) == 1)
            #expect(Exposition.value(after.samples, "tuanju_http_requests_total", ["route": "NotFound", "status": "404"]) == 1)
            #expect(!second.text.contains("pt_secret_id") && !second.text.contains("/no/such"))
            // The first scrape is counted too (its series appears once it has been answered).
            #expect(Exposition.value(after.samples, "tuanju_http_requests_total", ["route": "/metrics", "status": "200"]) == 1)
            // The latency histogram: cumulative buckets ending in +Inf, which equals the count.
            let route = ["route": "/healthz", "method": "GET"]
            let buckets = after.samples.filter { $0.name == "tuanju_http_request_duration_seconds_bucket" && $0.labels["route"] == "/healthz" }
            #expect(buckets.count == ServerMetrics.latencyBuckets.count + 1)
            #expect(buckets.map(\.value) == buckets.map(\.value).sorted())
            let count = Exposition.value(after.samples, "tuanju_http_request_duration_seconds_count", route)
            #expect(count == start + 3 && Exposition.value(after.samples, "tuanju_http_request_duration_seconds_bucket", route.merging(["le": "+Inf"]) { $1 }) == count)
        }
    }

    @Test("The database's figures are read at scrape time: delivered, pending and its age, the outbox backlog, the size")
    func databaseFigures() async throws {
        // Given an endpoint that took the first events and refuses the later ones
        let sandbox = try APISandbox()
        let admin = try sandbox.admin
        _ = try sandbox.app.addWebhook(admin, url: "http://127.0.0.1:9/hook", events: "all", allowPrivate: true)
        _ = try sandbox.rider("张骑手", phone: "13800138001")
        let delivered = try sandbox.app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil, transport: FixedAnswer(status: 204))
        _ = try sandbox.rider("王骑手", phone: "13800138002")
        _ = try sandbox.app.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: FixedAnswer(status: 500))
        let ok = try sandbox.app.listDeliveries(admin, state: "delivered").rows.count
        let pending = try sandbox.app.listDeliveries(admin, state: "pending").rows.count
        #expect(ok > 0 && pending > 0, "\(delivered)")
        // and one more event nobody has read yet
        _ = try sandbox.rider("赵骑手", phone: "13800138003")

        try await sandbox.run { client in
            let reply = try await client.get("/metrics", token: sandbox.adminToken)
            let parsed = Exposition.parse(reply.text)
            #expect(parsed.problems == [])
            let webhooks = ["consumer": "webhooks"]
            #expect(Exposition.value(parsed.samples, "tuanju_deliveries", webhooks.merging(["state": "ok"]) { $1 }) == Double(ok))
            #expect(Exposition.value(parsed.samples, "tuanju_deliveries", webhooks.merging(["state": "pending"]) { $1 }) == Double(pending))
            #expect(Exposition.value(parsed.samples, "tuanju_deliveries", webhooks.merging(["state": "failed"]) { $1 }) == 0)
            #expect((Exposition.value(parsed.samples, "tuanju_deliveries_oldest_pending_age_seconds", webhooks) ?? -1) >= 0)
            #expect((Exposition.value(parsed.samples, "tuanju_outbox_backlog_events", webhooks) ?? 0) >= 1)
            // No Open311 sender ran in this test: everything in the outbox is unread for it.
            #expect((Exposition.value(parsed.samples, "tuanju_outbox_backlog_events", ["consumer": "open311"]) ?? 0) > 1)
            #expect(Exposition.value(parsed.samples, "tuanju_deliveries", ["consumer": "open311", "state": "ok"]) == 0)
            #expect((Exposition.value(parsed.samples, "tuanju_database_size_bytes", ["file": "main"]) ?? 0) > 4096)
        }
    }

    @Test("A rider's or coordinator's token is refused with 403, no token or an unknown one with 401, off the loopback")
    func refusals() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        let coordinator = try sandbox.coordinator("另一协调")
        try await sandbox.run { client in
            // In-process requests have no peer address ("-"): they are not from this machine.
            for (token, status, code) in [(rider.token, 403, "forbidden"), (coordinator, 403, "forbidden"),
                                          (nil, 401, "unauthenticated"), ("tj_not_a_token", 401, "unauthenticated")] {
                let reply = try await client.get("/metrics", token: token)
                #expect(reply.status == status && reply.errorCode == code, "\(token ?? "-"): \(reply.text)")
                #expect(!reply.text.contains("tuanju_"))
            }
        }
    }

    @Test("Over a real socket from loopback no token is needed, unless the request came through a proxy")
    func loopback() async throws {
        let sandbox = try APISandbox(configure: { $0.port = 0 })
        let rider = try sandbox.rider()
        try await sandbox.server.application.test(.live) { raw in
            let client = Client(client: raw)
            let local = try await client.get("/metrics")
            #expect(local.status == 200, "\(local.text)")
            #expect(Exposition.parse(local.text).problems == [])
            let proxied = try await client.get("/metrics", headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(proxied.status == 401 && proxied.errorCode == "unauthenticated")
            // A token is still checked on loopback: a rider's is refused.
            let riderReply = try await client.get("/metrics", token: rider.token)
            #expect(riderReply.status == 403 && riderReply.errorCode == "forbidden")
        }
    }

    @Test("Loopback is 127.0.0.0/8, ::1 and IPv4-mapped 127.x; everything else, and no address, is remote")
    func loopbackRule() {
        for address in ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"] {
            #expect(MetricsAccess.isLoopback(address), "\(address)")
        }
        for address in ["-", "", "10.0.0.5", "128.0.0.1", "192.168.1.1", "::2", "::ffff:10.0.0.1", "fe80::1", "127.0.0.1.evil", "localhost"] {
            #expect(!MetricsAccess.isLoopback(address), "\(address)")
        }
        var proxied = HTTPFields()
        proxied[HTTPFields.Element.Name("Forwarded")!] = "for=203.0.113.9"
        #expect(!MetricsAccess.isLocal(address: "127.0.0.1", headers: proxied))
        #expect(MetricsAccess.isLocal(address: "127.0.0.1", headers: HTTPFields()))
    }
}
