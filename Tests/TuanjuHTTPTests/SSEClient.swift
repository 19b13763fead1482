import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One item of an event stream: an event (`id`, `event`, `data`) or a comment line (`: heartbeat`).
struct SSEItem: Sendable, Equatable {
    var id: String?
    var event: String?
    var data: String?
    var comment: String?

    /// The event's data as a JSON object.
    var object: [String: Any] {
        (data.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]) ?? [:]
    }
}

/// The text/event-stream format (WHATWG HTML, "Server-sent events"): blocks separated by a blank line, each
/// `field: value` lines; a line starting with `:` is a comment.
enum SSEParser {
    /// The complete blocks of `text` (a trailing block without its blank line is left out).
    static func items(_ text: String) -> [SSEItem] {
        var blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        blocks.removeLast()  // after the last blank line: an unfinished block, or nothing
        return blocks.compactMap(item)
    }

    static func item(_ block: String) -> SSEItem? {
        var item = SSEItem()
        var data: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                item.comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            var value = parts.count > 1 ? String(parts[1]) : ""
            if value.hasPrefix(" ") { value.removeFirst() }
            switch name {
            case "id": item.id = value
            case "event": item.event = value
            case "data": data.append(value)
            default: break
            }
        }
        if !data.isEmpty { item.data = data.joined(separator: "\n") }
        return item == SSEItem() ? nil : item
    }
}

struct SSEError: Error, CustomStringConvertible {
    let description: String
}

/// An HTTP/1.1 client of one event stream over a raw loopback socket: sends the GET, reads the head, then
/// de-chunks the body and hands out one item at a time. Blocking reads run on the client's own queue, never on
/// the cooperative pool the in-process server shares.
/// @unchecked Sendable: the socket and buffers are touched only on `queue` (a serial queue), after `init`.
final class SSEClient: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    private let fd: Int32
    private let queue = DispatchQueue(label: "sse-client")
    private var raw: [UInt8] = []
    private var decoded: [UInt8] = []
    private var chunked: Bool
    private var ended = false
    private var closed = false

    /// Connects to 127.0.0.1:`port` and sends `GET path`; returns once the response head has arrived.
    static func open(port: Int, path: String = "/v1/me/inbox/stream", token: String?, headers: [String: String] = [:],
                     timeout: Double = 10) async throws -> SSEClient {
        let queue = DispatchQueue(label: "sse-connect")
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try SSEClient(port: port, path: path, token: token, headers: headers, timeout: timeout) })
            }
        }
    }

    private init(port: Int, path: String, token: String?, headers extra: [String: String], timeout: Double) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        guard fd >= 0 else { throw SSEError(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw SSEError(description: "connect: \(errno)")
        }
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        for (name, value) in extra { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }

        // The head.
        let deadline = Date().addingTimeInterval(timeout)
        var rawHead: [UInt8] = []
        var end: Int?
        while end == nil {
            guard let more = try Self.read(fd, until: deadline) else { throw SSEError(description: "closed before the head") }
            rawHead += more
            end = Self.find([13, 10, 13, 10], in: rawHead)
        }
        let head = String(decoding: rawHead[..<end!], as: UTF8.self).components(separatedBy: "\r\n")
        status = Int(head[0].split(separator: " ")[1]) ?? 0
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        headers = fields
        raw = Array(rawHead[(end! + 4)...])
        chunked = fields["transfer-encoding"]?.lowercased() == "chunked"
    }

    deinit { if !closed { Glibc.close(fd) } }

    /// A response that is not a stream (an error): its whole body.
    func body(timeout: Double = 5) async throws -> String {
        try await onQueue {
            let deadline = Date().addingTimeInterval(timeout)
            let length = Int(self.headers["content-length"] ?? "") ?? 0
            while self.raw.count < length, let more = try Self.read(self.fd, until: deadline) { self.raw += more }
            return String(decoding: self.raw, as: UTF8.self)
        }
    }

    /// The next item, nil when the server ended the stream; throws when nothing arrives within `timeout`.
    func next(timeout: Double = 5) async throws -> SSEItem? {
        try await onQueue {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                self.dechunk()  // bytes that came with the head, or with the last read
                if let item = self.takeItem() { return item }
                if self.ended { return nil }
                guard let more = try Self.read(self.fd, until: deadline) else {
                    self.ended = true
                    return self.takeItem()
                }
                self.raw += more
            }
        }
    }

    /// Events (not comments) until `count` arrived; throws past `timeout`.
    func events(_ count: Int, timeout: Double = 5) async throws -> [SSEItem] {
        let deadline = Date().addingTimeInterval(timeout)
        var found: [SSEItem] = []
        while found.count < count {
            guard let item = try await next(timeout: max(0.01, deadline.timeIntervalSinceNow)) else {
                throw SSEError(description: "the stream ended after \(found.count) of \(count) events")
            }
            if item.data != nil { found.append(item) }
        }
        return found
    }

    /// Hangs up.
    func close() {
        queue.sync {
            guard !closed else { return }
            closed = true
            Glibc.close(fd)
        }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func takeItem() -> SSEItem? {
        while let end = Self.find([10, 10], in: decoded) {
            let block = String(decoding: decoded[..<end], as: UTF8.self)
            decoded.removeFirst(end + 2)
            if let item = SSEParser.item(block) { return item }
        }
        return nil
    }

    private func dechunk() {
        guard chunked else {
            decoded += raw
            raw = []
            return
        }
        while let lineEnd = Self.find([13, 10], in: raw) {
            let sizeText = String(decoding: raw[..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return }
            if size == 0 {
                ended = true
                raw = []
                return
            }
            guard raw.count >= lineEnd + 2 + size + 2 else { return }
            decoded += raw[(lineEnd + 2)..<(lineEnd + 2 + size)]
            raw.removeFirst(lineEnd + 2 + size + 2)
        }
    }

    /// Up to 64 KiB from the socket, nil at its end; throws at `deadline`.
    private static func read(_ fd: Int32, until deadline: Date) throws -> [UInt8]? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { throw SSEError(description: "timed out") }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { return nil }
        return Array(buffer[..<count])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}
