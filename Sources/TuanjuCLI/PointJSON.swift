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
        guard point.openingHours != nil else { return MapCLIMsg.hoursUnknown.text }
        return (point.isOpen(at: instant) ? MapCLIMsg.openNow : MapCLIMsg.closedNow).text
    }

    static func emit(_ point: ServicePoint, json: Bool) throws {
        try Output.emit(PointJSON(point), json: json) {
            Output.fields([
                (CLIMsg.colID.text, point.id),
                (CLIMsg.colName.text, point.name),
                (MapCLIMsg.colKind.text, point.kind),
                (MapCLIMsg.colAddress.text, point.address.isEmpty ? "-" : point.address),
                ("WGS-84", String(format: "%.6f, %.6f", point.location.lat, point.location.lon)),
                (MapCLIMsg.colHours.text, point.openingHours ?? MapCLIMsg.hoursUnknown.text),
                (MapCLIMsg.colOpen.text, openText(point, at: Date())),
                (MapCLIMsg.colAmenities.text, point.amenities.isEmpty ? "-" : point.amenities.joined(separator: ", ")),
                (CLIMsg.colStatus.text, (point.active ? CLIMsg.statusActive : CLIMsg.statusDeactivated).text),
            ])
        }
    }
}
