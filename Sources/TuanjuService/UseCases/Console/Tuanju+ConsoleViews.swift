import Foundation
import GRDB
import Points
import Reports
import ServiceMap
import TuanjuCore

/// What the console's map draws: the matching reports (capped), the active service points, the service area
/// and the busiest demand cells.
public struct ConsoleMap: Sendable {
    public let pins: [ReportPin]
    /// Reports matching the filter; more than `pins.count` when the cap cut the list.
    public let matching: Int
    public let points: [ServicePoint]
    public let areas: [ServiceArea]
    public let demand: [DemandRow]
}

/// The redemption page: requests waiting for a batch, the batch running now (if any) and the latest ones.
public struct ConsoleBatches: Sendable {
    public let waiting: Int
    public let batches: [RedemptionBatch]
}

extension Tuanju {
    /// The review queue (staff): submitted reports oldest first, at most `limit`, and how many wait in all.
    public func reviewQueue(_ caller: Caller, limit: Int) throws -> (reports: [Report], waiting: Int) {
        try caller.requireStaff(ServiceMsg.actionReviewReports)
        return try database.read { db in try Reports.queue(db, limit: max(1, min(limit, 200))) }
    }

    /// The map (staff): at most `limit` reports of the filter, newest first, over the service points, the
    /// service area and the demand cells.
    public func consoleMap(_ caller: Caller, _ filter: Reports.PinFilter, limit: Int) throws -> ConsoleMap {
        try caller.requireStaff(ServiceMsg.actionUseConsole)
        return try database.read { db in
            let (pins, matching) = try Reports.pins(db, filter, limit: limit)
            return ConsoleMap(
                pins: pins, matching: matching, points: try ServicePoints.active(db), areas: try ServiceAreas.all(db),
                demand: try DemandCells.busiest(db, sinceDay: nil, kind: nil, limit: 500))
        }
    }

    /// The redemption page (staff): waiting requests and the latest batches.
    public func consoleBatches(_ caller: Caller) throws -> ConsoleBatches {
        try caller.requireStaff(ServiceMsg.actionRunBatches)
        return try database.read { db in
            ConsoleBatches(waiting: try Batches.waitingCount(db), batches: try Batches.recent(db, limit: 10))
        }
    }

    /// A completed batch's fulfilment CSV (staff): its file under `<data>/exports`.
    public func batchFulfilmentFile(_ caller: Caller, batchID: String) throws -> URL {
        try caller.requireStaff(ServiceMsg.actionRunBatches)
        let batch = try database.read { db in try Batches.find(db, id: batchID) }
        guard let path = batch?.report, FileManager.default.fileExists(atPath: path) else {
            throw PointsError.redemptionNotFound(id: batchID)
        }
        return URL(fileURLWithPath: path)
    }
}
