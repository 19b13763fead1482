#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Notifier
import Synchronization

/// The demo's stand-in for the subdistrict's dashboard: a loopback HTTP server that checks each webhook's
/// Standard Webhooks signature and remembers what arrived. One connection at a time; demo only.
final class DemoReceiver: Sendable {
    struct Received: Sendable {
        let id: String
        let type: String
        let valid: Bool
    }

    let port: Int
    private let listener: Int32
    private let secret = Mutex<WebhookSecret?>(nil)
    private let received = Mutex<[Received]>([])

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard listener >= 0, bound, listen(listener, 64) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in serve() }.start()
    }

    func use(secret text: String) { secret.withLock { $0 = WebhookSecret(text: text) } }
    var messages: [Received] { received.withLock { $0 } }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            handle(connection)
            close(connection)
        }
    }

    /// The largest body read (the notifier never sends more than 20 KB).
    static let maxBody = 1 << 20

    private func handle(_ connection: Int32) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var headerEnd: Range<Data.Index>?
        var contentLength = 0
        while true {
            let n = read(connection, &buffer, buffer.count)
            if n <= 0 { return }
            data.append(contentsOf: buffer[0..<n])
            if headerEnd == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                // Clamped: a negative length made the body's range below trap, and any local process can connect.
                contentLength = min(max(head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0, 0),
                    Self.maxBody)
            }
            if let end = headerEnd, data.count - end.upperBound >= contentLength { break }
        }
        let end = headerEnd!
        var headers: [String: String] = [:]
        for line in String(decoding: data[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n").dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let body = data[end.upperBound..<(end.upperBound + contentLength)]
        let id = headers["webhook-id"] ?? ""
        let valid = secret.withLock { $0 }.map {
            WebhookSignature.verify(header: headers["webhook-signature"] ?? "", id: id,
                                    timestamp: Int(headers["webhook-timestamp"] ?? "") ?? 0, body: Data(body), secret: $0)
        } ?? false
        let type = ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any])?["type"] as? String ?? "?"
        received.withLock { $0.append(Received(id: id, type: type, valid: valid)) }
        let reply = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = reply.withCString { write(connection, $0, strlen($0)) }
    }
}
