import Foundation
import GRDB
import TuanjuCore

/// A place on the warm-heart map (暖心地图): a rest station, a convenience box, a discounted meal, ...
/// Stored in WGS-84.
public struct ServicePoint: Sendable, Equatable {
    public var id: String
    public var externalID: String?
    public var kind: String
    public var name: String
    public var address: String
    public var location: Coordinate
    /// OpenStreetMap `opening_hours` text; nil when unknown (such a point never counts as open now).
    public var openingHours: String?
    public var amenities: [String]
    public var contact: String
    /// Sample data shipped in Seed, not a real place.
    public var sample: Bool
    public var active: Bool
    public var createdAt: String
    public var updatedAt: String

    static let columns = """
        id, external_id, kind, name, address, lat, lon, opening_hours, amenities, contact, sample, active,
        created_at, updated_at
        """

    init(row: Row) throws { try self.init(columns: row) }

    /// Decodes the columns in `ServicePoint.columns` order, from a GRDB row or a raw statement row.
    init(columns row: some ColumnSource) throws {
        id = row.text(0) ?? ""
        externalID = row.text(1)
        kind = row.text(2) ?? ""
        name = row.text(3) ?? ""
        address = row.text(4) ?? ""
        location = try Coordinate(lat: row.double(5), lon: row.double(6))
        openingHours = row.text(7)
        amenities = (row.text(8) ?? "").split(separator: ",").map(String.init)
        contact = row.text(9) ?? ""
        sample = row.int(10) != 0
        active = row.int(11) != 0
        createdAt = row.text(12) ?? ""
        updatedAt = row.text(13) ?? ""
    }

    /// Whether the point is open at `date` in Asia/Shanghai. Unknown hours count as closed.
    public func isOpen(at date: Date) -> Bool {
        guard let openingHours, let hours = OpeningHours.parsed(openingHours) else { return false }
        return hours.isOpen(at: date, in: OpeningHours.shanghai)
    }
}

/// A kind of service point, seeded (station, box, meal; more can be added to the seed).
public struct ServicePointKind: Sendable, Equatable, Codable {
    public let code: String
    public let name: String
    public let nameZh: String

    enum CodingKeys: String, CodingKey {
        case code, name
        case nameZh = "name_zh"
    }

    public init(code: String, name: String, nameZh: String) {
        self.code = code
        self.name = name
        self.nameZh = nameZh
    }
}

/// The amenities a point may list. Unknown words are refused so that filters and exports stay clean.
public enum Amenity {
    public static let known: [String] = [
        "water", "charging", "toilet", "microwave", "first_aid", "umbrella", "wifi", "seating", "air_conditioning",
        "repair_kit", "locker", "medicine",
    ]

    /// Parses `water, charging;toilet` into sorted, distinct known codes.
    public static func parse(_ text: String) throws(InputError) -> [String] {
        let words = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_") }
            .filter { !$0.isEmpty }
        for word in words where !known.contains(word) {
            throw .invalid(MapMsg.amenityUnknown, ["value": word, "known": known.joined(separator: ", ")])
        }
        return Array(Set(words)).sorted()
    }
}
