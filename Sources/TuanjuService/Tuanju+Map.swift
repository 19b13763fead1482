import CSVReader
import Foundation
import GRDB
import ServiceMap
import Storage
import TuanjuCore

extension Tuanju {
    /// `map kinds`: public.
    public func mapKinds() throws -> [ServicePointKind] {
        try database.read { db in try ServicePoints.kinds(db) }
    }

    /// `map nearest`: public, no token needed. The search position is only counted per ~250 m cell and day
    /// (`flushDemand` writes the counts).
    public func nearest(_ query: NearestQuery) throws -> [NearbyPoint] {
        let results = try database.read { db in try NearestSearch.search(db, query) }
        demand.count(query.origin, kind: query.kind, at: now)
        return results
    }

    /// Writes the pending search counts in one transaction. The CLI calls it after a search; a server would
    /// call it every few seconds.
    public func flushDemand() throws {
        // A read-only data directory keeps no counts: there is nowhere to write them, and a search must work.
        guard !database.isReadOnly else { return }
        let pending = demand.drain()
        guard !pending.isEmpty else { return }
        do {
            try database.write { db in try DemandCells.add(db, pending) }
        } catch {
            demand.restore(pending)
            throw error
        }
    }

    /// `map show`: public.
    public func servicePoint(id: String) throws -> ServicePoint {
        try database.read { db in try ServicePoints.find(db, id: id) }
    }

    /// `map add` (staff).
    public func addServicePoint(_ caller: Caller, _ draft: PointDraft) throws -> ServicePoint {
        try caller.requireStaff(MapMsg.actionManageMap)
        let now = self.now
        return try database.write { db in
            let point = try ServicePoints.add(db, draft, at: now)
            try Outbox.append(db, type: "service_point.created", payload: ServicePointEvent(point, by: caller.id), at: now)
            return point
        }
    }

    /// `map update` (staff).
    public func updateServicePoint(_ caller: Caller, id: String, _ changes: PointChanges) throws -> ServicePoint {
        try caller.requireStaff(MapMsg.actionManageMap)
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        let now = self.now
        return try database.write { db in
            let point = try ServicePoints.update(db, id: id, changes, at: now)
            try Outbox.append(db, type: "service_point.updated", payload: ServicePointEvent(point, by: caller.id), at: now)
            return point
        }
    }

    /// `map remove` (staff): deactivates; the point leaves the search index in the same transaction.
    public func removeServicePoint(_ caller: Caller, id: String) throws -> ServicePoint {
        try caller.requireStaff(MapMsg.actionManageMap)
        let now = self.now
        return try database.write { db in
            let point = try ServicePoints.deactivate(db, id: id, at: now)
            try Outbox.append(db, type: "service_point.removed", payload: ServicePointEvent(point, by: caller.id), at: now)
            return point
        }
    }

    /// `map import` (staff): one transaction; an event per point created or changed.
    public func importMap(
        _ caller: Caller, path: String, system: CoordinateSystem, strict: Bool, progress: ((Int) -> Void)? = nil
    ) throws -> MapImportSummary {
        try caller.requireStaff(MapMsg.actionManageMap)
        let source = try MapSource(path: path)
        let now = self.now
        return try database.write { db in
            var importer = MapImport(system: system, strict: strict, at: now) { point, outcome in
                let type = outcome == .inserted ? "service_point.created" : "service_point.updated"
                try Outbox.append(db, type: type, payload: ServicePointEvent(point, by: caller.id), at: now)
            }
            do {
                switch source {
                case .csv(let reader): return try importer.runCSV(db, reader: reader, path: path, progress: progress)
                case .geojson(let data): return try importer.runGeoJSON(db, data: data, path: path, progress: progress)
                }
            } catch let error as CSVReadError {
                throw InputError.missingFile(path: path, reason: error.reason)
            }
        }
    }

    /// `map export`: public (the map is public). Streams from one read transaction.
    @discardableResult
    public func exportMap(format: MapExport.Format, kind: String?, write: (String) throws -> Void) throws -> Int {
        try database.read { db in try MapExport.run(db, format: format, kind: kind, write: write) }
    }

    /// `map demand` (staff): busiest cells since a day, with the distance to the nearest point of the kind.
    public func mapDemand(_ caller: Caller, sinceDay: String?, kind: String?, limit: Int) throws -> [DemandRow] {
        try caller.requireStaff(MapMsg.actionViewDemand)
        guard (1...1000).contains(limit) else { throw InputError.invalid(.limitRange, ["max": "1000"]) }
        if let sinceDay, DemandCell.parseDay(sinceDay) == nil {
            throw InputError.invalid(MapMsg.sinceInvalid, ["value": sinceDay])
        }
        return try database.read { db in
            if let kind { try ServicePoints.requireKind(db, kind) }
            return try DemandCells.busiest(db, sinceDay: sinceDay, kind: kind, limit: limit)
        }
    }
}

/// An import file, opened before the transaction starts.
enum MapSource {
    case csv(CSVReader)
    case geojson(Data)

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.missingFile(path: path, reason: String(cString: strerror(errno)))
        }
        let first = try? handle.read(upToCount: 64)?.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        try? handle.close()
        switch MapImport.format(ofPath: path, firstByte: first ?? nil) {
        case .csv:
            do {
                self = .csv(try CSVReader(path: path))
            } catch {
                throw InputError.missingFile(path: path, reason: error.reason)
            }
        case .geojson:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError.missingFile(path: path, reason: String(cString: strerror(errno)))
            }
            self = .geojson(data)
        }
    }
}

struct ServicePointEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case pointId = "point_id", externalId = "external_id", kind, name, lat, lon, active, by
    }

    let pointId: String
    let externalId: String?
    let kind: String
    let name: String
    let lat: Double
    let lon: Double
    let active: Bool
    let by: String

    init(_ point: ServicePoint, by: String) {
        pointId = point.id
        externalId = point.externalID
        kind = point.kind
        name = point.name
        lat = point.location.lat
        lon = point.location.lon
        active = point.active
        self.by = by
    }
}
