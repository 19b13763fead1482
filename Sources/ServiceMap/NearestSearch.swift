import Foundation
import GRDB
import TuanjuCore

/// What a rider asks the map: the nearest points to a position.
public struct NearestQuery: Sendable, Equatable {
    public static let limits = 1...100
    public static let defaultLimit = 5

    public var origin: Coordinate
    public var kind: String?
    public var limit: Int
    /// Only points at most this many metres away; nil searches outwards until `limit` points are found.
    public var within: Double?
    /// Only points open at this instant (Asia/Shanghai hours).
    public var openAt: Date?

    public init(
        origin: Coordinate, kind: String? = nil, limit: Int = NearestQuery.defaultLimit, within: Double? = nil,
        openAt: Date? = nil
    ) throws(InputError) {
        guard Self.limits.contains(limit) else {
            throw .invalid(.limitRange, ["value": "\(limit)", "min": "\(Self.limits.lowerBound)", "max": "\(Self.limits.upperBound)"])
        }
        if let within { guard within.isFinite, within > 0 else { throw .invalid(MapMsg.withinInvalid, ["value": "\(within)"]) } }
        self.origin = origin
        self.kind = kind?.trimmingCharacters(in: .whitespaces).lowercased()
        self.limit = limit
        self.within = within
        self.openAt = openAt
    }
}

/// A search result: the point and its great-circle distance.
public struct NearbyPoint: Sendable, Equatable {
    public let point: ServicePoint
    public let distanceM: Double
}

/// Nearest search over the R*Tree: look in the box around a circle, keep what is inside the circle, and widen
/// the circle until it holds `limit` matching points (or reaches `within`). Every point inside the circle is
/// inside its box, so the points found are exactly the nearest ones a full scan would find.
///
/// The index stores each point as a float32 box a few decimetres wide, so it gives a lower bound of each
/// candidate's distance; exact positions (with kind and hours) are read only for candidates whose lower bound
/// can still beat the results so far, nearest bound first.
public enum NearestSearch {
    static let earthRadius = 6_371_008.8
    static let firstRadius = 250.0
    static let halfCircumference = Double.pi * earthRadius

    struct Candidate {
        let rid: Int64
        /// No point of the candidate's box is nearer than this.
        let lowerBound: Double
    }

    struct Found {
        let rid: Int64
        let distance: Double
    }

    public static func search(_ db: Database, _ query: NearestQuery) throws -> [NearbyPoint] {
        if let kind = query.kind { try ServicePoints.requireKind(db, kind) }
        let ceiling = min(query.within ?? halfCircumference, halfCircumference)
        var radius = min(firstRadius, ceiling)
        var hoursCache: [String: OpeningHours?] = [:]
        while true {
            let candidates = try self.candidates(db, query.origin, radius: radius)
            let found = try nearest(db, candidates, query, radius: radius, hoursCache: &hoursCache)
            if found.count >= query.limit || radius >= ceiling {
                return try found.map { NearbyPoint(point: try point(db, rid: $0.rid), distanceM: $0.distance) }
            }
            radius = min(radius * 2, ceiling)
        }
    }

    /// Index entries whose box may hold a point at most `radius` metres away, nearest bound first.
    static func candidates(_ db: Database, _ origin: Coordinate, radius: Double) throws -> [Candidate] {
        let box = BoundingBox(around: origin, radius: radius)
        let statement = try db.cachedStatement(sql: """
            SELECT rid, min_lat, max_lat, min_lon, max_lon FROM service_points_rtree
            WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?
            """)
        statement.setUncheckedArguments([box.minLat, box.maxLat, box.minLon, box.maxLon])
        var found: [Candidate] = []
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            let minLat: Double = row[1], maxLat: Double = row[2], minLon: Double = row[3], maxLon: Double = row[4]
            let centreLat = (minLat + maxLat) / 2, centreLon = (minLon + maxLon) / 2
            // The true point is in the box: within half the box's diagonal of its centre.
            let slack = haversine(centreLat, centreLon, maxLat, maxLon) + 1e-6
            let bound = haversine(origin.lat, origin.lon, centreLat, centreLon) - slack
            if bound <= radius { found.append(Candidate(rid: row[0], lowerBound: bound)) }
        }
        return found.sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.rid < $1.rid }
    }

    /// The `limit` nearest matching points within `radius`: exact positions are read nearest bound first, and
    /// the walk stops once no remaining bound can beat the `limit`-th distance found.
    static func nearest(
        _ db: Database, _ candidates: [Candidate], _ query: NearestQuery, radius: Double,
        hoursCache: inout [String: OpeningHours?]
    ) throws -> [Found] {
        let statement = try db.cachedStatement(sql: "SELECT lat, lon, opening_hours, kind FROM service_points WHERE rid = ?")
        var best: [Found] = []
        for candidate in candidates {
            if best.count >= query.limit, candidate.lowerBound > best[query.limit - 1].distance { break }
            guard let row = try Row.fetchOne(statement, arguments: [candidate.rid]) else { continue }
            if let kind = query.kind, row[3] as String != kind { continue }
            let distance = haversine(query.origin.lat, query.origin.lon, row[0], row[1])
            guard distance <= radius else { continue }
            if let openAt = query.openAt {
                guard let text: String = row[2] else { continue }
                let hours = hoursCache[text] ?? {
                    let parsed = try? OpeningHours(parsing: text)
                    hoursCache[text] = .some(parsed)
                    return parsed
                }()
                guard let hours, hours.isOpen(at: openAt, in: OpeningHours.shanghai) else { continue }
            }
            let found = Found(rid: candidate.rid, distance: distance)
            let index = best.firstIndex { found.distance < $0.distance || (found.distance == $0.distance && found.rid < $0.rid) } ?? best.count
            best.insert(found, at: index)
            if best.count > query.limit { best.removeLast() }
        }
        return best
    }

    static func point(_ db: Database, rid: Int64) throws -> ServicePoint {
        let statement = try db.cachedStatement(sql: "SELECT \(ServicePoint.columns) FROM service_points WHERE rid = ?")
        guard let row = try Row.fetchOne(statement, arguments: [rid]) else {
            throw MapError.pointNotFound(id: "#\(rid)")
        }
        return try ServicePoint(row: row)
    }

    /// Great-circle distance in metres; the same formula as `Coordinate.distance(to:)`.
    @inline(__always)
    static func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let phi1 = lat1 * .pi / 180, phi2 = lat2 * .pi / 180
        let dPhi = (lat2 - lat1) * .pi / 180
        let dLambda = (lon2 - lon1) * .pi / 180
        let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * earthRadius * asin(min(1, sqrt(a)))
    }
}

/// The latitude/longitude box that holds every point within `radius` metres of a centre (a spherical cap).
struct BoundingBox: Equatable {
    var minLat: Double
    var maxLat: Double
    var minLon: Double
    var maxLon: Double

    init(around centre: Coordinate, radius: Double) {
        let slack = 1e-9
        let angle = radius / NearestSearch.earthRadius
        let angleDegrees = angle * 180 / .pi
        minLat = max(-90, centre.lat - angleDegrees - slack)
        maxLat = min(90, centre.lat + angleDegrees + slack)
        minLon = -180
        maxLon = 180
        // A cap that reaches a pole, or spans the antimeridian, takes every longitude.
        guard angle < .pi / 2, centre.lat + angleDegrees < 90, centre.lat - angleDegrees > -90 else { return }
        let deltaLon = asin(sin(angle) / cos(centre.lat * .pi / 180)) * 180 / .pi
        guard centre.lon - deltaLon > -180, centre.lon + deltaLon < 180 else { return }
        minLon = centre.lon - deltaLon - slack
        maxLon = centre.lon + deltaLon + slack
    }
}
