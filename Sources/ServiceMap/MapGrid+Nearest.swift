import Foundation
import GRDB
import Storage

extension MapGrid {
    /// `NearestSearch.nearest` over this grid's entries: the same walk (nearest bound first, stopping once no
    /// remaining bound can beat the `limit`-th distance, ties by rid), with the position, kind and hours taken
    /// from the entries instead of each candidate's row. Only the points that make the answer are then read,
    /// or taken from the rows already decoded.
    func nearest(_ db: Database, _ candidates: [NearestSearch.Candidate], _ query: NearestQuery, radius: Double) throws -> [NearestSearch.Found] {
        var wantedKind: Int32?
        if let kind = query.kind {
            // A kind no point of the grid has: nothing matches (the kind itself was checked by the search).
            guard let index = kinds.firstIndex(of: kind) else { return [] }
            wantedKind = Int32(index)
        }
        let limit = query.limit
        var best: [(rid: Int64, distance: Double)] = []
        best.reserveCapacity(limit + 1)
        for candidate in candidates {
            if best.count >= limit, candidate.lowerBound > best[limit - 1].distance { break }
            let entry = entries[Int(candidate.entry)]
            let distance = NearestSearch.haversine(query.origin.lat, query.origin.lon, entry.lat, entry.lon)
            guard distance <= radius else { continue }
            let rank = best.firstIndex { distance < $0.distance || (distance == $0.distance && candidate.rid < $0.rid) } ?? best.count
            guard rank < limit else { continue }
            if let wantedKind, entry.kind != wantedKind { continue }
            if let openAt = query.openAt {
                guard entry.hours >= 0, let hours = hours[Int(entry.hours)], hours.isOpen(at: openAt, in: OpeningHours.shanghai) else { continue }
            }
            best.insert((candidate.rid, distance), at: rank)
            if best.count > limit { best.removeLast() }
        }
        let points = try self.points(db, best.map(\.rid))
        return zip(best, points).map { NearestSearch.Found(rid: $0.rid, distance: $0.distance, point: $1) }
    }

    /// The points of `rids`, in order: decoded before by this grid, or read now from `service_points` in the
    /// caller's transaction (whose snapshot is this grid's generation, so the row is the one the grid knew).
    func points(_ db: Database, _ rids: [Int64]) throws -> [ServicePoint] {
        var found = decoded.withLock { cache in rids.map { cache[$0] } }
        var read: [(rid: Int64, point: ServicePoint)] = []
        for index in found.indices where found[index] == nil {
            let statement = try db.cachedStatement(sql: "SELECT \(ServicePoint.columns) FROM service_points WHERE rid = ?")
            try RawRows.each(statement, binding: rids[index]) { row in
                found[index] = try ServicePoint(columns: RawRow(statement: row))
                return false
            }
            guard let point = found[index] else {
                // Points are never deleted, and the snapshot is the grid's: this would be a damaged database.
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "service point \(rids[index]) is in the map's index but not in service_points")
            }
            read.append((rids[index], point))
        }
        if !read.isEmpty {
            decoded.withLock { cache in
                if cache.count + read.count > pointsKept { cache.removeAll(keepingCapacity: true) }
                for (rid, point) in read.prefix(pointsKept) { cache[rid] = point }
            }
        }
        return found.map { $0! }
    }
}
