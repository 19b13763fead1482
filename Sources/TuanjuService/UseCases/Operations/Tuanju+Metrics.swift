import Foundation
import GRDB
import Notifier
import Reports
import Storage
import TuanjuCore

/// What `GET /metrics` reads from the database at scrape time: the outbox's consumers and the database's size.
public struct OperationsFigures: Sendable, Equatable {
    /// Webhook fan-out and deliveries.
    public let webhooks: DeliveryFigures
    /// Open311 sends to agencies.
    public let open311: DeliveryFigures
    /// The main database file's pages in use and free (page_count × page_size).
    public let databaseBytes: Int64
    /// The write-ahead log's current size (0 right after a checkpoint that truncated it, or when it is absent).
    public let walBytes: Int64
    /// The time the figures were read at (the installation's clock), from which ages are counted.
    public let at: Date
}

extension Tuanju {
    /// The operations figures, from one read snapshot (admin). `caller` is nil only for a reader on the server's
    /// own machine: the HTTP layer passes nil for a loopback request without a token, so a local Prometheus needs
    /// no credential; anyone else needs an admin token.
    public func operationsFigures(_ caller: Caller?) throws -> OperationsFigures {
        try caller?.requireAdmin(ServiceMsg.actionReadMetrics)
        let now = self.now
        let (webhooks, open311, databaseBytes) = try database.read { db in
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return (try Deliveries.figures(db), try Open311Sends.figures(db), pages * size)
        }
        let wal = (try? FileManager.default.attributesOfItem(atPath: directory.databasePath + "-wal"))?[.size] as? NSNumber
        return OperationsFigures(webhooks: webhooks, open311: open311, databaseBytes: databaseBytes,
                                 walBytes: wal?.int64Value ?? 0, at: now)
    }
}
