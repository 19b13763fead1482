import Foundation
import GRDB
import PhotoStore
import Reports
import Storage
import TuanjuCore

/// What a purge did (or would do).
public struct PurgeResult: Sendable, Equatable, Codable {
    public let reports: Int
    public let photos: Int
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case reports, photos
        case dryRun = "dry_run"
    }
}

extension Tuanju {
    /// `tuanju privacy purge` (admin): rejected reports older than `privacy_retention_days` lose their photos
    /// and precise position in one transaction (the rows, and so every count, stay); then the photo files no
    /// report references any more are deleted.
    public func purgeExpiredReports(_ caller: Caller, dryRun: Bool) throws -> PurgeResult {
        try caller.requireAdmin(ServiceMsg.actionPurge)
        let now = self.now
        if dryRun {
            let count = try database.read { db in try Self.expiredRejected(db, now: now).count }
            return PurgeResult(reports: count, photos: 0, dryRun: true)
        }
        let purged = try database.write { db -> [String] in
            let ids = try Self.expiredRejected(db, now: now)
            for id in ids {
                try db.execute(sql: "DELETE FROM report_photos WHERE report_id = ?", arguments: [id])
                try db.execute(sql: "UPDATE reports SET lat = NULL, lon = NULL, purged_at = ? WHERE id = ?",
                               arguments: [Timestamp.iso(now), id])
            }
            if !ids.isEmpty {
                try Outbox.append(db, type: "reports.purged", payload: ["count": ids.count], at: now)
            }
            return ids
        }
        var removed = 0
        if !purged.isEmpty {
            let referenced = try database.read { db in try Reports.referencedPhotos(db) }
            let store = photoStore
            // Files of a submission in flight are written just before its commit: leave young files alone.
            let cutoff = now.addingTimeInterval(-3600)
            for hash in try store.allHashes() where !referenced.contains(hash) {
                guard (Self.modificationDate(store.url(for: hash)) ?? .distantPast) < cutoff else { continue }
                if try store.remove(hash) { removed += 1 }
            }
        }
        return PurgeResult(reports: purged.count, photos: removed, dryRun: false)
    }

    static func expiredRejected(_ db: Database, now: Date) throws -> [String] {
        let days = try Setting.privacyRetentionDays.value(db)
        let cutoff = Timestamp.iso(now.addingTimeInterval(-Double(days) * 86400))
        return try String.fetchAll(db, sql: """
            SELECT id FROM reports WHERE status = 'rejected' AND purged_at IS NULL AND updated_at < ? ORDER BY rowid
            """, arguments: [cutoff])
    }
}
