import Foundation
import GRDB
import TuanjuCore

extension Activities {
    /// Sessions starting after `date` for which the rider holds a place or waits, soonest first.
    public static func upcomingSessionIDs(_ db: Database, riderID: String, after date: Date) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT s.session_id FROM activity_signups s JOIN activity_sessions ON activity_sessions.id = s.session_id
            WHERE s.rider_id = ? AND s.state IN ('confirmed', 'waiting') AND activity_sessions.starts_at > ?
            ORDER BY activity_sessions.starts_at, s.session_id
            """, arguments: [riderID, Timestamp.iso(date)])
    }
}

extension SurveyStore {
    public static func responseCount(_ db: Database, riderID: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_responses WHERE rider_id = ?", arguments: [riderID]) ?? 0
    }

    /// Deletes every answer of the rider (an erasure): the portrait is recomputed from what remains.
    public static func deleteResponses(_ db: Database, riderID: String) throws {
        try db.execute(sql: "DELETE FROM survey_responses WHERE rider_id = ?", arguments: [riderID])
    }
}
