import Dispatch
import Foundation
import GRDB
import Notifier
import Synchronization
import TuanjuCore
import TuanjuService

/// `webhook-drain`: 10,000 events to a loopback receiver (Tools/webhook-receiver), 16 in flight. Ours:
/// `webhooks deliver --until-idle` through the service (fan-out, signing, libcurl, recording every attempt).
/// Raw: plain libcurl POSTs of the same bodies from 16 threads, no database and no signing.
struct WebhookDrainScenario: Scenario {
    let events = 10_000

    func prepare(_ work: String) throws {
        let receiver = Process()
        receiver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("../../Tools/webhook-receiver").standardized.path
        let fallback = FileManager.default.currentDirectoryPath + "/Tools/webhook-receiver"
        receiver.arguments = ["python3", FileManager.default.fileExists(atPath: script) ? script : fallback, "--port", "0"]
        let pipe = Pipe()
        receiver.standardOutput = pipe
        try receiver.run()
        let line = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
            throw BenchError(message: "the receiver did not start: \(line)")
        }
        try "\(receiver.processIdentifier)".write(toFile: work + "/receiver.pid", atomically: true, encoding: .utf8)
        let admin = Caller(kind: .admin, id: "usr_bench", name: "bench")
        for side in ["ours", "raw"] {
            let (app, _) = try Tuanju.initialize(DataDirectory(path: work + "/" + side))
            _ = try app.addWebhook(admin, url: "http://127.0.0.1:\(port)/hook", events: "all", allowPrivate: true)
            try app.database.write { db in
                for index in 0..<events {
                    try db.cachedStatement(sql: "INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, 'task.claimed', ?, ?)")
                        .execute(arguments: [Identifier.make("evt"),
                                             "{\"claim_id\":\"clm_\(index)\",\"task_id\":\"tsk_bench\",\"rider_id\":\"rdr_\(index)\",\"state\":\"active\"}",
                                             Timestamp.iso(Date())])
                }
            }
        }
    }

    func finish(_ work: String) {
        if let pid = try? String(contentsOfFile: work + "/receiver.pid", encoding: .utf8), let number = Int32(pid) {
            kill(number, SIGKILL)
        }
    }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let summary = try app.deliverWebhooks(Caller(kind: .admin, id: "usr_bench", name: "bench"), untilIdle: true, maxSeconds: nil)
        guard summary.delivered == events else { throw BenchError(message: "delivered \(summary.delivered) of \(events)") }
        return events
    }

    func verifyOurs(_ work: String) throws {
        let queue = try DatabaseQueue(path: work + "/ours/tuanju.sqlite")
        let (delivered, ids) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT event_seq) FROM webhook_deliveries") ?? 0)
        }
        guard delivered == events, ids == events else { throw BenchError(message: "\(delivered) delivered, \(ids) distinct events") }
    }

    func runRaw(_ work: String) throws -> Int {
        let (url, bodies) = try DatabaseQueue(path: work + "/raw/tuanju.sqlite").read { db in
            (try String.fetchOne(db, sql: "SELECT url FROM webhook_endpoints")!,
             try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = 'task.claimed' ORDER BY seq").map { Data($0.utf8) })
        }
        let next = Mutex(0)
        let failures = Mutex(0)
        let transport = CurlTransport()
        runThreads(16) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < bodies.count else { return }
                let result = transport.post(url: url, headers: [], body: bodies[index], allowPrivate: true)
                if !result.succeeded { failures.withLock { $0 += 1 } }
            }
        }
        guard failures.withLock({ $0 }) == 0 else { throw BenchError(message: "raw POSTs failed") }
        return bodies.count
    }
}
