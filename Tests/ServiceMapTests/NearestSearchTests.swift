import Foundation
import GRDB
import Storage
import Testing
import TuanjuCore
@testable import ServiceMap

/// A fresh database with the three seeded kinds.
struct MapDatabase {
    let database: AppDatabase
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-map-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = try AppDatabase(path: directory + "/t.sqlite", create: true)
        try database.write { db in
            try ServicePoints.loadKinds(db, [
                ServicePointKind(code: "station", name: "Station", nameZh: "驿站"),
                ServicePointKind(code: "box", name: "Box", nameZh: "便民箱"),
                ServicePointKind(code: "meal", name: "Meal", nameZh: "便利餐"),
            ])
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

@Suite("Nearest search")
struct NearestSearchTests {
    static let kinds = ["station", "box", "meal"]
    static let hours = [nil, "24/7", "Mo-Fr 08:00-20:00", "Mo-Su 22:00-02:00", "Sa,Su 10:00-16:00"]

    @Test("The R*Tree search returns exactly what a full scan returns, nearest first", arguments: [1, 2, 3, 4])
    func matchesBruteForce(seed: UInt64) throws {
        let map = try MapDatabase()
        defer { map.remove() }
        var random = SplitMix64(seed: seed)
        // Dense clusters and sparse outliers, across Hangzhou and a wider box, some removed.
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        try map.database.write { db in
            for index in 0..<600 {
                let wide = index % 5 == 0
                let lat = wide ? Double.random(in: 28...33, using: &random) : Double.random(in: 30.25...30.33, using: &random)
                let lon = wide ? Double.random(in: 118...122, using: &random) : Double.random(in: 120.10...120.22, using: &random)
                let draft = try PointDraft(
                    externalID: "p\(index)", kind: Self.kinds.randomElement(using: &random)!, name: "P\(index)",
                    location: try Coordinate(lat: lat, lon: lon), openingHours: Self.hours.randomElement(using: &random)!)
                let point = try ServicePoints.add(db, draft, at: now)
                if index % 17 == 0 { _ = try ServicePoints.deactivate(db, id: point.id, at: now) }
            }
        }
        let all = try map.database.read { db in
            try Row.fetchAll(db, sql: "SELECT rid, id, kind, lat, lon, opening_hours FROM service_points WHERE active = 1")
        }
        let grids = MapGridCache()
        for _ in 0..<150 {
            let origin = try Coordinate(
                lat: Double.random(in: 29.5...31.5, using: &random), lon: Double.random(in: 119...121.5, using: &random))
            let kind: String? = Bool.random(using: &random) ? Self.kinds.randomElement(using: &random) : nil
            let limit = Int.random(in: 1...12, using: &random)
            let within: Double? = Bool.random(using: &random) ? Double.random(in: 100...80_000, using: &random) : nil
            let openAt: Date? = Int.random(in: 0..<4, using: &random) == 0
                ? now.addingTimeInterval(Double.random(in: 0...(7 * 86400), using: &random)) : nil
            let query = try NearestQuery(origin: origin, kind: kind, limit: limit, within: within, openAt: openAt)
            let found = try map.database.read { db in try NearestSearch.search(db, query) }

            let expected = all.compactMap { row -> (Int64, String, Double)? in
                if let kind, row["kind"] as String != kind { return nil }
                let distance = origin.distance(to: try! Coordinate(lat: row["lat"], lon: row["lon"]))
                if let within, distance > within { return nil }
                if let openAt {
                    guard let text: String = row["opening_hours"],
                        try! OpeningHours(parsing: text).isOpen(at: openAt, in: OpeningHours.shanghai)
                    else { return nil }
                }
                return (row["rid"], row["id"], distance)
            }
            .sorted { $0.2 != $1.2 ? $0.2 < $1.2 : $0.0 < $1.0 }
            .prefix(limit)

            #expect(found.map(\.point.id) == expected.map(\.1), "query \(query)")
            // The grid in memory (after its first few searches) finds exactly what the R*Tree finds.
            let viaGrid = try map.database.read { db in try NearestSearch.search(db, query, grids: grids) }
            #expect(viaGrid == found, "query \(query)")
            for (result, want) in zip(found, expected) {
                #expect(abs(result.distanceM - want.2) < 1e-6)
            }
        }
        #expect(grids.builtGeneration != nil)
    }

    @Test("The grid in memory follows every change to the map: added, moved, removed, in another process too")
    func gridFollowsChanges() throws {
        let map = try MapDatabase()
        defer { map.remove() }
        let now = Date()
        let origin = try Coordinate(lat: 30.29, lon: 120.17)
        let grids = MapGridCache()
        let query = try NearestQuery(origin: origin, limit: 2)
        func search() throws -> [String] {
            try map.database.read { db in try NearestSearch.search(db, query, grids: grids) }.map(\.point.name)
        }
        let far = try map.database.write { db in
            try ServicePoints.add(db, try PointDraft(kind: "station", name: "far", location: try Coordinate(lat: 30.31, lon: 120.17)), at: now)
        }
        for _ in 0...MapGridCache.searchesBeforeBuilding { #expect(try search() == ["far"]) }
        let built = try #require(grids.builtGeneration)
        let near = try map.database.write { db in
            try ServicePoints.add(db, try PointDraft(kind: "station", name: "near", location: try Coordinate(lat: 30.2901, lon: 120.17)), at: now)
        }
        #expect(try search() == ["near", "far"])
        #expect(try #require(grids.builtGeneration) > built)
        var changes = PointChanges()
        changes.location = try Coordinate(lat: 30.2900, lon: 120.1700)
        _ = try map.database.write { db in try ServicePoints.update(db, id: far.id, changes, at: now) }
        #expect(try search() == ["far", "near"])
        _ = try map.database.write { db in try ServicePoints.deactivate(db, id: far.id, at: now) }
        #expect(try search() == ["near"])
        // Another process's commit (a connection of its own) is seen at the next search.
        let other = try DatabaseQueue(path: map.directory + "/t.sqlite")
        try other.write { db in try db.execute(sql: "UPDATE service_points SET active = 0 WHERE id = ?", arguments: [near.id]) }
        #expect(try search() == [])
        #expect(try map.database.read { db in try NearestSearch.search(db, query) }.isEmpty)
    }

    @Test("The grid's points follow every change of a point's row: a new name, new hours, a new kind")
    func gridFollowsEdits() throws {
        let map = try MapDatabase()
        defer { map.remove() }
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // a Wednesday, 16:26 in Shanghai
        let origin = try Coordinate(lat: 30.29, lon: 120.17)
        let grids = MapGridCache()
        func search(kind: String? = nil, openAt: Date? = nil) throws -> [ServicePoint] {
            // Within 1 km, so that every widening of the search is on the grid (a far wider one reads the R*Tree).
            let query = try NearestQuery(origin: origin, kind: kind, limit: 3, within: 1000, openAt: openAt)
            return try map.database.read { db in try NearestSearch.search(db, query, grids: grids) }.map(\.point)
        }
        let point = try map.database.write { db in
            try ServicePoints.add(db, try PointDraft(kind: "station", name: "old", location: origin, openingHours: "24/7"), at: now)
        }
        for _ in 0...MapGridCache.searchesBeforeBuilding { #expect(try search().map(\.name) == ["old"]) }
        #expect(grids.builtGeneration != nil)
        #expect(grids.pointsDecoded == 1)

        var rename = PointChanges()
        rename.name = "new"
        _ = try map.database.write { db in try ServicePoints.update(db, id: point.id, rename, at: now) }
        #expect(try search().map(\.name) == ["new"])
        #expect(try search(openAt: now).map(\.name) == ["new"])
        // A statement that sets only the name (another process's, here) counts too.
        let other = try DatabaseQueue(path: map.directory + "/t.sqlite")
        try other.write { db in try db.execute(sql: "UPDATE service_points SET name = 'newer' WHERE id = ?", arguments: [point.id]) }
        #expect(try search().map(\.name) == ["newer"])
        try other.close()

        var hours = PointChanges()
        hours.openingHours = "Mo-Fr 08:00-09:00"
        _ = try map.database.write { db in try ServicePoints.update(db, id: point.id, hours, at: now) }
        #expect(try search(openAt: now).isEmpty)
        #expect(try search().map(\.openingHours) == ["Mo-Fr 08:00-09:00"])

        var kind = PointChanges()
        kind.kind = "meal"
        _ = try map.database.write { db in try ServicePoints.update(db, id: point.id, kind, at: now) }
        #expect(try search(kind: "station").isEmpty)
        #expect(try search(kind: "meal").map(\.id) == [point.id])
        // The R*Tree's answer is the same.
        let query = try NearestQuery(origin: origin, kind: "meal", limit: 3, within: 1000)
        #expect(try map.database.read { db in try NearestSearch.search(db, query) }.map(\.point) == (try search(kind: "meal")))
    }

    @Test("A grid keeps at most its limit of decoded points (none at 0) and answers the same past it", arguments: [0, 3, 4])
    func gridKeepsAtMost(pointsKept: Int) throws {
        let map = try MapDatabase()
        defer { map.remove() }
        let now = Date()
        try map.database.write { db in
            for index in 0..<12 {
                let location = try Coordinate(lat: 30.29 + Double(index) * 0.001, lon: 120.17)
                _ = try ServicePoints.add(db, try PointDraft(kind: "station", name: "P\(index)", location: location), at: now)
            }
        }
        let grids = MapGridCache(pointsKept: pointsKept)
        for round in 0..<40 {
            let query = try NearestQuery(
                origin: try Coordinate(lat: 30.29 + Double(round % 12) * 0.001, lon: 120.17), limit: 4, within: 5000)
            let viaGrid = try map.database.read { db in try NearestSearch.search(db, query, grids: grids) }
            let viaTree = try map.database.read { db in try NearestSearch.search(db, query) }
            #expect(viaGrid == viaTree)
            #expect(viaGrid.count == 4)
            #expect(grids.pointsDecoded <= pointsKept)
        }
        #expect(grids.builtGeneration != nil)
        if pointsKept > 0 { #expect(grids.pointsDecoded > 0) }
    }

    @Test("A removed point leaves the index; a moved point is found at its new place")
    func indexFollowsChanges() throws {
        let map = try MapDatabase()
        defer { map.remove() }
        let now = Date()
        let origin = try Coordinate(lat: 30.29, lon: 120.17)
        let (first, second) = try map.database.write { db in
            (try ServicePoints.add(db, try PointDraft(kind: "station", name: "A", location: origin), at: now),
             try ServicePoints.add(db, try PointDraft(kind: "station", name: "B", location: try Coordinate(lat: 30.30, lon: 120.17)), at: now))
        }
        let query = try NearestQuery(origin: origin, limit: 1)
        #expect(try map.database.read { db in try NearestSearch.search(db, query) }.first?.point.id == first.id)
        _ = try map.database.write { db in try ServicePoints.deactivate(db, id: first.id, at: now) }
        #expect(try map.database.read { db in try NearestSearch.search(db, query) }.first?.point.id == second.id)
        var changes = PointChanges()
        changes.location = try Coordinate(lat: 30.2901, lon: 120.1701)
        _ = try map.database.write { db in try ServicePoints.update(db, id: second.id, changes, at: now) }
        let moved = try map.database.read { db in try NearestSearch.search(db, query) }
        #expect(moved.first?.point.id == second.id)
        #expect((moved.first?.distanceM ?? 0) < 20)
        let indexed = try map.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM service_points_rtree") }
        #expect(indexed == 1)
    }

    @Test("Boxes hold the whole circle, at the equator, in Hangzhou and near the poles")
    func boundingBoxes() throws {
        var random = SplitMix64(seed: 99)
        for _ in 0..<2000 {
            let centre = try Coordinate(lat: Double.random(in: -89...89, using: &random), lon: Double.random(in: -179...179, using: &random))
            let radius = Double.random(in: 10...500_000, using: &random)
            let box = BoundingBox(around: centre, radius: radius)
            // Points on the circle in every direction must be inside the box.
            for step in 0..<36 {
                let bearing = Double(step) * 10 * .pi / 180
                let edge = destination(centre, bearing: bearing, distance: radius * 0.999)
                #expect(edge.lat >= box.minLat && edge.lat <= box.maxLat)
                #expect(edge.lon >= box.minLon && edge.lon <= box.maxLon, "centre \(centre) radius \(radius) bearing \(step * 10)")
            }
        }
    }

    /// Great-circle destination point.
    func destination(_ start: Coordinate, bearing: Double, distance: Double) -> (lat: Double, lon: Double) {
        let angle = distance / 6_371_008.8
        let phi1 = start.lat * .pi / 180, lambda1 = start.lon * .pi / 180
        let phi2 = asin(sin(phi1) * cos(angle) + cos(phi1) * sin(angle) * cos(bearing))
        var lambda2 = lambda1 + atan2(sin(bearing) * sin(angle) * cos(phi1), cos(angle) - sin(phi1) * sin(phi2))
        lambda2 = (lambda2 + 3 * .pi).truncatingRemainder(dividingBy: 2 * .pi) - .pi
        return (phi2 * 180 / .pi, lambda2 * 180 / .pi)
    }
}

@Suite("Demand cells")
struct DemandCellTests {
    @Test("The day of a search is the calendar day in Asia/Shanghai")
    func days() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OpeningHours.shanghai
        var random = SplitMix64(seed: 5)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 700_000_000...4_000_000_000, using: &random))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(DemandCell.day(of: date) == expected, "\(date)")
        }
    }
}
