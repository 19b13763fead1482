import CSVReader
import Foundation
import GRDB
import TuanjuCore

/// Writes the map as GeoJSON or CSV, streaming row by row (WGS-84, active points only).
public enum MapExport {
    public enum Format: String, Sendable, CaseIterable { case geojson, csv }

    public static let csvHeader = ["id"] + MapImport.csvHeader

    /// Calls `write` with successive chunks of the file. Returns how many points were written.
    @discardableResult
    public static func run(_ db: Database, format: Format, kind: String?, write: (String) throws -> Void) throws -> Int {
        if let kind { try ServicePoints.requireKind(db, kind) }
        let cursor = try ServicePoints.all(db, activeOnly: true, kind: kind)
        var count = 0
        switch format {
        case .csv:
            try write(CSVWriter.header(csvHeader))
            while let row = try cursor.next() {
                try write(csvLine(try ServicePoint(row: row)))
                count += 1
            }
        case .geojson:
            try write("{\"type\":\"FeatureCollection\",\"features\":[")
            while let row = try cursor.next() {
                try write((count == 0 ? "\n" : ",\n") + (try feature(try ServicePoint(row: row))))
                count += 1
            }
            try write("\n]}\n")
        }
        return count
    }

    static func csvLine(_ point: ServicePoint) -> String {
        CSVWriter.line([
            .text(point.id), .text(point.externalID), .text(point.kind), .text(point.name), .text(point.address),
            .number(point.location.lat), .number(point.location.lon), .text(point.openingHours),
            .text(point.amenities.joined(separator: ",")), .text(point.contact),
        ])
    }

    struct Feature: Encodable {
        struct Geometry: Encodable {
            let type = "Point"
            let coordinates: [Double]
        }

        struct Properties: Encodable {
            let external_id: String?
            let kind: String
            let name: String
            let address: String
            let opening_hours: String?
            let amenities: [String]
            let contact: String
            let sample: Bool
            let updated_at: String
        }

        let type = "Feature"
        let id: String
        let geometry: Geometry
        let properties: Properties
    }

    static func feature(_ point: ServicePoint) throws -> String {
        let feature = Feature(
            id: point.id, geometry: .init(coordinates: [point.location.lon, point.location.lat]),
            properties: .init(
                external_id: point.externalID, kind: point.kind, name: point.name, address: point.address,
                opening_hours: point.openingHours, amenities: point.amenities, contact: point.contact,
                sample: point.sample, updated_at: point.updatedAt))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(feature), as: UTF8.self)
    }
}
