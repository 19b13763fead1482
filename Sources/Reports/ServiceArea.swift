import Foundation
import GRDB
import TuanjuCore

/// Where the subdistrict takes reports: one or more polygons (GeoJSON ring order: [longitude, latitude]).
public struct ServiceArea: Sendable, Equatable, Codable {
    public let code: String
    public let name: String
    /// A closed ring of [lon, lat] positions.
    public let ring: [[Double]]

    public init(code: String, name: String, ring: [[Double]]) throws(InputError) {
        guard ring.count >= 4, ring.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isFinite) }), ring.first == ring.last else {
            throw .invalid(ReportMsg.areaRingInvalid, ["code": code])
        }
        self.code = code
        self.name = name
        self.ring = ring
    }

    /// Even-odd ray casting; a point on an edge may fall either way, which a 1 cm edge case cannot matter for.
    public func contains(_ point: Coordinate) -> Bool {
        var inside = false
        var previous = ring[ring.count - 1]
        for vertex in ring {
            let (x1, y1, x2, y2) = (previous[0], previous[1], vertex[0], vertex[1])
            if (y1 > point.lat) != (y2 > point.lat) {
                let crossing = x1 + (point.lat - y1) / (y2 - y1) * (x2 - x1)
                if point.lon < crossing { inside.toggle() }
            }
            previous = vertex
        }
        return inside
    }
}

public enum ServiceAreas {
    public static func load(_ db: Database, _ areas: [ServiceArea]) throws {
        for area in areas {
            let ring = String(decoding: try JSONEncoder().encode(area.ring), as: UTF8.self)
            try db.execute(
                sql: "INSERT OR REPLACE INTO service_areas (code, name, ring) VALUES (?, ?, ?)",
                arguments: [area.code, area.name, ring])
        }
    }

    public static func all(_ db: Database) throws -> [ServiceArea] {
        try Row.fetchAll(db, sql: "SELECT code, name, ring FROM service_areas ORDER BY code").map { row in
            let ring = try JSONDecoder().decode([[Double]].self, from: Data((row[2] as String).utf8))
            return try ServiceArea(code: row[0], name: row[1], ring: ring)
        }
    }

    /// Refuses a position outside every area (65). With no area defined, everywhere is inside.
    public static func require(_ db: Database, _ point: Coordinate) throws {
        let areas = try all(db)
        guard !areas.isEmpty, !areas.contains(where: { $0.contains(point) }) else { return }
        throw InputError.invalid(ReportMsg.outsideServiceArea, [
            "lat": String(format: "%.5f", point.lat), "lon": String(format: "%.5f", point.lon),
            "area": areas.map(\.name).joined(separator: ", "),
        ])
    }
}
