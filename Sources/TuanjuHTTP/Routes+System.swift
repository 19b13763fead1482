import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `/healthz`, `/openapi.json`, `GET /v1/me`, `GET /v1/roles`.
    static func systemRoutes(_ routes: RouteRegistry) {
        routes.get("/healthz") { call in
            let version = try await call.service { try $0.healthCheck() }
            return try JSONBody.response(Health(status: HTTPMsg.healthOK.text(in: .en), schema_version: version))
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
