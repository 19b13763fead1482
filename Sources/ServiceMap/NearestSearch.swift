import Foundation
import GRDB
import GRDBSQLite
import Storage
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

        /// Nearest bound first; equal bounds by rid, so the order is the same however the candidates were found.
        static func nearerFirst(_ a: Candidate, _ b: Candidate) -> Bool {
            a.lowerBound != b.lowerBound ? a.lowerBound < b.lowerBound : a.rid < b.rid
        }
    }

    struct Found {
        let rid: Int64
        let distance: Double
        let point: ServicePoint
    }

    /// The search; with `grids` (a server's), the candidates come from the map's grid in memory when it
    /// matches this transaction's snapshot (`MapGridCache`), else from the R*Tree.
    public static func search(_ db: Database, _ query: NearestQuery, grids: MapGridCache? = nil) throws -> [NearbyPoint] {
        if let kind = query.kind { try ServicePoints.requireKind(db, kind) }
        let ceiling = min(query.within ?? halfCircumference, halfCircumference)
        var radius = min(firstRadius, ceiling)
        var hoursCache: [String: OpeningHours?] = [:]
        let grid = try grids?.grid(db)
        while true {
            let origin = (lat: query.origin.lat, lon: query.origin.lon)
            let found: [Found]
            if let grid, let candidates = grid.candidates(origin, radius: radius, box: BoundingBox(around: query.origin, radius: radius)) {
                found = try grid.nearest(db, candidates, query, radius: radius, hoursCache: &hoursCache)
            } else {
                found = try nearest(db, candidates(db, query.origin, radius: radius), query, radius: radius, hoursCache: &hoursCache)
            }
            if found.count >= query.limit || radius >= ceiling {
                return found.map { NearbyPoint(point: $0.point, distanceM: $0.distance) }
            }
            radius = min(radius * 2, ceiling)
        }
    }

    // The two loops below bind, step and read their statements with SQLite's C API (`RawRows`): a search reads
    // a few dozen index entries and rows, and GRDB's per-execution cursor and argument boxing were a third of
    // its time (Tools/bench map-nearest). The statements still come from GRDB's cache, inside its read
    // transaction.

    /// Index entries whose box may hold a point at most `radius` metres away, nearest bound first.
    static func candidates(_ db: Database, _ origin: Coordinate, radius: Double) throws -> [Candidate] {
        let box = BoundingBox(around: origin, radius: radius)
        let statement = try db.cachedStatement(sql: """
            SELECT rid, min_lat, max_lat, min_lon, max_lon FROM service_points_rtree
            WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?
            """)
        var found: [Candidate] = []
        found.reserveCapacity(64)
        let centre = (lat: origin.lat, lon: origin.lon)
        try RawRows.each(statement, binding: [box.minLat, box.maxLat, box.minLon, box.maxLon]) { row in
            if let candidate = candidate(rid: sqlite3_column_int64(row, 0), minLat: sqlite3_column_double(row, 1),
                                         maxLat: sqlite3_column_double(row, 2), minLon: sqlite3_column_double(row, 3),
                                         maxLon: sqlite3_column_double(row, 4), origin: centre, radius: radius) {
                found.append(candidate)
            }
            return true
        }
        found.sort(by: Candidate.nearerFirst)
        return found
    }

    /// An index box as a candidate: kept when no point of it is farther than `radius` by its lower bound.
    @inline(__always)
    static func candidate(
        rid: Int64, minLat: Double, maxLat: Double, minLon: Double, maxLon: Double, origin: (lat: Double, lon: Double), radius: Double
    ) -> Candidate? {
        let (centreLat, centreLon, slack) = centreAndSlack(minLat: minLat, maxLat: maxLat, minLon: minLon, maxLon: maxLon)
        return candidate(rid: rid, centreLat: centreLat, centreLon: centreLon, slack: slack, origin: origin, radius: radius)
    }

    /// A box's centre, and how far the true point may be from it: half the box's diagonal.
    @inline(__always)
    static func centreAndSlack(minLat: Double, maxLat: Double, minLon: Double, maxLon: Double) -> (Double, Double, Double) {
        let centreLat = (minLat + maxLat) / 2, centreLon = (minLon + maxLon) / 2
        return (centreLat, centreLon, haversine(centreLat, centreLon, maxLat, maxLon) + 1e-6)
    }

    @inline(__always)
    static func candidate(
        rid: Int64, centreLat: Double, centreLon: Double, slack: Double, origin: (lat: Double, lon: Double), radius: Double
    ) -> Candidate? {
        let bound = haversine(origin.lat, origin.lon, centreLat, centreLon) - slack
        return bound <= radius ? Candidate(rid: rid, lowerBound: bound) : nil
    }

    /// The `limit` nearest matching points within `radius`: rows are read nearest bound first, and the walk
    /// stops once no remaining bound can beat the `limit`-th distance found. A row is decoded only when it
    /// joins the results.
    ///
    /// `decoded[i]`, when given, is candidate `i`'s point already decoded (a `MapGrid` keeps them): it is checked
    /// from memory, without reading its row.
    static func nearest(
        _ db: Database, _ candidates: [Candidate], _ query: NearestQuery, radius: Double,
        hoursCache: inout [String: OpeningHours?], decoded: [ServicePoint?] = []
    ) throws -> [Found] {
        let statement = try db.cachedStatement(sql: "SELECT \(ServicePoint.columns) FROM service_points WHERE rid = ?")
        var best: [Found] = []
        best.reserveCapacity(query.limit + 1)
        for (index, candidate) in candidates.enumerated() {
            if best.count >= query.limit, candidate.lowerBound > best[query.limit - 1].distance { break }
            if index < decoded.count, let point = decoded[index] {
                let distance = haversine(query.origin.lat, query.origin.lon, point.location.lat, point.location.lon)
                if let rank = rank(of: candidate.rid, distance: distance, kind: point.kind, hours: point.openingHours,
                                   in: best, query, radius: radius, hoursCache: &hoursCache) {
                    insert(Found(rid: candidate.rid, distance: distance, point: point), at: rank, into: &best, limit: query.limit)
                }
            } else if let found = try step(statement, candidate, query, radius: radius, best: best, hoursCache: &hoursCache) {
                insert(found.found, at: found.rank, into: &best, limit: query.limit)
            }
        }
        return best
    }

    /// One candidate of the walk: its row read (`statement`: the point's columns by rid) and checked against the
    /// query and the results so far; decoded, with its rank, only when it makes the answer.
    static func step(
        _ statement: Statement, _ candidate: Candidate, _ query: NearestQuery, radius: Double, best: [Found],
        hoursCache: inout [String: OpeningHours?]
    ) throws -> (found: Found, rank: Int)? {
        var result: (found: Found, rank: Int)?
        try RawRows.each(statement, binding: candidate.rid) { statement in
            let row = RawRow(statement: statement)
            let distance = haversine(query.origin.lat, query.origin.lon, row.double(5), row.double(6))
            guard let rank = rank(of: candidate.rid, distance: distance, kind: query.kind == nil ? nil : row.text(2),
                                  hours: query.openAt == nil ? nil : row.text(7),
                                  in: best, query, radius: radius, hoursCache: &hoursCache)
            else { return false }
            result = (Found(rid: candidate.rid, distance: distance, point: try ServicePoint(columns: row)), rank)
            return false
        }
        return result
    }

    /// Where a point at `distance` goes in the results so far (nearest first, ties by rid), or nil when it is
    /// out of the circle, past the `limit`-th, of another kind, or not open at the query's time.
    /// (`kind` and `hours` are only read when the query filters on them.)
    static func rank(
        of rid: Int64, distance: Double, kind: String?, hours text: String?, in best: [Found], _ query: NearestQuery,
        radius: Double, hoursCache: inout [String: OpeningHours?]
    ) -> Int? {
        guard distance <= radius else { return nil }
        let rank = best.firstIndex { distance < $0.distance || (distance == $0.distance && rid < $0.rid) } ?? best.count
        guard rank < query.limit else { return nil }
        if let wanted = query.kind, kind != wanted { return nil }
        if let openAt = query.openAt {
            guard let text else { return nil }
            let hours = hoursCache[text] ?? {
                let parsed = try? OpeningHours(parsing: text)
                hoursCache[text] = .some(parsed)
                return parsed
            }()
            guard let hours, hours.isOpen(at: openAt, in: OpeningHours.shanghai) else { return nil }
        }
        return rank
    }

    /// Puts `found` at `rank`, keeping at most `limit` results.
    static func insert(_ found: Found, at rank: Int, into best: inout [Found], limit: Int) {
        best.insert(found, at: rank)
        if best.count > limit { best.removeLast() }
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
