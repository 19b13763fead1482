import Foundation
import Hummingbird
import TuanjuService

extension TuanjuAPI {
    /// `GET /metrics`: Prometheus's text format, for an admin token or a scraper on the server's own machine.
    static func metricsRoutes(_ routes: RouteRegistry, metrics: ServerMetrics) {
        routes.get("/metrics") { call in
            // A token is checked as everywhere (401 unknown, 403 not an admin); without one, only a local reader.
            let caller = try await call.optionalCaller()
            if caller == nil, !MetricsAccess.isLocal(address: call.context.clientAddress, headers: call.request.headers) {
                throw HTTPFailure.bearerMissing
            }
            let figures = try await call.service { try $0.operationsFigures(caller) }
            return Response(
                status: .ok, headers: [.contentType: ServerMetrics.contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition(figures))))
        }
    }
}

/// Who may read `/metrics` without a token: a request from the loopback interface that did not come through a
/// proxy. A reverse proxy on the same machine connects from loopback too, so a request carrying a forwarding
/// header is treated as remote (docs/operations.md: do not proxy `/metrics`).
enum MetricsAccess {
    static let forwardingHeaders: Set<String> = ["forwarded", "x-forwarded-for", "x-real-ip"]

    static func isLocal(address: String, headers: HTTPFields) -> Bool {
        isLoopback(address) && !headers.contains { forwardingHeaders.contains($0.name.canonicalName) }
    }

    /// 127.0.0.0/8, ::1, and IPv4-mapped ::ffff:127.0.0.0/104. Anything unparsable (`-` in-process) is not.
    static func isLoopback(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes == Array(repeating: 0, count: 15) + [1] { return true }
        return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
    }
}
