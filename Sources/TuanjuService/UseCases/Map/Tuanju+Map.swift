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
        let results = try database.read { db in try NearestSearch.search(db, query, grids: mapGrids) }
        demand.count(query.origin, kind: query.kind, at: now)
        return results
    }

    /// How long a demand flush waits for another process's write lock before it spools its counts instead.
    static let demandFlushWait: TimeInterval = 0.2

    /// Writes the pending search counts, and any that earlier flushes spooled, in one transaction. The CLI
    /// calls it after a search; the server every 5 s. Best effort: when another process holds the write lock
    /// for longer than `demandFlushWait` (a long import), the counts go to a spool file that the next flush
    /// adds, so a read-only command neither waits for the writer nor fails with "busy" (exit 75), and no count
    /// is lost or counted twice (`DemandSpool`). When the spool cannot be written either, the counts stay in
    /// memory for the next flush of this process.
    public func flushDemand() throws {
        // A read-only data directory keeps no counts: there is nowhere to write them, and a search must work.
        guard !database.isReadOnly else { return }
        let pending = demand.drain()
        let spool = DemandSpool(directory: directory.spoolPath)
        // The server flushes every 5 s: with nothing to add, it takes no lock.
        guard !pending.isEmpty || spool.hasWaiting else { return }
        let now = self.now
        let added: [String]?
        do {
            added = try database.writeIfFree(waiting: Self.demandFlushWait) { db in
                try DemandCells.add(db, pending)
                return try spool.addWaiting(db, at: now)
            }
        } catch {
            demand.restore(pending)
            throw error
        }
        guard let added else {
            do { try spool.keep(pending) } catch { demand.restore(pending) }
            return
        }
        spool.remove(added)
    }

    /// `map show`: public.
    public func servicePoint(id: String) throws -> ServicePoint {
        try database.read { db in try ServicePoints.find(db, id: id) }
    }

    /// `map add` (staff).
    public func addServicePoint(_ caller: Caller, _ draft: PointDraft) throws -> ServicePoint {
        try useCase(caller, requires: .staff(ServiceMsg.actionManageMap)).write { work in
            let point = try ServicePoints.add(work.db, draft, at: work.now)
            try work.emit(.servicePointCreated, ServicePointEvent(point, by: caller.id))
            return point
        }
    }

    /// `map update` (staff).
    public func updateServicePoint(_ caller: Caller, id: String, _ changes: PointChanges) throws -> ServicePoint {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionManageMap))
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        return try useCase.write { work in
            let point = try ServicePoints.update(work.db, id: id, changes, at: work.now)
            try work.emit(.servicePointUpdated, ServicePointEvent(point, by: caller.id))
            return point
        }
    }

    /// `map remove` (staff): deactivates; the point leaves the search index in the same transaction.
    public func removeServicePoint(_ caller: Caller, id: String) throws -> ServicePoint {
        try useCase(caller, requires: .staff(ServiceMsg.actionManageMap)).write { work in
            let point = try ServicePoints.deactivate(work.db, id: id, at: work.now)
            try work.emit(.servicePointRemoved, ServicePointEvent(point, by: caller.id))
            return point
        }
    }

    /// `map import` (staff): commits in chunks of about a second (`ImportChunks`), each point with its
    /// search-index entry and its event in the same chunk, so no other writer waits for more than one chunk.
    /// Points upsert by external id, so a re-run after an interruption finishes the work exactly once,
    /// counting what the interrupted run committed as `unchanged`. `strict` checks the whole file first
    /// (in a read transaction) and imports nothing when any item is bad.
    public func importMap(
        _ caller: Caller, path: String, system: CoordinateSystem, strict: Bool, progress: ((Int) -> Void)? = nil
    ) throws -> MapImportSummary {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionManageMap))
        let now = useCase.now
        do {
            if strict {
                var checker = MapImport(system: system, strict: true, at: now)
                checker.checkOnly = true
                try checker.begin(try MapSource(path: path), path: path)
                try useCase.read { db in
                    while try checker.step(db, rows: .max, until: .now + .seconds(1_000_000_000)) {}
                }
            }
            var importer = MapImport(system: system, strict: strict, at: now) { db, point, outcome in
                try useCase.work(db).emit(
                    outcome == .inserted ? .servicePointCreated : .servicePointUpdated, ServicePointEvent(point, by: caller.id))
            }
            try importer.begin(try MapSource(path: path), path: path)
            var more = true
            while more {
                try useCase.write { work in
                    more = try importer.step(work.db, rows: ImportChunks.rows, until: ImportChunks.deadline, progress: progress)
                }
                if more { ImportChunks.yield() }
            }
            return importer.result
        } catch let error as CSVReadError {
            throw InputError.missingFile(path: path, reason: error.reason)
        }
    }

    /// `map export`: public (the map is public). Streams from one read transaction.
    @discardableResult
    public func exportMap(format: MapExport.Format, kind: String?, write: (String) throws -> Void) throws -> Int {
        try database.read { db in try MapExport.run(db, format: format, kind: kind, write: write) }
    }

    /// `map demand` (staff): busiest cells since a day, with the distance to the nearest point of the kind.
    public func mapDemand(_ caller: Caller, sinceDay: String?, kind: String?, limit: Int) throws -> [DemandRow] {
        try caller.requireStaff(ServiceMsg.actionViewDemand)
        guard (1...1000).contains(limit) else { throw InputError.invalid(.limitRange, ["max": "1000"]) }
        if let sinceDay, DemandCell.parseDay(sinceDay) == nil {
            throw InputError.invalid(ServiceMsg.sinceInvalid, ["value": sinceDay])
        }
        return try database.read { db in
            if let kind { try ServicePoints.requireKind(db, kind) }
            return try DemandCells.busiest(db, sinceDay: sinceDay, kind: kind, limit: limit)
        }
    }
}

extension MapImport {
    mutating func begin(_ source: MapSource, path: String) throws {
        switch source {
        case .csv(let reader): try begin(csv: reader, path: path)
        case .geojson(let data): try begin(geojson: data, path: path)
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
