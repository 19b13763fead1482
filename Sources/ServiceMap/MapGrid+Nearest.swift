import Foundation
import GRDB
import Storage

extension MapGrid {
    /// `NearestSearch.nearest` over this grid's candidates: the same walk (nearest bound first, stopping once no
    /// remaining bound can beat the `limit`-th distance, ties by rid), with each candidate's row taken from the
    /// rows this grid has already decoded when it has it, else read and decoded now (and kept).
    func nearest(_ db: Database, _ candidates: [NearestSearch.Candidate], _ query: NearestQuery, radius: Double) throws -> [NearestSearch.Found] {
        let limit = query.limit
        // The rows already decoded of the candidates a walk usually reaches, taken under one lock.
        let reach = min(candidates.count, limit + 4)
        let known = decoded.withLock { cache in (0..<reach).map { cache[candidates[$0].rid] } }
        var read: [(rid: Int64, point: ServicePoint)] = []
        var hoursCache: [String: OpeningHours?] = [:]
        var best: [NearestSearch.Found] = []
        best.reserveCapacity(limit + 1)
        let statement = try db.cachedStatement(sql: "SELECT \(ServicePoint.columns) FROM service_points WHERE rid = ?")
        for (index, candidate) in candidates.enumerated() {
            if best.count >= limit, candidate.lowerBound > best[limit - 1].distance { break }
            if index < reach, let point = known[index] {
                let distance = NearestSearch.haversine(query.origin.lat, query.origin.lon, point.location.lat, point.location.lon)
                if let rank = NearestSearch.rank(of: candidate.rid, distance: distance, kind: point.kind, hours: point.openingHours,
                                                 in: best, query, radius: radius, hoursCache: &hoursCache) {
                    NearestSearch.insert(NearestSearch.Found(rid: candidate.rid, distance: distance, point: point), at: rank, into: &best, limit: limit)
                }
                continue
            }
            // Not decoded yet: the R*Tree search's own step (the row read, decoded only when it makes the answer).
            if let found = try NearestSearch.step(statement, candidate, query, radius: radius, best: best, hoursCache: &hoursCache) {
                NearestSearch.insert(found.found, at: found.rank, into: &best, limit: limit)
                read.append((candidate.rid, found.found.point))
            }
        }
        if !read.isEmpty {
            decoded.withLock { cache in
                if cache.count + read.count > pointsKept { cache.removeAll(keepingCapacity: true) }
                for (rid, point) in read.prefix(pointsKept) { cache[rid] = point }
            }
        }
        return best
    }
}
