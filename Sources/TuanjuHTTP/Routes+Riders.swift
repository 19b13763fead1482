import Foundation
import Hummingbird
import Riders
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `riders register/list/show/update/deactivate/reactivate/token`. `me` stands for the calling rider's id.
    static func riderRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/riders") { call in
            let caller = try await call.caller()
            let body = try await call.json(RegisterRider.self)
            let issued = try await call.service {
                try $0.registerRider(caller, name: body.name, phone: body.phone, platform: body.platform,
                                     partyMember: body.party_member ?? false, branch: body.branch)
            }
            return try JSONBody.response(RiderJSON(issued.profile, token: issued.token), status: .created)
        }
        routes.get("/v1/riders") { call in
            let caller = try await call.caller()
            var filter = RiderFilter()
            filter.platform = try call.query("platform").map { text throws(InputError) in try Platform(parsing: text) }
            filter.partyMember = try call.queryBool("party_member")
            filter.branch = call.query("branch")
            filter.nameContains = call.query("name")
            if let status = call.query("status") {
                guard let parsed = RiderFilter.Status(rawValue: status) else {
                    throw Call.queryError("status", type: "active|inactive|all", value: status)
                }
                filter.status = parsed
            }
            let page = try call.page()
            let riders = try await call.service { [filter] in try $0.listRiders(caller, filter, page: page) }
            return try JSONBody.page(riders.map { RiderJSON($0) }, for: call.request, limit: page.limit)
        }
        routes.get("/v1/riders/{id}") { call in
            let caller = try await call.caller()
            let id = riderID(call)
            let profile = try await call.service { try $0.rider(caller, id: id) }
            return try JSONBody.response(RiderJSON(profile))
        }
        routes.patch("/v1/riders/{id}") { call in
            let caller = try await call.caller()
            let id = riderID(call)
            let body = try await call.json(UpdateRider.self)
            let profile = try await call.service { try $0.updateRider(caller, id: id, body.changes) }
            return try JSONBody.response(RiderJSON(profile))
        }
        routes.post("/v1/riders/{id}/deactivate") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let profile = try await call.service { try $0.deactivateRider(caller, id: id) }
            return try JSONBody.response(RiderJSON(profile))
        }
        routes.post("/v1/riders/{id}/reactivate") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let profile = try await call.service { try $0.reactivateRider(caller, id: id) }
            return try JSONBody.response(RiderJSON(profile))
        }
        routes.post("/v1/riders/{id}/token") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let issued = try await call.service { try $0.issueRiderToken(caller, id: id) }
            return try JSONBody.response(RiderJSON(issued.profile, token: issued.token), status: .created)
        }
    }

    /// `me` is the calling rider (the CLI's `riders show` without an id).
    static func riderID(_ call: Call) -> String? {
        let id = call.path("id")
        return id == "me" ? nil : id
    }

    struct RegisterRider: APIBody {
        static let fields = ["name", "phone", "platform", "party_member", "branch"]
        let name: String
        let phone: String
        let platform: String
        let party_member: Bool?
        let branch: String?
    }

    /// Every field optional; `"branch": null` clears the branch, leaving it out keeps it.
    struct UpdateRider: APIBody {
        static let fields = ["name", "phone", "platform", "party_member", "branch", "language", "quiet_hours"]
        let changes: RiderChanges

        enum CodingKeys: String, CodingKey { case name, phone, platform, party_member, branch, language, quiet_hours }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var changes = RiderChanges()
            changes.name = try container.decodeIfPresent(String.self, forKey: .name)
            changes.phone = try container.decodeIfPresent(String.self, forKey: .phone)
            changes.platform = try container.decodeIfPresent(String.self, forKey: .platform)
            changes.language = try container.decodeIfPresent(String.self, forKey: .language)
            changes.quietHours = try container.decodeIfPresent(String.self, forKey: .quiet_hours)
            changes.partyMember = try container.decodeIfPresent(Bool.self, forKey: .party_member)
            if container.contains(.branch) { changes.branch = .some(try container.decodeIfPresent(String.self, forKey: .branch)) }
            self.changes = changes
        }
    }
}
