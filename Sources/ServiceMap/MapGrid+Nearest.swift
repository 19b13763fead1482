import Foundation
import GRDB

extension MapGrid {
    /// `NearestSearch.nearest` over this grid's candidates, given the points this grid has already decoded among
    /// those a walk usually reaches (taken under one lock); the points of the answer decoded now are kept.
    func nearest(
        _ db: Database, _ candidates: [NearestSearch.Candidate], _ query: NearestQuery, radius: Double,
        hoursCache: inout [String: OpeningHours?]
    ) throws -> [NearestSearch.Found] {
        let reach = min(candidates.count, query.limit + 4)
        let known = decoded.withLock { cache in (0..<reach).map { cache[candidates[$0].rid] } }
        let best = try NearestSearch.nearest(db, candidates, query, radius: radius, hoursCache: &hoursCache, decoded: known)
        let knownRids = (0..<reach).filter { known[$0] != nil }.map { candidates[$0].rid }
        let fresh = best.filter { !knownRids.contains($0.rid) }
        if !fresh.isEmpty {
            decoded.withLock { cache in
                if cache.count + fresh.count > pointsKept { cache.removeAll(keepingCapacity: true) }
                for found in fresh.prefix(pointsKept) { cache[found.rid] = found.point }
            }
        }
        return best
    }
}
