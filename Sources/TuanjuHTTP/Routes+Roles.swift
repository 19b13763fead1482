import Foundation
import Governance
import ServiceMap
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `roles add/update/retire`, `roles categories add/retire` (staff).
    static func roleProgrammeRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/roles") { call in
            let caller = try await call.caller()
            let body = try await call.json(RoleBody.self)
            let role = try await call.service {
                try $0.addRole(caller, code: body.code, nameZh: body.name_zh, nameEn: body.name_en, description: body.description)
            }
            return try JSONBody.response(RoleChangeJSON(role), status: .created)
        }
        routes.patch("/v1/roles/{code}") { call in
            let caller = try await call.caller()
            let code = call.path("code")
            let body = try await call.json(RoleChangeBody.self)
            let role = try await call.service {
                try $0.updateRole(caller, code: code, nameZh: body.name_zh, nameEn: body.name_en, description: body.description)
            }
            return try JSONBody.response(RoleChangeJSON(role))
        }
        routes.post("/v1/roles/{code}/retire") { call in
            let caller = try await call.caller()
            let code = call.path("code")
            _ = try await call.json(EmptyBody.self)
            let role = try await call.service { try $0.retireRole(caller, code: code) }
            return try JSONBody.response(RoleChangeJSON(role))
        }
        routes.post("/v1/roles/{code}/categories") { call in
            let caller = try await call.caller()
            let role = call.path("code")
            let body = try await call.json(CategoryBody.self)
            let category = try await call.service {
                try $0.addCategory(caller, role: role, code: body.code, nameZh: body.name_zh, nameEn: body.name_en, points: body.points)
            }
            return try JSONBody.response(CategoryChangeJSON(category), status: .created)
        }
        routes.post("/v1/roles/categories/{code}/retire") { call in
            let caller = try await call.caller()
            let code = call.path("code")
            _ = try await call.json(EmptyBody.self)
            let category = try await call.service { try $0.retireCategory(caller, code: code) }
            return try JSONBody.response(CategoryChangeJSON(category))
        }
    }

    struct RoleBody: APIBody {
        static let fields = ["code", "name_zh", "name_en", "description"]
        let code: String
        let name_zh: String
        let name_en: String
        let description: String?
    }

    struct RoleChangeBody: APIBody {
        static let fields = ["name_zh", "name_en", "description"]
        let name_zh: String?
        let name_en: String?
        let description: String?
    }

    struct CategoryBody: APIBody {
        static let fields = ["code", "name_zh", "name_en", "points"]
        let code: String
        let name_zh: String
        let name_en: String
        /// `MIN-MAX`, as the CLI's --points.
        let points: String
    }
}

extension TuanjuAPI {
    /// `map kinds add/update` (staff).
    static func mapKindRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/map/kinds") { call in
            let caller = try await call.caller()
            let body = try await call.json(KindBody.self)
            let kind = try await call.service { try $0.addMapKind(caller, code: body.code, nameZh: body.name_zh, nameEn: body.name_en) }
            return try JSONBody.response(kind, status: .created)
        }
        routes.patch("/v1/map/kinds/{code}") { call in
            let caller = try await call.caller()
            let code = call.path("code")
            let body = try await call.json(KindChangeBody.self)
            let kind = try await call.service { try $0.updateMapKind(caller, code: code, nameZh: body.name_zh, nameEn: body.name_en) }
            return try JSONBody.response(kind)
        }
    }

    struct KindBody: APIBody {
        static let fields = ["code", "name_zh", "name_en"]
        let code: String
        let name_zh: String
        let name_en: String
    }

    struct KindChangeBody: APIBody {
        static let fields = ["name_zh", "name_en"]
        let name_zh: String?
        let name_en: String?
    }
}
