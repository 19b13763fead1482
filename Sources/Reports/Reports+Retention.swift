import Foundation
import GRDB
import TuanjuCore

extension Reports {
    /// Rejected reports last changed before `cutoff` and not yet purged, in the order they were filed.
    public static func purgeable(_ db: Database, changedBefore cutoff: Date) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT id FROM reports WHERE status = 'rejected' AND purged_at IS NULL AND updated_at < ? ORDER BY rowid
            """, arguments: [Timestamp.iso(cutoff)])
    }

    /// A purged report loses its photos and precise position; the row, and so every count, stays.
    public static func purge(_ db: Database, id: String, at date: Date) throws {
        try db.execute(sql: "DELETE FROM report_photos WHERE report_id = ?", arguments: [id])
        try db.execute(sql: "UPDATE reports SET lat = NULL, lon = NULL, purged_at = ? WHERE id = ?", arguments: [Timestamp.iso(date), id])
    }
}
