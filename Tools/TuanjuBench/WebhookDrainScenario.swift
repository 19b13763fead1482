import CCurl
import Crypto
import Dispatch
import Foundation
import GRDB
import Notifier
import Synchronization
import TuanjuCore
import TuanjuService

/// `webhook-drain`: 10,000 events to a loopback receiver (tuanju-receiver: Hummingbird, verifies every
/// signature), 16 in flight on each side (the notifier's default). Ours: `webhooks deliver --until-idle` through the
/// service (fan-out, signing, libcurl with kept-alive connections, recording every attempt). Raw: the same signed
/// bodies POSTed from 16 threads with plain libcurl, one easy handle (so one kept-alive connection) per thread, no database. The raw
/// side is also the receiver's own capacity under this client. Both sides must leave the receiver with every
/// event exactly once, each signature valid.
struct WebhookDrainScenario: Scenario {
    /// As many POSTs in flight as the notifier sends at once (`Dispatcher.maxInFlight`).
    static let inFlight = 16
    var events = Bench.size(10_000, quick: 1_000)

    func prepare(_ work: String) throws {
        let admin = Caller(kind: .admin, id: "usr_bench", name: "bench")
        var secret = ""
        for side in ["ours", "raw"] {
            let (app, _) = try Tuanju.initialize(DataDirectory(path: work + "/" + side))
            // The port is set below, once the receiver runs; the secret is ours' on both sides.
            let endpoint = try app.addWebhook(admin, url: "http://127.0.0.1:1/hook", events: "all", allowPrivate: true)
            if side == "ours" { secret = endpoint.secret }
            try app.database.write { db in
                try db.execute(sql: "UPDATE webhook_endpoints SET secret = ?", arguments: [secret])
                for index in 0..<events {
                    try db.cachedStatement(sql: "INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, 'task.claimed', ?, ?)")
                        .execute(arguments: [Identifier.make("evt"),
                                             "{\"claim_id\":\"clm_\(index)\",\"task_id\":\"tsk_bench\",\"rider_id\":\"rdr_\(index)\",\"state\":\"active\"}",
                                             Timestamp.iso(Date())])
                }
            }
        }
        let receiver = Process()
        receiver.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tuanju-receiver")
        receiver.arguments = ["--port", "0", "--secret", secret]
        let pipe = Pipe()
        receiver.standardOutput = pipe
        try receiver.run()
        let line = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
            throw BenchError(message: "the receiver did not start: \(line)")
        }
        try "\(receiver.processIdentifier)".write(toFile: work + "/receiver.pid", atomically: true, encoding: .utf8)
        for side in ["ours", "raw"] {
            try DatabaseQueue(path: work + "/\(side)/tuanju.sqlite").write { db in
                try db.execute(sql: "UPDATE webhook_endpoints SET url = ?", arguments: ["http://127.0.0.1:\(port)/hook"])
            }
        }
    }

    func finish(_ work: String) {
        if let pid = try? String(contentsOfFile: work + "/receiver.pid", encoding: .utf8), let number = Int32(pid) {
            kill(number, SIGTERM)
        }
    }

    func receiverURL(_ work: String, _ side: String) throws -> String {
        let hook = try DatabaseQueue(path: work + "/\(side)/tuanju.sqlite").read { db in
            try String.fetchOne(db, sql: "SELECT url FROM webhook_endpoints")!
        }
        return String(hook.dropLast("/hook".count))
    }

    func runOurs(_ work: String) throws -> Int {
        // Tuanju opens the process's first SQLite connection, as in `tuanju webhooks deliver`: its process setup
        // (SQLite's memory statistics off, a mutex less around every SQLite malloc) only holds before any
        // connection, and a DatabaseQueue opened first (to read the receiver's URL) left ours without it.
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let hook = try app.database.read { db in try String.fetchOne(db, sql: "SELECT url FROM webhook_endpoints")! }
        try Receiver.request("POST", String(hook.dropLast("/hook".count)) + "/reset")
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
        try Receiver.expect(events, at: try receiverURL(work, "ours"))
    }

    func verifyRaw(_ work: String) throws {
        try Receiver.expect(events, at: try receiverURL(work, "raw"))
    }

    func runRaw(_ work: String) throws -> Int {
        let base = try receiverURL(work, "raw")
        try Receiver.request("POST", base + "/reset")
        let url = base + "/hook"
        let (secretText, messages) = try DatabaseQueue(path: work + "/raw/tuanju.sqlite").read { db in
            (try String.fetchOne(db, sql: "SELECT secret FROM webhook_endpoints")!,
             try Row.fetchAll(db, sql: "SELECT event_id, type, payload, created_at FROM outbox WHERE type = 'task.claimed' ORDER BY seq")
                .map { row -> (String, Data) in
                    (row["event_id"], Data("{\"type\":\"\(row["type"] as String)\",\"timestamp\":\"\(row["created_at"] as String)\",\"data\":\(row["payload"] as String)}".utf8))
                })
        }
        let key = SymmetricKey(data: Data(base64Encoded: String(secretText.dropFirst("whsec_".count)))!)
        let next = Mutex(0)
        let failures = Mutex(0)
        runThreads(Self.inFlight) { _ in
            let handle = curl_easy_init()!
            defer { curl_easy_cleanup(handle) }
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < messages.count else { return }
                let (id, body) = messages[index]
                let timestamp = Int(Date().timeIntervalSince1970)
                var mac = HMAC<SHA256>(key: key)
                mac.update(data: Data("\(id).\(timestamp).".utf8))
                mac.update(data: body)
                let signature = "v1," + Data(mac.finalize()).base64EncodedString()
                var list: UnsafeMutablePointer<curl_slist>?
                for header in ["webhook-id: \(id)", "webhook-timestamp: \(timestamp)", "webhook-signature: \(signature)",
                               "Content-Type: application/json", "Expect:"] {
                    list = curl_slist_append(list, header)
                }
                tj_setopt_string(handle, CURLOPT_URL, url)
                tj_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
                tj_setopt_long(handle, CURLOPT_POST, 1)
                tj_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
                body.withUnsafeBytes { raw in
                    _ = tj_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
                }
                tj_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
                let code = curl_easy_perform(handle)
                var status = 0
                tj_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
                curl_slist_free_all(list)
                if code != CURLE_OK || !(200..<300).contains(status) { failures.withLock { $0 += 1 } }
            }
        }
        guard failures.withLock({ $0 }) == 0 else { throw BenchError(message: "raw POSTs failed") }
        return messages.count
    }
}

/// The receiver's control requests, over plain libcurl.
enum Receiver {
    @discardableResult
    static func request(_ method: String, _ url: String) throws -> String {
        guard let handle = curl_easy_init() else { throw BenchError(message: "libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        final class Box { var bytes: [UInt8] = [] }
        let box = Box()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        tj_setopt_string(handle, CURLOPT_URL, url)
        tj_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        tj_setopt_write_function(handle) { data, size, count, context in
            Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue().bytes += UnsafeRawBufferPointer(start: data, count: size * count)
            return size * count
        }
        tj_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        guard curl_easy_perform(handle) == CURLE_OK else { throw BenchError(message: "\(method) \(url) failed") }
        return String(decoding: box.bytes, as: UTF8.self)
    }

    /// Every event arrived exactly once (by webhook-id) and every signature verified.
    static func expect(_ events: Int, at base: String) throws {
        let stats = try request("GET", base + "/stats")
        guard let object = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Int],
              object["received"] == events, object["valid"] == events, object["distinct"] == events, object["invalid"] == 0
        else { throw BenchError(message: "the receiver saw \(stats) for \(events) events") }
    }
}
