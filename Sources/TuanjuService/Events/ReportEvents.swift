import Reports

/// Photo payloads carry hashes, never bytes; the rider is an id, never a phone number.
struct ReportEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case reportId = "report_id", status, category, riderId = "rider_id", lat, lon, photos
        case duplicateOf = "duplicate_of", agency, agencyId = "agency_id", pointsAwarded = "points_awarded", note, by
    }

    let reportId: String
    let status: String
    let category: String
    let riderId: String
    let lat: Double?
    let lon: Double?
    let photos: [String]
    let duplicateOf: String?
    let agency: String?
    /// The agency record (nil before dispatch, and on reports dispatched before agencies were records).
    let agencyId: String?
    let pointsAwarded: Int
    let note: String
    let by: String

    var auditTarget: String? { reportId }
    static let examples = [
        ReportEvent(
            reportId: "rpt_01J9Z3S7F1", status: "accepted", category: "waterlogging", riderId: "rdr_01J9Z3M2A7",
            lat: 30.2843, lon: 120.1672, photos: ["9f2c4e0a7b1d"], duplicateOf: nil, agency: nil, agencyId: nil, pointsAwarded: 30,
            note: "积水约20厘米", by: "usr_01J9Z3K8Q4"),
        ReportEvent(
            reportId: "rpt_01J9Z3S7F2", status: "dispatched", category: "waterlogging", riderId: "rdr_01J9Z3M2B8",
            lat: nil, lon: nil, photos: [], duplicateOf: "rpt_01J9Z3S7F1", agency: "拱墅区城管局", agencyId: "agc_01J9Z3V2C1", pointsAwarded: 0,
            note: "", by: "usr_01J9Z3K8Q4"),
    ]
}

extension ReportEvent {
    init(_ report: Report, by: String, note: String) {
        self.init(
            reportId: report.id, status: report.status.rawValue, category: report.categoryCode, riderId: report.riderID,
            lat: report.location?.lat, lon: report.location?.lon, photos: report.photos, duplicateOf: report.duplicateOf,
            agency: report.agency, agencyId: report.agencyID, pointsAwarded: report.pointsAwarded, note: note, by: by)
    }
}

struct ReportsPurgedEvent: EventPayload {
    let count: Int

    var auditTarget: String? { nil }
    static let examples = [ReportsPurgedEvent(count: 17)]
}
