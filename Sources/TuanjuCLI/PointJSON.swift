import Foundation
import ServiceMap
import TuanjuCore

/// A service point as the CLI shows it (`--json` shape of CLI.md: id, name, kind, lat, lon, distance_m, ...).
struct PointJSON: Encodable {
    let id: String
    let external_id: String?
    let kind: String
    let name: String
    let address: String
    let lat: Double
    let lon: Double
    let distance_m: Double?
    let opening_hours: String?
    /// Nil when the hours are unknown.
    let open_now: Bool?
    let amenities: [String]
    let contact: String
    let sample: Bool
    let active: Bool
    let updated_at: String

    init(_ point: ServicePoint, distance: Double? = nil, at instant: Date = Date()) {
        id = point.id
        external_id = point.externalID
        kind = point.kind
        name = point.name
        address = point.address
        lat = point.location.lat
        lon = point.location.lon
        distance_m = distance.map(Self.rounded)
        opening_hours = point.openingHours
        open_now = point.openingHours == nil ? nil : point.isOpen(at: instant)
        amenities = point.amenities
        contact = point.contact
        sample = point.sample
        active = point.active
        updated_at = point.updatedAt
    }

    /// Decimetre precision: more would be noise.
    static func rounded(_ metres: Double) -> Double { (metres * 10).rounded() / 10 }

    /// `85 m`, `1.2 km`.
    static func metres(_ metres: Double) -> String {
        metres < 1000 ? "\(Int(metres.rounded())) m" : String(format: "%.1f km", metres / 1000)
    }

    static func openText(_ point: ServicePoint, at instant: Date) -> String {
        guard point.openingHours != nil else { return MapMsg.hoursUnknown.text }
        return (point.isOpen(at: instant) ? MapMsg.openNow : MapMsg.closedNow).text
    }

    static func emit(_ point: ServicePoint, json: Bool) throws {
        try Output.emit(PointJSON(point), json: json) {
            Output.fields([
                (Msg.colID.text, point.id),
                (Msg.colName.text, point.name),
                (MapMsg.colKind.text, point.kind),
                (MapMsg.colAddress.text, point.address.isEmpty ? "-" : point.address),
                ("WGS-84", String(format: "%.6f, %.6f", point.location.lat, point.location.lon)),
                (MapMsg.colHours.text, point.openingHours ?? MapMsg.hoursUnknown.text),
                (MapMsg.colOpen.text, openText(point, at: Date())),
                (MapMsg.colAmenities.text, point.amenities.isEmpty ? "-" : point.amenities.joined(separator: ", ")),
                (Msg.colStatus.text, (point.active ? Msg.statusActive : Msg.statusDeactivated).text),
            ])
        }
    }
}
