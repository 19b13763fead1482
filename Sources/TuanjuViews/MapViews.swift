import Foundation
import ServiceMap
import TuanjuCore

/// A service point as `map nearest/show --json` and `GET /v1/map/...` show it
/// (CLI.md: id, name, kind, lat, lon, distance_m, ...).
public struct PointJSON: Encodable, Sendable, JSONTreeConvertible {
    public let id: String
    public let external_id: String?
    public let kind: String
    public let name: String
    public let address: String
    public let lat: Double
    public let lon: Double
    public let distance_m: Double?
    public let opening_hours: String?
    /// Nil when the hours are unknown.
    public let open_now: Bool?
    public let amenities: [String]
    public let contact: String
    public let sample: Bool
    public let active: Bool
    public let updated_at: String

    public init(_ point: ServicePoint, distance: Double? = nil, at instant: Date = Date()) {
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

    /// The tree `JSONTree.encode` would make through `Encodable`, built directly: every point of every search
    /// answer comes through here.
    public var jsonTree: JSONTree {
        func optional(_ value: String?) -> JSONTree { value.map(JSONTree.string) ?? .null }
        return .object([
            "id": .string(id), "external_id": optional(external_id), "kind": .string(kind), "name": .string(name),
            "address": .string(address), "lat": .double(lat), "lon": .double(lon),
            "distance_m": distance_m.map(JSONTree.double) ?? .null, "opening_hours": optional(opening_hours),
            "open_now": open_now.map(JSONTree.bool) ?? .null, "amenities": .array(amenities.map(JSONTree.string)),
            "contact": .string(contact), "sample": .bool(sample), "active": .bool(active), "updated_at": .string(updated_at),
        ])
    }

    /// Decimetre precision: more would be noise.
    public static func rounded(_ metres: Double) -> Double { (metres * 10).rounded() / 10 }
}

extension PointJSON: JSONWritable {
    /// The keys in JSONEncoder's sorted order (`open_now` before `opening_hours`: `_` sorts before `i`).
    public func writeJSON(into bytes: inout [UInt8]) throws(JSONTreeError) {
        func string(_ value: String?) {
            if let value { JSONTree.write(string: value, into: &bytes) } else { JSONTree.write(raw: "null", into: &bytes) }
        }
        func bool(_ value: Bool?) {
            if let value { JSONTree.write(raw: value ? "true" : "false", into: &bytes) } else { JSONTree.write(raw: "null", into: &bytes) }
        }
        JSONTree.write(raw: #"{"active":"#, into: &bytes); bool(active)
        JSONTree.write(raw: #","address":"#, into: &bytes); string(address)
        JSONTree.write(raw: #","amenities":["#, into: &bytes)
        for index in amenities.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONTree.write(string: amenities[index], into: &bytes)
        }
        JSONTree.write(raw: #"],"contact":"#, into: &bytes); string(contact)
        JSONTree.write(raw: #","distance_m":"#, into: &bytes)
        if let distance_m { try JSONTree.write(double: distance_m, into: &bytes) } else { JSONTree.write(raw: "null", into: &bytes) }
        JSONTree.write(raw: #","external_id":"#, into: &bytes); string(external_id)
        JSONTree.write(raw: #","id":"#, into: &bytes); string(id)
        JSONTree.write(raw: #","kind":"#, into: &bytes); string(kind)
        JSONTree.write(raw: #","lat":"#, into: &bytes); try JSONTree.write(double: lat, into: &bytes)
        JSONTree.write(raw: #","lon":"#, into: &bytes); try JSONTree.write(double: lon, into: &bytes)
        JSONTree.write(raw: #","name":"#, into: &bytes); string(name)
        JSONTree.write(raw: #","open_now":"#, into: &bytes); bool(open_now)
        JSONTree.write(raw: #","opening_hours":"#, into: &bytes); string(opening_hours)
        JSONTree.write(raw: #","sample":"#, into: &bytes); bool(sample)
        JSONTree.write(raw: #","updated_at":"#, into: &bytes); string(updated_at)
        bytes.append(UInt8(ascii: "}"))
    }
}

/// One busy cell of `map demand`.
public struct DemandRowJSON: Encodable, Sendable {
    public let cell_lat: Double
    public let cell_lon: Double
    public let queries: Int
    public let nearest_point_id: String?
    public let nearest_distance_m: Double?

    public init(_ row: DemandRow) {
        cell_lat = row.cell.centre.lat
        cell_lon = row.cell.centre.lon
        queries = row.queries
        nearest_point_id = row.nearestPointID
        nearest_distance_m = row.nearestDistanceM.map(PointJSON.rounded)
    }
}
