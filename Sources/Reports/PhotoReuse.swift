import Foundation
import GRDB
import TuanjuCore

/// The stored prints of photos (perceptual hash, size) and the re-use mark of reports. Runs inside the
/// caller's transaction; the look-up itself (a `HammingIndex`) is the caller's, as it belongs to PhotoStore.
public enum PhotoReuse {
    /// How far back a photo counts as already used: 30 days.
    public static let window: TimeInterval = 30 * 24 * 3600

    /// A photo of a recent report.
    public struct RecentPhoto: Sendable, Equatable {
        public let reportID: String
        public let position: Int
        public let perceptualHash: UInt64
    }

    /// The photos, with prints, of every report submitted since `since`, oldest first (so the earliest of
    /// equally close matches is named).
    public static func recentPhotos(_ db: Database, since: Date) throws -> [RecentPhoto] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT rp.report_id, rp.position, pp.phash FROM reports r
            JOIN report_photos rp ON rp.report_id = r.id
            JOIN photo_prints pp ON pp.sha256 = rp.sha256
            WHERE r.submitted_at >= ?
            ORDER BY r.submitted_at, r.id, rp.position
            """), arguments: [Timestamp.iso(since)]
        ).map { RecentPhoto(reportID: $0[0], position: $0[1], perceptualHash: UInt64(bitPattern: $0[2])) }
    }

    /// Records a photo's print once (the same file in two reports has one print).
    public static func savePrint(
        _ db: Database, sha256: String, perceptualHash: UInt64, width: Int, height: Int, at date: Date
    ) throws {
        try db.cachedStatement(sql: """
            INSERT INTO photo_prints (sha256, phash, width, height, made_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO NOTHING
            """).execute(arguments: [sha256, Int64(bitPattern: perceptualHash), width, height, Timestamp.iso(date)])
    }

    /// Marks report `id` as a possible re-use.
    public static func mark(_ db: Database, id: String, _ reuse: Report.PossibleReuse) throws {
        try db.cachedStatement(sql: """
            UPDATE reports SET reuse_of = ?, reuse_position = ?, reuse_distance = ?, reuse_cleared = 0 WHERE id = ?
            """).execute(arguments: [reuse.report, reuse.position, reuse.distance, id])
    }

    /// A coordinator accepted the report as original: it earns points like any other.
    public static func clear(_ db: Database, id: String) throws {
        try db.execute(sql: "UPDATE reports SET reuse_cleared = 1 WHERE id = ? AND reuse_of IS NOT NULL", arguments: [id])
    }

    /// The stored photos with no print, sorted by hash, after `after` (for a resumable rebuild), at most `limit`.
    public static func photosWithoutPrint(_ db: Database, after: String, limit: Int) throws -> [(sha256: String, format: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT rp.sha256, rp.format FROM report_photos rp
            WHERE rp.sha256 > ? AND NOT EXISTS (SELECT 1 FROM photo_prints pp WHERE pp.sha256 = rp.sha256)
            ORDER BY rp.sha256 LIMIT ?
            """), arguments: [after, limit]
        ).map { ($0[0], $0[1]) }
    }

    /// How many referenced photos have no print.
    public static func countWithoutPrint(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT sha256) FROM report_photos rp
            WHERE NOT EXISTS (SELECT 1 FROM photo_prints pp WHERE pp.sha256 = rp.sha256)
            """) ?? 0
    }

    /// Every referenced photo hash that has a print.
    public static func printedPhotos(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT sha256 FROM photo_prints"))
    }
}
