import Foundation
import GRDB
import Notifier
import Synchronization
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

/// A transport that answers from a script and remembers what it was sent.
final class ScriptedTransport: WebhookTransport, Sendable {
    let answers: Mutex<[PostResult]>
    let sent = Mutex<[(id: String, signature: String, body: Data)]>([])
    let fallback: PostResult

    init(_ answers: [PostResult], then fallback: PostResult = PostResult(status: 204, retryAfter: nil, error: nil, durationMs: 1)) {
        self.answers = Mutex(answers)
        self.fallback = fallback
    }

    func post(url: String, headers: [(String, String)], body: Data, allowPrivate: Bool) -> PostResult {
        let header = { (name: String) in headers.first { $0.0 == name }?.1 ?? "" }
        sent.withLock { $0.append((header("webhook-id"), header("webhook-signature"), body)) }
        return answers.withLock { $0.isEmpty ? fallback : $0.removeFirst() }
    }
}

@Suite("Webhooks")
struct WebhooksTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A sandbox with one endpoint (all events) and one event in the outbox; returns the service at `start`.
    func setup() throws -> (Sandbox, String, String) {
        let sandbox = try Sandbox()
        let endpoint = try sandbox.ok(["webhooks", "add", "https://dashboard.example.org/hook", "--events", "all"],
                                      token: sandbox.adminToken)
        _ = try sandbox.coordinator()
        return (sandbox, endpoint["id"] as! String, endpoint["secret"] as! String)
    }

    func service(_ sandbox: Sandbox, at date: Date) throws -> (Tuanju, Caller) {
        let app = try Tuanju.open(DataDirectory(path: sandbox.data), clock: .fixed(date))
        return (app, try app.authenticate(token: sandbox.adminToken))
    }

    func deliveries(_ sandbox: Sandbox) throws -> [Row] {
        try sandbox.database().read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webhook_deliveries ORDER BY event_seq")
        }
    }

    @Test("Each delivery is signed with the endpoint's secret under the event's id")
    func signed() throws {
        let (sandbox, _, secretText) = try setup()
        let (app, admin) = try service(sandbox, at: Self.start)
        let transport = ScriptedTransport([])
        let summary = try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil, transport: transport)
        #expect(summary.delivered == 1)
        let secret = try #require(WebhookSecret(text: secretText))
        for sent in transport.sent.withLock({ $0 }) {
            #expect(sent.id.hasPrefix("evt_"))
            #expect(WebhookSignature.verify(header: sent.signature, id: sent.id, timestamp: Int(Self.start.timeIntervalSince1970),
                                            body: sent.body, secret: secret))
            let object = try JSONSerialization.jsonObject(with: sent.body) as? [String: Any]
            #expect(object?["type"] as? String == "user.created")
        }
    }

    @Test("A drain of more events than one read-ahead sends each once, in batches that overlap, and records every attempt")
    func manyBatches() throws {
        let (sandbox, _, _) = try setup()
        let extra = 5000
        try sandbox.database().write { db in
            for index in 0..<extra {
                try db.execute(sql: "INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, 'task.claimed', ?, ?)",
                               arguments: ["evt_many\(index)", "{\"n\":\(index),\"note\":\"a \\\"quoted\\\" line\\n\"}", Timestamp.iso(Self.start)])
            }
        }
        let (app, admin) = try service(sandbox, at: Self.start)
        // Every 7th POST fails once: those are retried later, not resent within the drain.
        let transport = ScriptedTransport((0..<200).map { $0 % 7 == 0
            ? PostResult(status: 500, retryAfter: nil, error: nil, durationMs: 1)
            : PostResult(status: 204, retryAfter: nil, error: nil, durationMs: 1) })
        let summary = try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil, transport: transport)
        let total = try deliveries(sandbox).count
        #expect(summary.delivered + summary.retrying == total)
        #expect(summary.retrying == (0..<200).filter { $0 % 7 == 0 }.count)
        let ids = transport.sent.withLock { $0.map(\.id) }
        #expect(ids.count == total)
        #expect(Set(ids).count == total)
        let attempts = try sandbox.database().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_attempts")
        }
        #expect(attempts == total)
        // The body is the Standard Webhooks shape, with the payload's escapes kept.
        let body = try #require(transport.sent.withLock { $0.first { $0.id == "evt_many3" }?.body })
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect((object["data"] as? [String: Any])?["note"] as? String == "a \"quoted\" line\n")
        #expect(object["type"] as? String == "task.claimed")
    }

    @Test("Failures retry after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (±20%), then the delivery is dead; replay keeps its id")
    func retrySchedule() throws {
        let (sandbox, _, _) = try setup()
        let failing = PostResult(status: 500, retryAfter: nil, error: nil, durationMs: 1)
        let transport = ScriptedTransport([], then: failing)
        var now = Self.start
        let expected: [TimeInterval] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000]
        for delay in expected {
            let (app, admin) = try service(sandbox, at: now)
            #expect(try app.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: transport).retrying == 1)
            let next = try #require(Timestamp.parse(try deliveries(sandbox)[0]["next_attempt_at"]))
            let waited = next.timeIntervalSince(now)
            #expect(waited >= delay * 0.8 - 1 && waited <= delay * 1.2 + 1, "waited \(waited) for \(delay)")
            // Nothing is due before then.
            let (early, _) = try service(sandbox, at: next.addingTimeInterval(-1))
            #expect(try early.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: transport) == DrainSummary())
            now = next
        }
        let (app, admin) = try service(sandbox, at: now)
        #expect(try app.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: transport).dead == 1)
        let ids = Set(transport.sent.withLock { $0.map(\.id) })
        #expect(ids.count == 1, "every retry carries the same webhook-id")
        let dead = try deliveries(sandbox)[0]
        #expect(dead["state"] as String == "dead" && dead["attempts"] as Int == 8)
        _ = try app.replayDelivery(admin, id: dead["id"])
        #expect(try app.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: ScriptedTransport([])).delivered == 1)
        try sandbox.expectRefusal(["webhooks", "replay", dead["id"]], token: sandbox.adminToken, exit: 1, code: "invalid_state")
    }

    @Test("Retry-After is honoured")
    func retryAfter() throws {
        let (sandbox, _, _) = try setup()
        let (app, admin) = try service(sandbox, at: Self.start)
        _ = try app.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil,
                                    transport: ScriptedTransport([PostResult(status: 429, retryAfter: 120, error: nil, durationMs: 1)]))
        let next = try #require(Timestamp.parse(try deliveries(sandbox)[0]["next_attempt_at"]))
        #expect(next.timeIntervalSince(Self.start) >= 120)
    }

    @Test("410 Gone disables the endpoint and holds its deliveries until it is enabled again")
    func gone() throws {
        let (sandbox, endpoint, _) = try setup()
        let (app, admin) = try service(sandbox, at: Self.start)
        let summary = try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil,
                                              transport: ScriptedTransport([PostResult(status: 410, retryAfter: nil, error: nil, durationMs: 1)]))
        #expect(summary.held == 1)
        _ = try sandbox.coordinator("another")  // a new event while disabled is held too
        #expect(try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil, transport: ScriptedTransport([])) == DrainSummary())
        #expect(try deliveries(sandbox).map { $0["state"] as String } == ["held", "held"])
        _ = try sandbox.ok(["webhooks", "enable", endpoint], token: sandbox.adminToken)
        #expect(try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil, transport: ScriptedTransport([])).delivered == 2)
    }

    @Test("An endpoint failing for 5 days is disabled")
    func longFailure() throws {
        let (sandbox, _, _) = try setup()
        let failing = ScriptedTransport([], then: PostResult(status: nil, retryAfter: nil, error: "connection refused", durationMs: 1))
        let (first, admin) = try service(sandbox, at: Self.start)
        #expect(try first.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: failing).retrying == 1)
        // Five days later it still fails, on a new event.
        _ = try sandbox.coordinator("another")
        let (later, _) = try service(sandbox, at: Self.start.addingTimeInterval(5 * 86_400 + 1))
        let summary = try later.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil, transport: failing)
        #expect(summary.held >= 1)
        let endpoint = try sandbox.database().read { db in
            try Row.fetchOne(db, sql: "SELECT enabled, disabled_reason FROM webhook_endpoints")!
        }
        #expect(endpoint["enabled"] as Bool == false)
        #expect((endpoint["disabled_reason"] as String).contains("failing continuously"))
        #expect(try deliveries(sandbox).allSatisfy { $0["state"] as String == "held" })
    }

    @Test("A new endpoint hears events from its creation on")
    func newEndpoint() throws {
        let (sandbox, _, _) = try setup()
        _ = try sandbox.ok(["webhooks", "add", "https://city.example.org/events", "--events", "rider.registered"], token: sandbox.adminToken)
        let (app, admin) = try service(sandbox, at: Self.start)
        let transport = ScriptedTransport([])
        #expect(try app.deliverWebhooks(admin, untilIdle: true, maxSeconds: nil, transport: transport).delivered == 1)
    }

    @Test("Bad endpoints are refused with 65 and change nothing")
    func badEndpoints() throws {
        let sandbox = try Sandbox()
        for url in ["http://127.1/", "http://169.254.169.254/latest", "ftp://example.org/", "http://[::ffff:127.0.0.1]/"] {
            try sandbox.expectRefusal(["webhooks", "add", url, "--events", "all"], token: sandbox.adminToken, exit: 65, code: "invalid_input")
        }
        try sandbox.expectRefusal(["webhooks", "add", "https://example.org/", "--events", "Not An Event"], token: sandbox.adminToken, exit: 65)
        try sandbox.expectRefusal(["webhooks", "add", "https://example.org/", "--events", "all"], token: try sandbox.coordinator(), exit: 77)
    }

    @Test("At most 100 endpoints: the 101st is refused with 65 and changes nothing; removing one makes room")
    func endpointLimit() throws {
        let sandbox = try Sandbox()
        let app = try Tuanju.open(DataDirectory(path: sandbox.data))
        let admin = try app.authenticate(token: sandbox.adminToken)
        var ids: [String] = []
        for index in 0..<Endpoints.maxEndpoints {
            ids.append(try app.addWebhook(admin, url: "https://hook\(index).example.org/", events: "all", allowPrivate: false).id)
        }
        let count = { try sandbox.database().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_endpoints")! } }
        #expect(try count() == 100)
        try sandbox.expectRefusal(["webhooks", "add", "https://one-more.example.org/", "--events", "all"],
                                  token: sandbox.adminToken, exit: 65, code: "invalid_input")
        #expect(sandbox.run(["webhooks", "add", "https://one-more.example.org/", "--events", "all"], token: sandbox.adminToken)
            .stderr.contains("100"))
        #expect(try count() == 100)
        _ = try sandbox.ok(["webhooks", "remove", ids[0]], token: sandbox.adminToken)
        _ = try sandbox.ok(["webhooks", "add", "https://one-more.example.org/", "--events", "all"], token: sandbox.adminToken)
    }

    @Test("A name that resolves to loopback is refused at connect time")
    func connectTimeGuard() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.ok(["webhooks", "add", "http://localhost:9/hook", "--events", "all"], token: sandbox.adminToken)
        _ = try sandbox.coordinator()
        let result = try sandbox.ok(["webhooks", "deliver"], token: sandbox.adminToken)
        #expect(result["retrying"] as? Int == 1)
        let row = try deliveries(sandbox)[0]
        #expect((row["last_error"] as String?)?.contains("address refused") == true)
    }

    @Test("Over real HTTP on loopback, every event arrives once, signed, and verifies at the receiver")
    func loopback() throws {
        let sandbox = try Sandbox()
        let receiver = try Receiver(root: sandbox.root)
        defer { receiver.stop() }
        let endpoint = try sandbox.ok(["webhooks", "add", "http://127.0.0.1:\(receiver.port)/hook", "--events", "all",
                                       "--allow-private"], token: sandbox.adminToken)
        try (endpoint["secret"] as! String).write(toFile: receiver.secretFile, atomically: true, encoding: .utf8)
        let coordinator = try sandbox.coordinator()
        for index in 0..<5 { _ = try sandbox.rider("R\(index)", phone: "1380000000\(index)", coordinator: coordinator) }
        let summary = try sandbox.ok(["webhooks", "deliver", "--until-idle"], token: sandbox.adminToken)
        #expect(summary["delivered"] as? Int == 6)
        let lines = try receiver.records()
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0["valid"] as? Bool == true })
        #expect(Set(lines.compactMap { $0["id"] as? String }).count == 6)
    }
}

@Suite("webhooks run")
struct WebhooksRunTests {
    @Test("webhooks run delivers new events as they come and exits 0 on SIGTERM")
    func runUntilTerm() throws {
        let sandbox = try Sandbox()
        let receiver = try Receiver(root: sandbox.root)
        defer { receiver.stop() }
        let endpoint = try sandbox.ok(["webhooks", "add", "http://127.0.0.1:\(receiver.port)/hook", "--events", "all",
                                       "--allow-private"], token: sandbox.adminToken)
        try (endpoint["secret"] as! String).write(toFile: receiver.secretFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try TuanjuProcess.executable
        process.arguments = ["webhooks", "run", "--interval", "0.2", "--json", "--data", sandbox.data, "--token", sandbox.adminToken]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        _ = try sandbox.coordinator()
        let deadline = Date().addingTimeInterval(20)
        while try receiver.records().isEmpty, Date() < deadline { usleep(100_000) }
        #expect(try receiver.records().count == 1)
        process.terminate()
        let stopBy = Date().addingTimeInterval(10)
        while process.isRunning, Date() < stopBy { usleep(50_000) }
        #expect(!process.isRunning, "webhooks run did not stop on SIGTERM")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let summary = try JSONSerialization.jsonObject(with: output.fileHandleForReading.readDataToEndOfFile()) as? [String: Any]
        #expect(summary?["delivered"] as? Int == 1)
    }
}

@Suite("Webhook faults against the real receiver")
struct WebhookFaultTests {
    /// One event, one endpoint at a receiver failing its first request in `mode`; returns the delivery row after
    /// one pass, and the receiver's records after a second pass (which succeeds).
    func firstFailure(_ mode: String) throws -> (Row, Int, String) {
        let sandbox = try Sandbox()
        let receiver = try Receiver(root: sandbox.root, mode: mode, failFirst: 1)
        defer { receiver.stop() }
        let endpoint = try sandbox.ok(["webhooks", "add", "http://127.0.0.1:\(receiver.port)/hook", "--events", "all",
                                       "--allow-private"], token: sandbox.adminToken)
        let endpointID = endpoint["id"] as! String
        try (endpoint["secret"] as! String).write(toFile: receiver.secretFile, atomically: true, encoding: .utf8)
        _ = try sandbox.coordinator()
        _ = sandbox.run(["webhooks", "deliver"], token: sandbox.adminToken)
        let queue = try sandbox.database()
        let row = try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM webhook_deliveries")! }
        let enabled = try queue.read { db in try Bool.fetchOne(db, sql: "SELECT enabled FROM webhook_endpoints")! }
        return (row, enabled ? 1 : 0, endpointID)
    }

    @Test("500, 429, a dropped connection and a reply slower than the timeout are retried; 410 disables the endpoint",
          arguments: ["500", "429", "drop", "410"])
    func faults(_ mode: String) throws {
        let (row, enabled, _) = try firstFailure(mode)
        let state: String = row["state"]
        if mode == "410" {
            #expect(state == "held")
            #expect(enabled == 0)
            return
        }
        #expect(state == "pending")
        #expect(row["attempts"] as Int == 1)
        let created = try #require(Timestamp.parse(row["created_at"]))
        let next = try #require(Timestamp.parse(row["next_attempt_at"]))
        if mode == "429" { #expect(next.timeIntervalSince(created) >= 119) }
        if mode == "500" { #expect(row["last_status"] as Int? == 500) }
        if mode == "drop" { #expect(row["last_status"] as Int? == nil && (row["last_error"] as String?) != nil) }
    }

    @Test("A receiver slower than the 15 s timeout counts as a failure and is retried")
    func slow() throws {
        let (row, _, _) = try firstFailure("slow")
        #expect(row["state"] as String == "pending")
        #expect((row["last_error"] as String?)?.lowercased().contains("timeout") == true)
    }
}

/// Tools/webhook-receiver on a free loopback port.
final class Receiver {
    let process = Process()
    let port: Int
    let secretFile: String
    let recordFile: String

    init(root: String, mode: String = "ok", failFirst: Int = -1) throws {
        secretFile = root + "/receiver-secret"
        recordFile = root + "/receiver.jsonl"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Tools/webhook-receiver").standardized
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", "0", "--secret-file", secretFile, "--record", recordFile, "--mode", mode,
                             "--fail-first", "\(failFirst)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8), let port = Int(text.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
            throw SandboxError(message: "the receiver did not start")
        }
        self.port = port
    }

    func records() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: recordFile, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
