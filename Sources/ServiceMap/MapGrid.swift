import Foundation
import GRDB
import GRDBSQLite
import Storage
import Synchronization

/// The boxes of `service_points_rtree`, in memory, bucketed by a grid of 0.005° cells (about 550 × 480 m
/// around Hangzhou). A search over HTTP spent most of its time in SQLite walking the R*Tree's node blobs for
/// the few dozen boxes around the rider; here the same boxes come from the few cells the search box covers.
/// The candidates, their bounds and their order are exactly the R*Tree query's (a test compares the two on
/// random searches), so the results are the same.
///
/// The grid also keeps the rows it has decoded for earlier searches (`decoded`), so a search where riders have
/// searched before walks its candidates without reading a row (`MapGrid+Nearest`); the others are read from
/// `service_points` in the search's read transaction, as the R*Tree search reads them. All of it is the snapshot
/// of one `map_generation`, which every change to a point's row moves on (migrations v26 and v27).
final class MapGrid: Sendable {
    struct Entry {
        let rid: Int64
        let minLat: Double, maxLat: Double, minLon: Double, maxLon: Double
        /// The box's centre and half its diagonal, as `NearestSearch.candidate` computes them for an R*Tree row.
        let centreLat: Double, centreLon: Double, slack: Double
        /// The grid cell the box's centre is in (`MapGrid.key`).
        let cell: Int64

        init(rid: Int64, minLat: Double, maxLat: Double, minLon: Double, maxLon: Double) {
            self.rid = rid
            self.minLat = minLat
            self.maxLat = maxLat
            self.minLon = minLon
            self.maxLon = maxLon
            (centreLat, centreLon, slack) = NearestSearch.centreAndSlack(minLat: minLat, maxLat: maxLat, minLon: minLon, maxLon: maxLon)
            cell = MapGrid.key(lat: centreLat, lon: centreLon)
        }
    }

    static let cellDegrees = 0.005
    /// A search box covering more cells than this (a search far outside the map, or with a huge `within`) reads
    /// the R*Tree instead.
    static let maxCells = 4096

    /// `map_generation` when the boxes were read.
    let generation: Int64
    /// Sorted by cell; `cells` gives each cell's range.
    let entries: [Entry]
    private let cells: [Int64: Range<Int>]
    /// The largest half-width of a box (float32 boxes are a few centimetres wide): a box whose centre lies
    /// this far outside a search box may still touch it.
    private let slack: Double

    /// Rows decoded for answers, by rid: a point near where riders search is decoded once, not once a search.
    /// Valid as long as the grid (the same generation); emptied when it would hold more than `pointsKept`.
    let decoded = Mutex<[Int64: ServicePoint]>([:])
    let pointsKept: Int

    /// Every active point's box, read in the caller's transaction.
    init(_ db: Database, generation: Int64, pointsKept: Int = MapGridCache.defaultPointsKept) throws {
        var entries: [Entry] = []
        var slack = 0.0
        try RawRows.each(db.cachedStatement(sql: "SELECT rid, min_lat, max_lat, min_lon, max_lon FROM service_points_rtree"), binding: []) { row in
            let entry = Entry(rid: sqlite3_column_int64(row, 0), minLat: sqlite3_column_double(row, 1), maxLat: sqlite3_column_double(row, 2),
                              minLon: sqlite3_column_double(row, 3), maxLon: sqlite3_column_double(row, 4))
            slack = max(slack, (entry.maxLat - entry.minLat) / 2, (entry.maxLon - entry.minLon) / 2)
            entries.append(entry)
            return true
        }
        entries.sort { $0.cell < $1.cell }
        var cells: [Int64: Range<Int>] = [:]
        var start = 0
        for index in entries.indices where index + 1 == entries.count || entries[index + 1].cell != entries[index].cell {
            cells[entries[index].cell] = start..<(index + 1)
            start = index + 1
        }
        self.generation = generation
        self.pointsKept = pointsKept
        self.entries = entries
        self.cells = cells
        self.slack = slack + 1e-9
    }

    static func cell(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }

    static func key(lat: Double, lon: Double) -> Int64 { key(cellLat: cell(lat), cellLon: cell(lon)) }

    static func key(cellLat: Int, cellLon: Int) -> Int64 {
        Int64(cellLat) << 32 | Int64(UInt32(truncatingIfNeeded: cellLon))
    }

    /// The boxes the R*Tree query of `NearestSearch.candidates` would return for this box, with their bounds,
    /// nearest first; nil when the box covers more than `maxCells` cells.
    func candidates(_ origin: (lat: Double, lon: Double), radius: Double, box: BoundingBox) -> [NearestSearch.Candidate]? {
        let latCells = Self.cell(box.minLat - slack)...Self.cell(box.maxLat + slack)
        let lonCells = Self.cell(box.minLon - slack)...Self.cell(box.maxLon + slack)
        guard latCells.count * lonCells.count <= Self.maxCells else { return nil }
        var found: [NearestSearch.Candidate] = []
        found.reserveCapacity(64)
        for cellLat in latCells {
            for cellLon in lonCells {
                guard let range = cells[Self.key(cellLat: cellLat, cellLon: cellLon)] else { continue }
                for index in range {
                    let entry = entries[index]
                    // The R*Tree query's own condition, on the same doubles.
                    guard entry.maxLat >= box.minLat, entry.minLat <= box.maxLat, entry.maxLon >= box.minLon, entry.minLon <= box.maxLon
                    else { continue }
                    if let candidate = NearestSearch.candidate(rid: entry.rid, centreLat: entry.centreLat, centreLon: entry.centreLon,
                                                               slack: entry.slack, origin: origin, radius: radius) {
                        found.append(candidate)
                    }
                }
            }
        }
        found.sort(by: NearestSearch.Candidate.nearerFirst)
        return found
    }
}

/// The grid a long-running process searches with, rebuilt when the map changes.
///
/// Each search reads `map_generation` (one row) in its read transaction: when it equals the grid's, the grid
/// is that snapshot's index. When the map has changed, one search rebuilds the grid (100,000 points: about
/// 50 ms) while the others read the R*Tree; a search whose snapshot is older than the grid reads the R*Tree
/// too. A process that searches only a few times (a CLI command) never builds one.
public final class MapGridCache: Sendable {
    /// Searches on the R*Tree before the first grid is built.
    static let searchesBeforeBuilding = 8
    /// Decoded points a grid keeps (about 300 bytes each): the neighbourhoods riders search in, not the whole map.
    public static let defaultPointsKept = 16_384

    private struct State {
        var grid: MapGrid?
        var building = false
        var searches = 0
    }

    private let state = Mutex(State())
    private let pointsKept: Int

    public init(pointsKept: Int = MapGridCache.defaultPointsKept) {
        self.pointsKept = pointsKept
    }

    private enum Decision {
        case use(MapGrid)
        case tree
        case build
    }

    /// The generation of the grid in use (nil before the first is built); for tests.
    var builtGeneration: Int64? { state.withLock { $0.grid?.generation } }

    /// How many decoded points the grid in use keeps; for tests.
    var pointsDecoded: Int { state.withLock { $0.grid }?.decoded.withLock { $0.count } ?? 0 }

    /// The grid for `db`'s snapshot, or nil: search the R*Tree.
    func grid(_ db: Database) throws -> MapGrid? {
        var generation: Int64 = -1
        try RawRows.each(try db.cachedStatement(sql: "SELECT generation FROM map_generation WHERE id = 1"), binding: []) { row in
            generation = sqlite3_column_int64(row, 0)
            return false
        }
        let decision = state.withLock { state -> Decision in
            if let grid = state.grid, grid.generation == generation { return .use(grid) }
            if state.building { return .tree }
            if let grid = state.grid, grid.generation > generation { return .tree }
            if state.grid == nil {
                state.searches += 1
                if state.searches < Self.searchesBeforeBuilding { return .tree }
            }
            state.building = true
            return .build
        }
        switch decision {
        case .use(let grid): return grid
        case .tree: return nil
        case .build:
            defer { state.withLock { $0.building = false } }
            let grid = try MapGrid(db, generation: generation, pointsKept: pointsKept)
            state.withLock { state in
                if (state.grid?.generation ?? -1) < generation { state.grid = grid }
            }
            return grid
        }
    }
}
