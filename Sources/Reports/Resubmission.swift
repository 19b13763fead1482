import Foundation
import GRDB
import TuanjuCore

extension Reports {
    /// How long a repeat of the same submission is taken for a retry of it.
    public static let resubmissionWindow: TimeInterval = 24 * 3600

    /// The report that `draft` repeats, if any: same rider, claim, category, position and note, and the same
    /// photos (same bytes, same order), submitted in the last 24 h. A rider's app that retries a submission
    /// whose reply it never got (a dropped connection, a process killed just after the commit) must get the
    /// report it made, not a second one; nobody files two reports of identical photos on purpose.
    public static func resubmitted(_ db: Database, _ draft: ReportDraft, at date: Date) throws -> Report? {
        let ids = try String.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM reports
            WHERE rider_id = ? AND submitted_at >= ? AND claim_id = ? AND category_code = ? AND note = ? AND lat = ? AND lon = ?
            ORDER BY submitted_at, id
            """), arguments: [
                draft.riderID, Timestamp.iso(date.addingTimeInterval(-resubmissionWindow)), draft.claimID, draft.categoryCode,
                draft.note, draft.location.lat, draft.location.lon,
            ])
        let hashes = draft.photos.map(\.sha256)
        for id in ids where try photoHashes(db, id: id) == hashes {
            return try find(db, id: id)
        }
        return nil
    }
}
