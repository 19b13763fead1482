import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `agencies add/update/list/retire`. The API key is write-only: no response carries it.
    static func agencyRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/agencies") { call in
            let caller = try await call.caller()
            let retired = try call.queryBool("include_retired") ?? false
            let page = try call.page()
            let agencies = try await call.service { try $0.listAgencies(caller, includeRetired: retired, page: page) }
            return try JSONBody.page(agencies.map(AgencyJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/agencies") { call in
            let caller = try await call.caller()
            let body = try await call.json(AgencyBody.self)
            let changes = try body.changes()
            let agency = try await call.service { try $0.addAgency(caller, changes) }
            return try JSONBody.response(AgencyJSON(agency), status: .created)
        }
        routes.patch("/v1/agencies/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(AgencyBody.self)
            let changes = try body.changes()
            let agency = try await call.service { try $0.updateAgency(caller, id: id, changes) }
            return try JSONBody.response(AgencyJSON(agency))
        }
        routes.post("/v1/agencies/sync") { call in
            let caller = try await call.caller()
            _ = try await call.json(EmptyBody.self)
            // The placeholder base names no real host: an agency is better off without a media_url.
            let base = call.config.mediaBaseURL == ServerConfiguration.defaultMediaBaseURL ? nil : call.config.mediaBaseURL
            let summary = try await call.service { try $0.syncAgencies(caller, mediaBaseURL: base) }
            return try JSONBody.response(AgencySyncJSON(summary))
        }
        routes.post("/v1/agencies/{id}/retire") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let agency = try await call.service { try $0.retireAgency(caller, id: id) }
            return try JSONBody.response(AgencyJSON(agency))
        }
    }

    /// The body of POST and PATCH: on PATCH, an absent field stays; "" removes an endpoint, key or jurisdiction.
    struct AgencyBody: APIBody {
        static let fields = ["name", "open311_endpoint", "api_key", "jurisdiction_id", "services", "allow_private"]
        let name: String?
        let open311_endpoint: String?
        let api_key: String?
        let jurisdiction_id: String?
        let services: [String: String]?
        let allow_private: Bool?

        func changes() throws -> AgencyChanges {
            var changes = AgencyChanges()
            changes.name = name
            changes.open311Endpoint = open311_endpoint
            changes.apiKey = api_key
            changes.jurisdictionID = jurisdiction_id
            changes.services = services ?? [:]
            changes.allowPrivate = allow_private
            return changes
        }
    }
}

extension OpenAPIDocument {
    static let agencyFields: KeyValuePairs<String, JSON> = [
        "name": Schema.optional(Schema.label(200)),
        "open311_endpoint": Schema.optional(Schema.example(Schema.string, "https://open311.example.gov.cn/v2/")),
        "api_key": Schema.optional(Schema.string.merging(["description": "write-only: stored, never returned"]) { $1 }),
        "jurisdiction_id": Schema.optional(Schema.string),
        "services": Schema.optional(["type": "object", "additionalProperties": Schema.string,
                                     "description": "report category code → the agency's service_code"] as JSON),
        "allow_private": Schema.optional(Schema.boolean),
    ]

    /// POST's properties: PATCH's, with a name that must be given.
    static var addProperties: JSON {
        var properties = Schema.object(agencyFields)["properties"] as? JSON ?? [:]
        properties["name"] = Schema.label(200)
        return properties
    }

    static let agencyOperations: [Operation] = [
        Operation(method: "GET", path: "/v1/agencies", summary: "Agencies in service (staff)", access: .bearer,
                  query: ["include_retired": Schema.boolean], response: Schema.array(Schema.ref("Agency"))),
        Operation(method: "POST", path: "/v1/agencies", summary: "Add an agency (admin)", access: .bearer,
                  body: Schema.object(agencyFields).merging(["required": ["name"], "properties": addProperties]) { $1 }, status: 201,
                  response: Schema.ref("Agency")),
        Operation(method: "PATCH", path: "/v1/agencies/{id}", summary: "Change an agency (admin)", access: .bearer,
                  body: Schema.change(agencyFields), response: Schema.ref("Agency")),
        Operation(method: "POST", path: "/v1/agencies/sync",
                  summary: "One pass of the Open311 loop now: send due dispatches, read statuses back (admin)", access: .bearer,
                  body: Schema.object([:]), response: Schema.ref("AgencySync")),
        Operation(method: "POST", path: "/v1/agencies/{id}/retire", summary: "Retire an agency (admin)", access: .bearer,
                  body: Schema.object([:]), response: Schema.ref("Agency")),
    ]
}

extension Schema {
    static let agencySchemas: JSON = [
        "Agency": object([
            "id": string, "name": string, "open311_endpoint": optional(string), "jurisdiction_id": optional(string),
            "services": ["type": "object", "additionalProperties": string] as JSON, "api_key_set": boolean,
            "allow_private": boolean, "created_at": time, "updated_at": time, "retired_at": optional(time),
        ]),
        "AgencySync": object([
            "sent": integer, "retrying": integer, "dead": integer, "polled": integer, "updated": integer, "resolved": integer,
            "poll_failures": integer,
        ]),
    ]
}
