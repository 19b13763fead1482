import Foundation
import GRDB
import TuanjuCore

/// The stored prints of photos (perceptual hash, size) and the re-use mark of reports. Runs inside the
/// caller's transaction; the look-up itself (a `HammingIndex`) is the caller's, as it belongs to PhotoStore.
public enum PhotoReuse {
    /// How far back a photo counts as already used: 30 days.
    public static let window: TimeInterval = 30 * 24 * 3600

    /// A printed photo of a report, with what the re-use look-up orders and filters by.
    public struct PrintedPhoto: Sendable, Equatable {
        /// The report's rowid: reports are read again from the newest one seen (see `photoReuseChanges`).
        public let reportRow: Int64
        public let reportID: String
        public let submittedAt: String
        public let position: Int
        public let perceptualHash: UInt64
    }

    /// What the in-memory look-up checks in every submission's transaction: the change counter kept by the
    /// triggers of migration v25, and the newest report's rowid (0 when there is none).
    public static func changes(_ db: Database) throws -> (generation: Int64, newestReport: Int64) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT generation FROM photo_reuse_changes WHERE id = 1), (SELECT coalesce(max(rowid), 0) FROM reports)
            """))
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    /// The printed photos of every report submitted since `since`, in rowid order.
    public static func printedPhotos(_ db: Database, submittedSince since: Date) throws -> [PrintedPhoto] {
        try fetchPrinted(db.cachedStatement(sql: """
            SELECT r.rowid, r.id, r.submitted_at, rp.position, pp.phash FROM reports r
            JOIN report_photos rp ON rp.report_id = r.id
            JOIN photo_prints pp ON pp.sha256 = rp.sha256
            WHERE r.submitted_at >= ?
            ORDER BY r.rowid, rp.position
            """), [Timestamp.iso(since)])
    }

    /// The printed photos of the reports from rowid `row` on, in rowid order.
    public static func printedPhotos(_ db: Database, fromReportRow row: Int64) throws -> [PrintedPhoto] {
        try fetchPrinted(db.cachedStatement(sql: """
            SELECT r.rowid, r.id, r.submitted_at, rp.position, pp.phash FROM reports r
            JOIN report_photos rp ON rp.report_id = r.id
            JOIN photo_prints pp ON pp.sha256 = rp.sha256
            WHERE r.rowid >= ?
            ORDER BY r.rowid, rp.position
            """), [row])
    }

    static func fetchPrinted(_ statement: Statement, _ arguments: StatementArguments) throws -> [PrintedPhoto] {
        var photos: [PrintedPhoto] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            photos.append(PrintedPhoto(
                reportRow: row[0], reportID: row[1], submittedAt: row[2], position: row[3],
                perceptualHash: UInt64(bitPattern: row[4])))
        }
        return photos
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
