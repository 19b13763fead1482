import Foundation
import GRDB
import TuanjuCore

/// A rider holding a place on a session that starts soon: what a session reminder needs.
public struct UpcomingPlace: Sendable, Equatable {
    public let sessionID: String
    public let riderID: String
    public let startsAt: Date
    public let place: String
    /// When the rider got the place (signed up, or moved up from the waitlist).
    public let since: Date
}

extension Activities {
    /// Every confirmed place (not the waitlist) on a session that is not cancelled and starts after `from` and no
    /// later than `until`, in start order.
    public static func upcomingPlaces(_ db: Database, from: Date, until: Date) throws -> [UpcomingPlace] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, g.rider_id, s.starts_at, s.place, g.updated_at
            FROM activity_sessions s JOIN activity_signups g ON g.session_id = s.id AND g.state = 'confirmed'
            WHERE s.cancelled_at IS NULL AND s.starts_at > ? AND s.starts_at <= ?
            ORDER BY s.starts_at, s.id, g.rider_id
            """, arguments: [Timestamp.iso(from), Timestamp.iso(until)]).compactMap { row in
            guard let starts = Timestamp.parse(row[2]), let since = Timestamp.parse(row[4]) else { return nil }
            return UpcomingPlace(sessionID: row[0], riderID: row[1], startsAt: starts, place: row[3], since: since)
        }
    }

    /// The riders with a place or on the waitlist of a session: who hears that it moved.
    public static func signedUpRiders(_ db: Database, sessionID: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT rider_id FROM activity_signups WHERE session_id = ? AND state IN ('confirmed', 'waiting') ORDER BY queue_seq
            """, arguments: [sessionID])
    }
}
