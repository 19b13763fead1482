import ServiceMap

struct ServicePointEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case pointId = "point_id", externalId = "external_id", kind, name, lat, lon, active, by
    }

    let pointId: String
    let externalId: String?
    let kind: String
    let name: String
    let lat: Double
    let lon: Double
    let active: Bool
    /// Who changed it; nil when the installation loaded it itself (the seed).
    let by: String?

    var auditTarget: String? { pointId }
    static let examples = [
        ServicePointEvent(
            pointId: "pt_01J9Z3P4C1", externalId: "MSX-007", kind: "station", name: "米市巷暖心驿站", lat: 30.2843,
            lon: 120.1672, active: true, by: "usr_01J9Z3K8Q4"),
        ServicePointEvent(
            pointId: "pt_01J9Z3P4C2", externalId: nil, kind: "meal", name: "骑手优惠餐", lat: 30.2791, lon: 120.1598,
            active: false, by: nil),
    ]
}

extension ServicePointEvent {
    init(_ point: ServicePoint, by: String?) {
        self.init(
            pointId: point.id, externalId: point.externalID, kind: point.kind, name: point.name, lat: point.location.lat,
            lon: point.location.lon, active: point.active, by: by)
    }
}
