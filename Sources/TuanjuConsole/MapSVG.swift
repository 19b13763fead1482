import Foundation
import Reports
import ServiceMap
import TuanjuCore

/// The map drawn on the server as SVG, no tiles: the service-area outline (or, without one, the box around the
/// points), demand cells as a heat layer, service points and reports. Styled by classes in console.css (the CSP
/// allows no inline style); every text is escaped here, as the templates escape theirs.
struct MapSVG {
    let areas: [ServiceArea]
    let points: [ServicePoint]
    let pins: [ReportPin]
    let demand: [DemandRow]
    var highlight: String?

    /// A plane projection good enough for a subdistrict: longitude shrunk by the cosine of the latitude.
    struct Frame {
        let minLon: Double, maxLat: Double, scale: Double, shrink: Double, offsetX: Double, offsetY: Double

        func x(_ lon: Double) -> Double { offsetX + (lon - minLon) * shrink * scale }
        func y(_ lat: Double) -> Double { offsetY + (maxLat - lat) * scale }
    }

    /// The box to draw: the service area's when there is one, else every point's; padded by a twentieth.
    func bounds() -> (minLat: Double, maxLat: Double, minLon: Double, maxLon: Double)? {
        var lats: [Double] = [], lons: [Double] = []
        if areas.isEmpty {
            for point in points { lats.append(point.location.lat); lons.append(point.location.lon) }
            for pin in pins { lats.append(pin.location.lat); lons.append(pin.location.lon) }
            for row in demand { lats.append(row.cell.centre.lat); lons.append(row.cell.centre.lon) }
        } else {
            for vertex in areas.flatMap(\.ring) { lons.append(vertex[0]); lats.append(vertex[1]) }
        }
        guard let minLat = lats.min(), let maxLat = lats.max(), let minLon = lons.min(), let maxLon = lons.max() else { return nil }
        let padLat = max((maxLat - minLat) / 20, 0.002), padLon = max((maxLon - minLon) / 20, 0.002)
        return (minLat - padLat, maxLat + padLat, minLon - padLon, maxLon + padLon)
    }

    func render(names: Names, language: Language, width: Double, height: Double) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        svg += "<rect class=\"sea\" x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\"/>"
        guard let box = bounds() else { return svg + "</svg>" }
        let shrink = cos((box.minLat + box.maxLat) / 2 * .pi / 180)
        let spanX = (box.maxLon - box.minLon) * shrink, spanY = box.maxLat - box.minLat
        let scale = min(width / spanX, height / spanY)
        let frame = Frame(minLon: box.minLon, maxLat: box.maxLat, scale: scale, shrink: shrink,
                          offsetX: (width - spanX * scale) / 2, offsetY: (height - spanY * scale) / 2)
        for area in areas {
            let path = area.ring.map { "\(Markup.number(frame.x($0[0]))),\(Markup.number(frame.y($0[1])))" }.joined(separator: " ")
            svg += "<polygon class=\"area\" points=\"\(path)\"><title>\(Markup.escape(area.name))</title></polygon>"
        }
        let busiest = Double(demand.map(\.queries).max() ?? 1)
        let cellWidth = DemandCell.lonStep * shrink * scale, cellHeight = DemandCell.latStep * scale
        for row in demand {
            let centre = row.cell.centre
            let opacity = 0.15 + 0.6 * Double(row.queries) / busiest
            svg += "<rect class=\"heat\" x=\"\(Markup.number(frame.x(centre.lon) - cellWidth / 2))\" y=\"\(Markup.number(frame.y(centre.lat) - cellHeight / 2))\" "
                + "width=\"\(Markup.number(cellWidth))\" height=\"\(Markup.number(cellHeight))\" fill-opacity=\"\(String(format: "%.2f", opacity))\">"
                + "<title>\(row.queries)</title></rect>"
        }
        for point in points {
            svg += "<rect class=\"point\" x=\"\(Markup.number(frame.x(point.location.lon) - 3))\" y=\"\(Markup.number(frame.y(point.location.lat) - 3))\" width=\"6\" height=\"6\">"
                + "<title>\(Markup.escape(point.name))</title></rect>"
        }
        for pin in pins {
            let big = pin.id == highlight
            let label = "\(pin.id) · \(names.category(pin.categoryCode)) · \(Names.status(pin.status, language)) · \(Markup.localTime(pin.submittedAt))"
            svg += "<a href=\"/console/reports/\(Markup.escape(pin.id))\"><circle class=\"pin s-\(pin.status.rawValue)\(big ? " here" : "")\" "
                + "cx=\"\(Markup.number(frame.x(pin.location.lon)))\" cy=\"\(Markup.number(frame.y(pin.location.lat)))\" r=\"\(big ? 9 : 5)\">"
                + "<title>\(Markup.escape(label))</title></circle></a>"
        }
        return svg + "</svg>"
    }
}
