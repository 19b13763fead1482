import Foundation
import GRDB
import TuanjuCore

/// One consumer of the outbox (webhook fan-out, Open311 sends) as `GET /metrics` shows it: what waits before its
/// cursor, and what its deliveries came to. Read at scrape time from one snapshot; nothing is counted in memory, so
/// the figures are right whichever process (`serve`, `run`, `webhooks run`) did the work.
public struct DeliveryFigures: Sendable, Equatable {
    /// Outbox events after the consumer's cursor (committed, not yet turned into deliveries).
    public var backlog = 0
    /// When the oldest of them was committed (nil when there is none).
    public var oldestBacklog: Date?
    /// Deliveries by state: delivered/sent ("ok"), dead ("failed"), pending, held (endpoint disabled).
    public var ok = 0
    public var failed = 0
    public var pending = 0
    public var held = 0
    /// When the oldest pending delivery was created (nil when none is pending).
    public var oldestPending: Date?

    public init() {}

    /// Reads the figures of the consumer whose cursor is `cursorTable` and whose deliveries are `table`, with
    /// `okState` naming its success (the features name their own tables). Stored times are `Timestamp.iso` (UTC),
    /// so the smallest text is the earliest time. Costs one index scan of the deliveries (by state) and a range of the outbox.
    public static func read(_ db: Database, cursorTable: String, table: String, okState: String) throws -> DeliveryFigures {
        var figures = DeliveryFigures()
        let cursor = try Int64.fetchOne(db, sql: "SELECT seq FROM \(cursorTable) WHERE id = 1") ?? 0
        if let row = try Row.fetchOne(db, sql: "SELECT count(*), min(created_at) FROM outbox WHERE seq > ?", arguments: [cursor]) {
            figures.backlog = row[0]
            figures.oldestBacklog = (row[1] as String?).flatMap(Timestamp.parse)
        }
        for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM \(table) GROUP BY state") {
            let count: Int = row[1]
            switch row[0] as String {
            case okState: figures.ok = count
            case "dead": figures.failed = count
            case "pending": figures.pending = count
            case "held": figures.held = count
            default: break
            }
        }
        let oldest = try String.fetchOne(db, sql: "SELECT min(created_at) FROM \(table) WHERE state = 'pending'")
        figures.oldestPending = oldest.flatMap(Timestamp.parse)
        return figures
    }
}
