import Reports

/// An agency record as webhooks see it: whether a key is stored, never the key.
struct AgencyEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id", name, open311Endpoint = "open311_endpoint", jurisdictionId = "jurisdiction_id"
        case services, apiKeySet = "api_key_set", retired, by
    }

    let agencyId: String
    let name: String
    let open311Endpoint: String?
    let jurisdictionId: String?
    /// A list rather than an object: the catalogue derives schemas from examples, and category codes are data.
    let services: [ServiceCode]
    let apiKeySet: Bool
    let retired: Bool
    let by: String

    struct ServiceCode: Encodable, Sendable {
        enum CodingKeys: String, CodingKey { case category, serviceCode = "service_code" }
        let category: String
        let serviceCode: String
    }

    var auditTarget: String? { agencyId }
    static let examples = [
        AgencyEvent(
            agencyId: "agc_01J9Z3V2C1", name: "拱墅区城管局", open311Endpoint: "https://open311.example.gov.cn/v2/",
            jurisdictionId: "gongshu.hz", services: [ServiceCode(category: "manhole-cover", serviceCode: "101")], apiKeySet: true, retired: false,
            by: "usr_01J9Z3K8Q4"),
        AgencyEvent(
            agencyId: "agc_01J9Z3V2C2", name: "区市场监管局", open311Endpoint: nil, jurisdictionId: nil, services: [],
            apiKeySet: false, retired: true, by: "usr_01J9Z3K8Q4"),
    ]
}

extension AgencyEvent {
    init(_ agency: Agency, by caller: Caller) {
        self.init(
            agencyId: agency.id, name: agency.name, open311Endpoint: agency.open311Endpoint, jurisdictionId: agency.jurisdictionID,
            services: agency.services.sorted { $0.key < $1.key }.map { ServiceCode(category: $0.key, serviceCode: $0.value) },
            apiKeySet: agency.hasAPIKey, retired: agency.isRetired, by: caller.id)
    }
}
