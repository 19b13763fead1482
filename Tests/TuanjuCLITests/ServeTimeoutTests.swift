import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A server process started with short deadlines, and raw loopback sockets that misbehave against it.
@Suite("tuanju serve cuts off slow and idle clients", .serialized)
struct ServeTimeoutTests {
    /// `tuanju serve --port 0` with 1 s for a head, 2 s for a body, 2 s idle and at most `maxConnections`.
    final class Server {
        let sandbox: Sandbox
        let process = Process()
        let port: UInt16

        init(maxConnections: Int = 64) throws {
            sandbox = try Sandbox()
            process.executableURL = try TuanjuProcess.executable
            process.arguments = ["serve", "--port", "0", "--data", sandbox.data, "--header-timeout", "1", "--body-timeout", "2",
                                 "--idle-timeout", "2", "--max-connections", "\(maxConnections)"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var first = ""
            let deadline = Date().addingTimeInterval(30)
            while !first.contains("\n"), Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                first += String(decoding: chunk, as: UTF8.self)
            }
            guard let colon = first.range(of: "127.0.0.1:"),
                  let port = UInt16(first[colon.upperBound...].prefix { $0.isNumber }) else {
                throw SandboxError(message: "no address in \(first)")
            }
            self.port = port
        }

        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGTERM)
                process.waitUntilExit()
            }
        }
    }

    @Test("A timeout or connection maximum out of range is a usage error naming the flag", arguments: [
        ["--header-timeout", "0"], ["--body-timeout", "-1"], ["--idle-timeout", "3601"], ["--max-connections", "0"],
    ])
    func flagRanges(_ flag: [String]) throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["serve", "--port", "0"] + flag)
        #expect(result.exit == 64)
        #expect(result.stderr.contains(flag[0]), "\(result.stderr)")
    }

    @Test("A head trickled one byte at a time is cut off after the header timeout, before it ends")
    func trickledHead() throws {
        let server = try Server()
        let socket = try RawSocket(port: server.port)
        let request = Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: \(String(repeating: "a", count: 200))\r\n\r\n".utf8)
        let started = Date()
        var sent = 0
        while sent < request.count, socket.send([request[sent]]) {
            sent += 1
            usleep(100_000)
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(sent < request.count, "the server closed the connection before the head was complete")
        #expect(elapsed >= 0.8 && elapsed < 6, "closed after about 1 s, not \(elapsed)")
        #expect(socket.readAll(timeout: 5).isEmpty, "no response to a head that never ended")
    }

    @Test("A connection that sends nothing, or nothing after its response, is closed after the idle timeout")
    func idle() throws {
        let server = try Server()
        let silent = try RawSocket(port: server.port)
        let started = Date()
        #expect(silent.readAll(timeout: 10).isEmpty)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.8 && elapsed < 6, "closed after about 2 s, not \(elapsed)")

        let kept = try RawSocket(port: server.port)
        #expect(kept.send(Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)))
        let answered = Date()
        let reply = String(decoding: kept.readAll(timeout: 10), as: UTF8.self)
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply)")
        let keptOpen = Date().timeIntervalSince(answered)
        #expect(keptOpen >= 1 && keptOpen < 6, "kept alive, then closed after about 2 s idle, not \(keptOpen)")
    }

    @Test("A body trickled after its head is cut off after the body timeout")
    func trickledBody() throws {
        let server = try Server()
        let socket = try RawSocket(port: server.port)
        #expect(socket.send(Array("POST /v1/riders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{".utf8)))
        let started = Date()
        var sent = 1
        while sent < 500, socket.send(Array("a".utf8)) {
            sent += 1
            usleep(100_000)
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(sent < 500)
        #expect(elapsed >= 1.5 && elapsed < 8, "closed after about 2 s, not \(elapsed)")
    }

    @Test("Past the maximum, a connection waits until one closes; then it is served")
    func maximum() throws {
        let server = try Server(maxConnections: 2)
        let first = try RawSocket(port: server.port)
        let second = try RawSocket(port: server.port)
        usleep(200_000)
        let third = try RawSocket(port: server.port)
        let started = Date()
        #expect(third.send(Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)))
        let reply = String(decoding: third.readAll(timeout: 15), as: UTF8.self)
        let waited = Date().timeIntervalSince(started)
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply)")
        #expect(waited >= 1, "served only once an idle connection was closed (\(waited) s)")
        _ = (first, second)
    }
}

/// A blocking TCP socket to 127.0.0.1, for clients that misbehave on purpose.
final class RawSocket {
    let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SandboxError(message: "connect failed: \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// False once the peer has closed the connection (EPIPE / ECONNRESET).
    func send(_ bytes: [UInt8]) -> Bool {
        // A write to a socket the peer closed first succeeds once (it provokes the RST); poll for the close first.
        var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&probe, 1, 0) > 0 {
            var byte: UInt8 = 0
            if recv(fd, &byte, 1, Int32(MSG_PEEK)) <= 0 { return false }
        }
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Everything the peer sends until it closes the connection, or `timeout` seconds pass.
    func readAll(timeout: Double) -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&probe, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return received
    }
}
