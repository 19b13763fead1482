import Foundation
import ServiceMap
import TuanjuCore
import TuanjuViews

/// Human forms of a service point; the JSON shape is `TuanjuViews.PointJSON`.
extension PointJSON {
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
