#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import TuanjuCLI

@Suite("Demo receiver")
struct DemoReceiverTests {
    /// Sends raw bytes to the receiver and returns its reply.
    func exchange(_ request: String, port: Int) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        _ = request.withCString { write(fd, $0, strlen($0)) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = read(fd, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    @Test("A negative or huge Content-Length gets a reply, not a trap (a negative one made the body's range trap)")
    func hostileContentLength() throws {
        let receiver = try DemoReceiver()
        defer { receiver.stop() }
        for length in ["-5", "-9223372036854775808", "9223372036854775807x", "0"] {
            let reply = exchange("POST / HTTP/1.1\r\nContent-Length: \(length)\r\n\r\n{}", port: receiver.port)
            #expect(reply.hasPrefix("HTTP/1.1 204"), "Content-Length \(length): \(reply)")
        }
    }
}
