import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

/// `GET /v1/me/inbox/stream` over a real loopback socket: the server listens on an ephemeral port in this
/// process, a raw-socket SSE client reads it.
@Suite("The inbox as a live stream (Server-Sent Events)", .serialized, .timeLimit(.minutes(5)))
struct InboxStreamTests {
    /// A sandbox whose server can listen (port 0) with the stream settings of a test.
    static func sandbox(_ configure: @escaping (inout ServerConfiguration) -> Void = { _ in }) throws -> APISandbox {
        try APISandbox(configure: { configuration in
            configuration.port = 0
            configure(&configuration)
        })
    }

    /// Points from a coordinator: one notification for the rider, written by this process's service layer.
    static func award(_ sandbox: APISandbox, _ riderID: String, amount: Int = 5, reason: String = "带新人") throws {
        let staff = try sandbox.app.authenticate(token: try sandbox.coordinator("积分\(UUID().uuidString.prefix(6))"))
        _ = try sandbox.app.awardPoints(staff, riderID: riderID, amount: amount, reason: reason, key: nil)
    }

    @Test("A notice written by a coordinator's use case in this process reaches the open stream, as the inbox lists it")
    func inProcessNotice() async throws {
        let sandbox = try Self.sandbox()
        let rider = try sandbox.rider()
        try await sandbox.runLive { port in
            // Given an open stream
            let stream = try await SSEClient.open(port: port, token: rider.token)
            #expect(stream.status == 200)
            #expect(stream.headers["content-type"]?.hasPrefix("text/event-stream") == true)
            #expect(stream.headers["cache-control"] == "no-cache")
            // When a coordinator awards points
            let started = Date()
            try Self.award(sandbox, rider.id, amount: 7)
            // Then the event arrives, with the inbox item's JSON and its seq as id. (How soon is measured by
            // `tuanju-bench inbox-stream`, not asserted here: a loaded CI machine stretches any timer.)
            let event = try #require(try await stream.events(1, timeout: 20).first)
            print("in-process notice reached the stream after \(Date().timeIntervalSince(started)) s")
            #expect(event.event == "notification")
            let listed = try sandbox.app.inbox(try sandbox.app.authenticate(token: rider.token), unreadOnly: false)
            let notice = try #require(listed.rows.first)
            #expect(event.id == "\(notice.seq)")
            #expect(event.object["id"] as? String == notice.id)
            #expect(event.object["template"] as? String == "points.awarded")
            #expect((event.object["parameters"] as? [String: String])?["amount"] == "7")
            #expect(event.object.keys.sorted() == ["created_at", "event_id", "id", "language", "parameters", "read_at", "template", "text"])
            stream.close()
        }
    }

    @Test("A notice committed by another process (the tuanju CLI on the same data dir) reaches the stream within a second")
    func otherProcessNotice() async throws {
        let sandbox = try Self.sandbox()
        let rider = try sandbox.rider()
        let coordinator = try sandbox.coordinator("跨进程协调")
        let tuanju = try TuanjuBinary.url
        try await sandbox.runLive { port in
            let stream = try await SSEClient.open(port: port, token: rider.token)
            #expect(stream.status == 200)
            // When `tuanju points award` runs as its own process against the same data directory
            let process = Process()
            process.executableURL = tuanju
            process.arguments = ["points", "award", "--rider", rider.id, "--amount", "9", "--reason", "另一个进程",
                                 "--token", coordinator, "--data", sandbox.root + "/data"]
            process.standardOutput = FileHandle.nullDevice
            let failure = Pipe()
            process.standardError = failure
            try process.run()
            process.waitUntilExit()
            let committed = Date()
            #expect(process.terminationStatus == 0, "\(String(decoding: failure.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
            // Then its notice arrives (the watcher sees other processes' commits; the delay is the bench's to
            // measure, not a timer's to assert)
            let event = try #require(try await stream.events(1, timeout: 20).first)
            print("another process's notice reached the stream after \(Date().timeIntervalSince(committed)) s")
            #expect(event.object["template"] as? String == "points.awarded")
            #expect((event.object["parameters"] as? [String: String])?["reason"] == "另一个进程")
            stream.close()
        }
    }

    @Test("Last-Event-ID resumes after that notice: no duplicate, no gap, then live ones; 0 replays the whole inbox")
    func resume() async throws {
        let sandbox = try Self.sandbox()
        let rider = try sandbox.rider()
        try await sandbox.runLive { port in
            // Given three notices seen on a first connection
            let first = try await SSEClient.open(port: port, token: rider.token)
            for amount in 1...3 { try Self.award(sandbox, rider.id, amount: amount) }
            let seen = try await first.events(3)
            #expect(seen.map { ($0.object["parameters"] as? [String: String])?["amount"] } == ["1", "2", "3"])
            first.close()
            // And two more written while the rider was away
            for amount in 4...5 { try Self.award(sandbox, rider.id, amount: amount) }
            // When the rider reconnects after the second
            let second = try await SSEClient.open(port: port, token: rider.token, headers: ["Last-Event-ID": seen[1].id ?? ""])
            let caughtUp = try await second.events(3)
            // Then the third, fourth and fifth come, in order, each once; then a live one
            #expect(caughtUp.map { ($0.object["parameters"] as? [String: String])?["amount"] } == ["3", "4", "5"])
            #expect(caughtUp[0].id == seen[2].id)
            let ids = caughtUp.compactMap { $0.id.flatMap { Int64($0) } }
            #expect(ids == ids.sorted() && Set(ids).count == 3)
            try Self.award(sandbox, rider.id, amount: 6)
            let live = try await second.events(1)
            #expect((live[0].object["parameters"] as? [String: String])?["amount"] == "6")
            #expect(Int64(live[0].id ?? "") ?? 0 > ids.last ?? .max)
            second.close()
            // An id beyond the newest (a restored backup) starts at the newest: the next notice is not skipped
            let ahead = try await SSEClient.open(port: port, token: rider.token, headers: ["Last-Event-ID": "999999"])
            try Self.award(sandbox, rider.id, amount: 7)
            #expect((try await ahead.events(1).first?.object["parameters"] as? [String: String])?["amount"] == "7")
            ahead.close()
            try await Task.sleep(for: .milliseconds(100))  // its place is given back before the replay opens
            // And 0 replays the inbox, oldest first
            let replay = try await SSEClient.open(port: port, token: rider.token, headers: ["Last-Event-ID": "0"])
            let all = try await replay.events(7)
            #expect(all.map { ($0.object["parameters"] as? [String: String])?["amount"] } == ["1", "2", "3", "4", "5", "6", "7"])
            replay.close()
        }
    }

    @Test("A heartbeat comment arrives at the configured interval while nothing happens")
    func heartbeat() async throws {
        let sandbox = try Self.sandbox { $0.streamHeartbeatSeconds = 0.3 }
        let rider = try sandbox.rider()
        try await sandbox.runLive { port in
            let stream = try await SSEClient.open(port: port, token: rider.token)
            let started = Date()
            let first = try await stream.next(timeout: 10)
            let second = try await stream.next(timeout: 10)
            #expect(first == SSEItem(comment: "heartbeat"))
            #expect(second == SSEItem(comment: "heartbeat"))
            print("two heartbeats (every 0.3 s) in \(Date().timeIntervalSince(started)) s")
            stream.close()
        }
    }

    @Test("A rider's stream carries only their own notices")
    func ownNoticesOnly() async throws {
        let sandbox = try Self.sandbox()
        let li = try sandbox.rider("李骑手", phone: "13800138000")
        let zhang = try sandbox.rider("张骑手", phone: "13900139000")
        try await sandbox.runLive { port in
            let liStream = try await SSEClient.open(port: port, token: li.token)
            let zhangStream = try await SSEClient.open(port: port, token: zhang.token)
            // When only 张 is notified
            try Self.award(sandbox, zhang.id, amount: 11)
            let zhangs = try await zhangStream.events(1)
            #expect((zhangs[0].object["parameters"] as? [String: String])?["amount"] == "11")
            // Then 李 sees nothing of it; 李's own notice is the first thing 李 sees
            await #expect(throws: SSEError.self) { _ = try await liStream.next(timeout: 0.8) }
            try Self.award(sandbox, li.id, amount: 12)
            let lis = try await liStream.events(1)
            #expect((lis[0].object["parameters"] as? [String: String])?["amount"] == "12")
            let replay = try await SSEClient.open(port: port, token: li.token, headers: ["Last-Event-ID": "0"])
            #expect(try await replay.events(1).first?.id == lis[0].id)
            await #expect(throws: SSEError.self) { _ = try await replay.next(timeout: 0.5) }
            for stream in [liStream, zhangStream, replay] { stream.close() }
        }
    }

    @Test("No token or an unknown one is 401, a staff token 403, a bad Last-Event-ID 400, as elsewhere in the API")
    func refusals() async throws {
        let sandbox = try Self.sandbox()
        let rider = try sandbox.rider()
        let coordinator = try sandbox.coordinator()
        try await sandbox.runLive { port in
            let missing = try await SSEClient.open(port: port, token: nil)
            #expect(missing.status == 401)
            #expect(missing.headers["www-authenticate"] == "Bearer")
            #expect(try await missing.body().contains("\"unauthenticated\""))
            let unknown = try await SSEClient.open(port: port, token: "tj_not_a_token")
            #expect(unknown.status == 401)
            let staff = try await SSEClient.open(port: port, token: coordinator)
            #expect(staff.status == 403)
            #expect(try await staff.body().contains("\"forbidden\""))
            let badID = try await SSEClient.open(port: port, token: rider.token, headers: ["Last-Event-ID": "yesterday"])
            #expect(badID.status == 400)
            #expect(try await badID.body().contains("Last-Event-ID"))
            #expect(sandbox.server.streams.count() == 0, "a refused request holds no place")
        }
    }

    @Test("Streams are limited per rider (429 past it) and per server (503 past it); a closed one frees its place")
    func limits() async throws {
        let sandbox = try Self.sandbox {
            $0.maxStreamsPerRider = 2
            $0.maxStreams = 3
        }
        let li = try sandbox.rider("李骑手", phone: "13800138000")
        let zhang = try sandbox.rider("张骑手", phone: "13900139000")
        let wang = try sandbox.rider("王骑手", phone: "13700137000")
        try await sandbox.runLive { port in
            // At the rider's limit: both open
            let one = try await SSEClient.open(port: port, token: li.token)
            let two = try await SSEClient.open(port: port, token: li.token)
            #expect(one.status == 200 && two.status == 200)
            // Past it: 429 with Retry-After
            let three = try await SSEClient.open(port: port, token: li.token)
            #expect(three.status == 429)
            #expect(three.headers["retry-after"] != nil)
            #expect(try await three.body().contains("\"too_many_streams\""))
            // At the server's limit: another rider's opens
            let other = try await SSEClient.open(port: port, token: zhang.token)
            #expect(other.status == 200)
            // Past it: 503 busy
            let full = try await SSEClient.open(port: port, token: wang.token)
            #expect(full.status == 503)
            #expect(full.headers["retry-after"] == "1")
            #expect(try await full.body().contains("\"busy\""))
            #expect(sandbox.server.streams.count() == 3)
            // When one of 李's streams hangs up, its place is free at once
            one.close()
            let deadline = Date().addingTimeInterval(3)
            while sandbox.server.streams.count() > 2, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(sandbox.server.streams.count(riderID: li.id) == 1)
            let again = try await SSEClient.open(port: port, token: wang.token)
            #expect(again.status == 200)
            for stream in [two, other, again] { stream.close() }
        }
    }

    @Test("Graceful shutdown ends open streams, and does not wait for them")
    func shutdown() async throws {
        let sandbox = try Self.sandbox()
        let rider = try sandbox.rider()
        let ended = Ended()
        let started = Date()
        try await sandbox.runLive { port in
            let stream = try await SSEClient.open(port: port, token: rider.token)
            #expect(stream.status == 200)
            // A reader that waits for the end of the stream, while the server is told to stop (the test's end).
            Task.detached {
                while true {
                    guard let item = try? await stream.next(timeout: 30) else { break }
                    _ = item
                }
                ended.at.withLock { $0 = Date() }
            }
        }
        // Then the server stopped well before a heartbeat or the reader's timeout, and the stream ended
        #expect(Date().timeIntervalSince(started) < 20)
        let deadline = Date().addingTimeInterval(5)
        while ended.at.withLock({ $0 }) == nil, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(ended.at.withLock { $0 } != nil, "the stream did not end")
        #expect(sandbox.server.streams.count() == 0)
    }

    @Test("tuanju serve as a process: a stream open at SIGTERM ends promptly and the server exits 0")
    func serveProcessShutdown() async throws {
        // Given `tuanju serve --port 0` on a sandbox's data directory, and a rider's open stream
        let sandbox = try Self.sandbox()
        let rider = try sandbox.rider()
        let process = Process()
        process.executableURL = try TuanjuBinary.url
        process.arguments = ["serve", "--port", "0", "--data", sandbox.root + "/data"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var first = ""
        while !first.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(first.range(of: "http://").flatMap { Int(first[$0.upperBound...].split(separator: ":").last?.prefix { $0.isNumber } ?? "") },
                                "no address in \(first)")
        let stream = try await SSEClient.open(port: port, token: rider.token)
        #expect(stream.status == 200)
        // A notice from this process (another one than the server's) arrives first
        try Self.award(sandbox, rider.id, amount: 3)
        #expect(try await stream.events(1).first?.event == "notification")
        // When the server is told to stop
        let stopping = Date()
        kill(process.processIdentifier, SIGTERM)
        // Then the stream ends (not a heartbeat later) and the process exits 0
        var item: SSEItem? = SSEItem()
        while item != nil { item = try await stream.next(timeout: 10) }
        #expect(Date().timeIntervalSince(stopping) < 12, "ended before the next heartbeat (15 s), not by it")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        stream.close()
    }
}

/// When the shutdown test's reader saw the end of its stream.
final class Ended: Sendable {
    let at = Mutex<Date?>(nil)
}

/// The built `tuanju` executable, next to the test bundle (`swift build --build-tests` builds it).
enum TuanjuBinary {
    static var url: URL {
        get throws {
            var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
            for candidate in [directory, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("tuanju")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
            throw SSEError(description: "the tuanju executable is not built next to the tests (run `swift build --build-tests`)")
        }
    }
}
