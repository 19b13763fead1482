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
        let useCase = try useCase(caller, requires: .admin(ServiceMsg.actionPurge))
        let now = useCase.now
        if dryRun {
            let count = try useCase.read { db in try Self.expiredRejected(db, now: now).count }
            return PurgeResult(reports: count, photos: 0, dryRun: true)
        }
        let purged = try useCase.write { work -> [String] in
            let ids = try Self.expiredRejected(work.db, now: now)
            for id in ids { try Reports.purge(work.db, id: id, at: now) }
            if !ids.isEmpty { try work.emit(.reportsPurged, ReportsPurgedEvent(count: ids.count)) }
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
        return try Reports.purgeable(db, changedBefore: now.addingTimeInterval(-Double(days) * 86400))
    }
}
