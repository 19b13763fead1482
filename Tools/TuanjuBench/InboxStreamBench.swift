import Foundation
import GRDB
import TuanjuCore
import TuanjuService
#if canImport(Glibc)
import Glibc
#endif

/// `inbox-stream` (issue #19): N riders each hold `GET /v1/me/inbox/stream` open on one `tuanju serve`
/// process; this process commits one transaction that writes a notice to every rider, K times, and times each
/// event from the commit to its client. Prints one JSON line: the server's RSS per stream (the growth of VmRSS
/// from before the streams to after, over N), the delivery latency of every event (median, p99) and the time
/// until a commit had reached all N clients (median and worst over the K commits). Not ours-vs-raw: there is no
/// raw side to a live stream. `TUANJU_BENCH_STREAMS` and `TUANJU_BENCH_COMMITS` override N and K.
enum InboxStreamBench {
    struct Line: Encodable {
        let scenario = "inbox-stream"
        let streams: Int
        let commits: Int
        let server_rss_before_mb: Double
        let server_rss_streams_mb: Double
        let kb_per_stream: Double
        let deliver_median_ms: Double
        let deliver_p99_ms: Double
        let all_reached_median_ms: Double
        let all_reached_max_ms: Double
        let shutdown_ms: Double
        let load_avg: [Double]
        let quick: Bool
    }

    static func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["TUANJU_BENCH_STREAMS"] ?? "") ?? Bench.size(1000, quick: 50)
        let commits = Int(environment["TUANJU_BENCH_COMMITS"] ?? "") ?? Bench.size(10, quick: 3)
        let load = loadAverage()
        raiseFileLimit(to: count * 2 + 256)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-bench-sse-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: work) }

        // N riders, each with a token.
        let (app, result) = try Tuanju.initialize(DataDirectory(path: work + "/data"))
        let admin = try app.authenticate(token: result.adminToken)
        var riders: [(id: String, token: String)] = []
        for index in 0..<count {
            let issued = try app.registerRider(admin, name: "骑手\(index)", phone: String(format: "138%08d", index),
                                               platform: "meituan", partyMember: false, branch: nil)
            riders.append((issued.profile.id, issued.token))
        }

        // The server, a process of its own.
        let server = try Server(data: work + "/data", streams: count)
        defer { server.stop() }
        let before = server.rssMB()
        let clients = try StreamClients(port: server.port, tokens: riders.map(\.token))
        defer { clients.closeAll() }
        Thread.sleep(forTimeInterval: 1)  // let the server settle after the burst of connections
        let after = server.rssMB()

        // K commits of N notices each, one a second.
        let database = try DatabaseQueue(path: work + "/data/tuanju.sqlite", configuration: {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            return configuration
        }())
        var latencies: [Double] = []
        var allReached: [Double] = []
        for round in 0..<commits {
            clients.resetArrivals()
            try database.write { db in
                for (index, rider) in riders.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO notifications (id, rider_id, event_id, template, parameters, language, created_at)
                        VALUES (?, ?, ?, 'points.awarded', ?, 'zh', ?)
                        """, arguments: ["ntf_bench_\(round)_\(index)", rider.id, "evt_bench_\(round)",
                                         "{\"amount\":\"1\",\"reason\":\"bench \(round)\"}", Timestamp.iso(Date())])
                }
            }
            let start = DispatchTime.now().uptimeNanoseconds  // `write` returns after COMMIT
            let arrivals = try clients.awaitOneEventEach(timeout: 30)
            let seconds = arrivals.map { Double($0 > start ? $0 - start : 0) / 1e9 }
            latencies += seconds
            allReached.append(seconds.max() ?? 0)
            Thread.sleep(forTimeInterval: 1)
        }

        let stopStarted = DispatchTime.now().uptimeNanoseconds
        server.stop()
        let shutdown = Double(DispatchTime.now().uptimeNanoseconds - stopStarted) / 1e6
        let line = Line(
            streams: count, commits: commits, server_rss_before_mb: round1(before), server_rss_streams_mb: round1(after),
            kb_per_stream: round1((after - before) * 1024 / Double(count)),
            deliver_median_ms: round1(percentile(latencies, 0.5) * 1000), deliver_p99_ms: round1(percentile(latencies, 0.99) * 1000),
            all_reached_median_ms: round1(percentile(allReached, 0.5) * 1000), all_reached_max_ms: round1((allReached.max() ?? 0) * 1000),
            shutdown_ms: round1(shutdown), load_avg: load, quick: Bench.quick)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(line), as: UTF8.self))
    }

    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    /// Each stream is a socket here and in the server: lift the soft limit towards the hard one (children inherit it).
    static func raiseFileLimit(to wanted: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(wanted) else { return }
        limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// `tuanju serve` on an ephemeral loopback port, sized for the streams.
    final class Server {
        let process = Process()
        let port: Int

        init(data: String, streams: Int) throws {
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL.deletingLastPathComponent()
                .appendingPathComponent("tuanju")
            process.arguments = ["serve", "--port", "0", "--data", data, "--rate-limit", "0",
                                 "--max-connections", "\(streams + 64)", "--max-streams", "\(streams + 8)"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice  // the access log
            try process.run()
            var text = ""
            while !text.contains("\n") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { throw BenchError(message: "tuanju serve ended: \(text)") }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = text.range(of: "http://"), let port = Int(text[range.upperBound...].split(separator: ":").last?
                .prefix { $0.isNumber } ?? "") else { throw BenchError(message: "no address in \(text)") }
            self.port = port
        }

        func rssMB() -> Double {
            guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
                  let kilobytes = Double(line.split(separator: " ")[1])
            else { return -1 }
            return kilobytes / 1024
        }

        /// SIGTERM, and the wait for the graceful shutdown (which ends the open streams).
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
    }
}

/// N stream clients on raw sockets, read by one thread with poll(2): each client only looks for `id:` lines.
final class StreamClients {
    private var fds: [Int32] = []
    private var pending: [[UInt8]]
    private var arrivals: [UInt64?]

    init(port: Int, tokens: [String]) throws {
        pending = Array(repeating: [], count: tokens.count)
        arrivals = Array(repeating: nil, count: tokens.count)
        for token in tokens {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw BenchError(message: "socket: errno \(errno) after \(fds.count) streams (RLIMIT_NOFILE?)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw BenchError(message: "connect: errno \(errno) after \(fds.count) streams") }
            let request = Array("GET /v1/me/inbox/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            fds.append(fd)
        }
        // Every stream answered 200 (its head read) before the clock starts.
        var heads = Array(repeating: false, count: fds.count)
        try readUntil(timeout: 60, done: { heads.allSatisfy { $0 } }) { index, line in
            if line.hasPrefix("HTTP/1.1 ") {
                guard line.hasPrefix("HTTP/1.1 200") else { throw BenchError(message: "stream \(index): \(line)") }
                heads[index] = true
            }
        }
    }

    func resetArrivals() { arrivals = Array(repeating: nil, count: fds.count) }

    /// Reads until every client has seen one event; returns when each saw its first (uptime nanoseconds).
    func awaitOneEventEach(timeout: Double) throws -> [UInt64] {
        try readUntil(timeout: timeout, done: { self.arrivals.allSatisfy { $0 != nil } }) { index, line in
            if line.hasPrefix("id: "), self.arrivals[index] == nil { self.arrivals[index] = DispatchTime.now().uptimeNanoseconds }
        }
        return arrivals.map { $0 ?? 0 }
    }

    func closeAll() {
        for fd in fds { close(fd) }
        fds = []
    }

    /// poll(2) over every socket, handing each complete line to `line` until `done` or `timeout`.
    private func readUntil(timeout: Double, done: () -> Bool, line: (Int, String) throws -> Void) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var descriptors = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !done() {
            guard Date() < deadline else { throw BenchError(message: "timed out waiting for the streams") }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 1000)
            guard ready > 0 else { continue }
            for index in descriptors.indices where descriptors[index].revents != 0 {
                descriptors[index].revents = 0
                let count = recv(descriptors[index].fd, &buffer, buffer.count, 0)
                guard count > 0 else { throw BenchError(message: "stream \(index) closed") }
                pending[index] += buffer[..<count]
                while let newline = pending[index].firstIndex(of: 10) {
                    let text = String(decoding: pending[index][..<newline], as: UTF8.self)
                    pending[index].removeFirst(newline + 1)
                    try line(index, text.hasSuffix("\r") ? String(text.dropLast()) : text)
                }
            }
        }
    }
}
