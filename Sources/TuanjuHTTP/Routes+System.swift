import Foundation
import Synchronization
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `/healthz`, `/openapi.json`, `GET /v1/me`, `GET /v1/roles`.
    static func systemRoutes(_ routes: RouteRegistry) {
        let health = HealthCache()
        routes.get("/healthz") { call in
            if let body = health.fresh() { return Response(status: .ok, headers: JSONBody.headers, body: .init(byteBuffer: body)) }
            let version = try await call.service { try $0.healthCheck() }
            let body = try JSONBody.bytes(Health(status: HTTPMsg.healthOK.text(in: .en), schema_version: version))
            health.keep(body)
            return Response(status: .ok, headers: JSONBody.headers, body: .init(byteBuffer: body))
        }
        routes.get("/openapi.json") { _ in
            JSONBody.response(text: OpenAPIDocument.text)
        }
        routes.get("/v1/me") { call in
            try JSONBody.response(CallerJSON(try await call.caller()))
        }
        routes.get("/v1/roles") { call in
            let roles = try await call.service { try $0.roles() }
            return try JSONBody.response(roles.map(RoleJSON.init))
        }
    }

    struct Health: Encodable {
        let status: String
        let schema_version: Int
    }
}

/// The last good answer of `/healthz`, reused for up to a second: a load balancer or a monitor polling many times
/// a second costs one database check a second, not one each (the check reads the schema version in a read
/// transaction, off the cooperative pool). A failing check is never kept, so a database that stops answering
/// shows within a second.
final class HealthCache: Sendable {
    static let maxAgeNanoseconds: UInt64 = 1_000_000_000
    private let last = Mutex<(at: UInt64, body: ByteBuffer)?>(nil)

    func fresh() -> ByteBuffer? {
        let now = DispatchTime.now().uptimeNanoseconds
        return last.withLock { last in
            guard let last, now &- last.at < Self.maxAgeNanoseconds else { return nil }
            return last.body
        }
    }

    func keep(_ body: ByteBuffer) {
        let now = DispatchTime.now().uptimeNanoseconds
        last.withLock { $0 = (now, body) }
    }
}
