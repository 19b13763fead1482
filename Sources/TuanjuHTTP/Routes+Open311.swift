import Foundation
import Hummingbird
import Reports
import ServiceMap
import TuanjuCore
import TuanjuService
import TuanjuViews

/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), JSON format only. A service is a report
/// category; a service request is a report. Errors are `[{"code", "description"}]` (see FrontMiddleware).
extension TuanjuAPI {
    static let open311Changeset = "2026-11-29T00:00:00Z"
    /// Fields of a POST that Tuanju reads; the spec's others (address_string, email, names, phone, ...) are
    /// accepted and ignored, so no personal data beyond the report is taken in.
    static let open311TextFields = ["api_key", "service_code", "lat", "long", "description", "jurisdiction_id"]

    static func open311Routes(_ routes: RouteRegistry) {
        routes.get("/open311/v2/discovery.json") { call in
            let host = call.request.head.authority ?? "\(call.config.host):\(call.config.port)"
            return try JSONBody.response(Discovery(
                changeset: open311Changeset, contact: HTTPMsg.open311Contact.text, key_service: HTTPMsg.open311KeyService.text,
                endpoints: [.init(specification: "http://wiki.open311.org/GeoReport_v2", url: "http://\(host)/open311/v2",
                                  changeset: open311Changeset, type: "production", formats: ["application/json"])]))
        }
        routes.get("/open311/v2/services.json") { call in
            let roles = try await call.service { try $0.roles() }
            return try JSONBody.response(Open311ServiceJSON.all(roles))
        }
        routes.get("/open311/v2/services/{service_code}.json") { call in
            let code = call.path("service_code")
            let roles = try await call.service { try $0.roles() }
            guard Open311ServiceJSON.all(roles).contains(where: { $0.service_code == code }) else {
                throw ReportError.categoryNotFound(code: code)
            }
            return try JSONBody.response(ServiceDefinition(service_code: code, attributes: []))
        }
        routes.get("/open311/v2/requests.json") { call in
            let caller = try await open311Caller(call, key: call.query("api_key"))
            let filter = try open311Filter(call)
            let base = call.config.mediaBaseURL
            let text = try await call.service { try $0.open311Requests(caller, filter, mediaBaseURL: base) }
            return JSONBody.response(text: text)
        }
        routes.get("/open311/v2/requests/{service_request_id}.json") { call in
            let caller = try await open311Caller(call, key: call.query("api_key"))
            let id = call.path("service_request_id")
            let base = call.config.mediaBaseURL
            let text = try await call.service { try $0.open311Request(caller, id: id, mediaBaseURL: base) }
            return JSONBody.response(text: text)
        }
        routes.post("/open311/v2/requests.json") { call in
            // Form-encoded, as the spec says, carries no photo: read it to check the key, then refuse clearly.
            if call.mediaType == "application/x-www-form-urlencoded" {
                let fields = FormFields.urlEncoded(try await call.bodyBytes(max: call.config.maxBodyBytes))
                guard try await open311Caller(call, key: fields["api_key"]) != nil else { throw HTTPFailure.apiKeyMissing }
                throw HTTPFailure.invalid(HTTPMsg.open311MediaRequired)
            }
            let upload = try await PhotoUpload.read(&call, photoField: "media", textFields: open311TextFields, strict: false)
            let fields = upload.fields
            guard let caller = try await open311Caller(call, key: fields["api_key"]) else { throw HTTPFailure.apiKeyMissing }
            guard let code = fields["service_code"] else { throw HTTPFailure.invalid(HTTPMsg.fieldMissing, ["field": "service_code"]) }
            guard !upload.photos.isEmpty else { throw HTTPFailure.invalid(HTTPMsg.open311MediaRequired) }
            var location: Coordinate?
            if fields["lat"] != nil || fields["long"] != nil {
                location = try Coordinate(parsingLat: fields["lat"], lon: fields["long"], system: .wgs84)
            }
            let photos = upload.inputs
            let report = try await call.service { [location] app in
                try app.submitReport(caller, ReportSubmission(
                    category: code, location: location, note: fields["description"], photos: photos))
            }
            return try JSONBody.response([Created(service_request_id: report.id, service_notice: HTTPMsg.open311Notice.text)])
        }
    }

    /// The caller of an api_key (or a bearer token), nil without either; an unknown key is refused (403).
    static func open311Caller(_ call: Call, key: String?) async throws -> Caller? {
        if let key, !key.isEmpty { return try await call.authenticate(key) }
        return try await call.optionalCaller()
    }

    /// The query of `GET requests.json`.
    static func open311Filter(_ call: Call) throws -> Open311Filter {
        var filter = Open311Filter()
        filter.ids = list(call.query("service_request_id"))
        filter.serviceCodes = list(call.query("service_code"))
        filter.start = try call.query("start_date").map { try open311Date("start_date", $0) }
        filter.end = try call.query("end_date").map { try open311Date("end_date", $0) }
        let statuses = Set(list(call.query("status")).map { $0.lowercased() })
        if let unknown = statuses.subtracting(["open", "closed"]).first {
            throw HTTPFailure.invalid(HTTPMsg.open311StatusInvalid, ["value": unknown])
        }
        if statuses.count == 1 { filter.open = statuses.contains("open") }
        return filter
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func open311Date(_ name: String, _ text: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw HTTPFailure.invalid(HTTPMsg.open311DateInvalid, ["name": name, "value": text])
        }
        return date
    }

    struct Discovery: Encodable {
        struct Endpoint: Encodable {
            let specification: String
            let url: String
            let changeset: String
            let type: String
            let formats: [String]
        }

        let changeset: String
        let contact: String
        let key_service: String
        let endpoints: [Endpoint]
    }

    struct ServiceDefinition: Encodable {
        let service_code: String
        let attributes: [String]
    }

    /// The answer to a POST: the new request's id, a notice, and `account_id` (always null: never echoed).
    struct Created: Encodable {
        let service_request_id: String
        let service_notice: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(service_request_id, forKey: .service_request_id)
            try container.encode(service_notice, forKey: .service_notice)
            try container.encodeNil(forKey: .account_id)
        }

        enum CodingKeys: String, CodingKey { case service_request_id, service_notice, account_id }
    }
}
