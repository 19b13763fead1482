import Foundation
import Synchronization
import Testing
@testable import Notifier

/// A loopback HTTP/1.1 server that answers every request 204 and keeps connections open; it counts the
/// connections it accepted and the requests it answered.
final class CountingServer: Sendable {
    let port: Int
    private let listener: Int32
    let connections = Atomic<Int>(0)
    let requests = Atomic<Int>(0)

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            connections.add(1, ordering: .relaxed)
            Thread { [self] in serve(client) }.start()
        }
    }

    /// Reads requests (headers, then Content-Length bytes of body) and answers each at once.
    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            while let end = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                guard buffer.count >= end.upperBound + length else { break }
                buffer.removeFirst(end.upperBound + length)
                requests.add(1, ordering: .relaxed)
                // The status asked for in an `x-status` header, else 204; a `Retry-After` asked for in
                // `x-retry-after`; the reply held back for `x-delay-ms` milliseconds.
                func asked(_ name: String) -> Int? {
                    head.split(separator: "\r\n").first { $0.hasPrefix(name + ":") }
                        .flatMap { Int($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)) }
                }
                if let delay = asked("x-delay-ms") { usleep(useconds_t(delay * 1000)) }
                let retryAfter = asked("x-retry-after").map { "Retry-After: \($0)\r\n" } ?? ""
                let reply = Array((asked("x-status").map { "HTTP/1.1 \($0) Asked\r\n\(retryAfter)Content-Length: 0\r\n\r\n" }
                    ?? "HTTP/1.1 204 No Content\r\n\(retryAfter)\r\n").utf8)
                guard reply.withUnsafeBytes({ send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == reply.count else { return }
            }
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { return }
            buffer += chunk[..<count]
        }
    }
}

@Suite("libcurl keep-alive")
struct KeepAliveTests {
    @Test("Sequential POSTs through one transport use one connection")
    func oneConnection() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        for index in 0..<20 {
            let result = transport.post(url: "http://127.0.0.1:\(server.port)/hook", headers: [("webhook-id", "msg_\(index)")],
                                        body: Data("{\"n\":\(index)}".utf8), allowPrivate: true)
            #expect(result.status == 204)
        }
        #expect(server.requests.load(ordering: .relaxed) == 20)
        #expect(server.connections.load(ordering: .relaxed) == 1)
    }

    @Test("POSTs from 16 threads through one transport each get their own answer (a pooled handle is given back only after its status is read)")
    func concurrentAnswers() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let mismatches = Atomic<Int>(0)
        let finished = DispatchGroup()
        for thread in 0..<16 {  // threads of their own: concurrentPerform would run about one per core
            finished.enter()
            Thread {
                defer { finished.leave() }
                for index in 0..<300 {
                    let status = 200 + (thread * 7 + index) % 7
                    let result = transport.post(url: "http://127.0.0.1:\(server.port)/hook", headers: [("x-status", "\(status)")],
                                                body: Data("{\"n\":\(index)}".utf8), allowPrivate: true)
                    if result.status != status { mismatches.add(1, ordering: .relaxed) }
                }
            }.start()
        }
        finished.wait()
        #expect(mismatches.load(ordering: .relaxed) == 0)
        #expect(server.requests.load(ordering: .relaxed) == 16 * 300)
    }

    @Test("A connection opened for an endpoint allowed private addresses is never reused for one that is not")
    func guardNotBypassed() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let url = "http://127.0.0.1:\(server.port)/hook"
        #expect(transport.post(url: url, headers: [], body: Data("{}".utf8), allowPrivate: true).status == 204)
        let refused = transport.post(url: url, headers: [], body: Data("{}".utf8), allowPrivate: false)
        #expect(refused.status == nil)
        #expect(refused.error?.hasPrefix("address refused") == true)
        #expect(transport.post(url: url, headers: [], body: Data("{}".utf8), allowPrivate: true).status == 204)
        #expect(server.requests.load(ordering: .relaxed) == 2)
        #expect(server.connections.load(ordering: .relaxed) == 1)
    }
}
