import Foundation
import GRDB
import TuanjuCore

/// A health, affairs or skills activity (健康服务, 事务办理, 技能培训) with its sessions.
public struct Activity: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case health, affairs, skills }

    public let id: String
    public let kind: Kind
    public let title: String
    public let titleZh: String
    public let description: String
    /// When a coordinator retired it (no new sessions); nil while it runs.
    public let retiredAt: String?

    public init(id: String, kind: Kind, title: String, titleZh: String, description: String, retiredAt: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.titleZh = titleZh
        self.description = description
        self.retiredAt = retiredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, description
        case titleZh = "title_zh"
        case retiredAt = "retired_at"
    }
}

/// One session of an activity: a time, a place, a number of places.
public struct ActivitySession: Sendable, Equatable {
    public let id: String
    public let activityID: String
    public let startsAt: String
    public let endsAt: String
    public let place: String
    public let capacity: Int
    public let signedUp: Int
    public let waiting: Int
    /// Points paid once to each rider checked in after the start.
    public var points: Int = 0
    /// The map point where it happens, when the coordinator named one.
    public var pointID: String? = nil
    public var cancelledAt: String? = nil
    public var cancelReason: String? = nil

    /// The columns `init(row:)` reads, in order, for a query over `activity_sessions s`.
    static let columns = """
        s.id, s.activity_id, s.starts_at, s.ends_at, s.place, s.capacity, s.signed_up,
        (SELECT count(*) FROM activity_signups w WHERE w.session_id = s.id AND w.state = 'waiting'),
        s.points, s.point_id, s.cancelled_at, s.cancel_reason
        """
}

extension ActivitySession {
    init(row: Row, from first: Int = 0) {
        let c = first
        self.init(id: row[c], activityID: row[c + 1], startsAt: row[c + 2], endsAt: row[c + 3], place: row[c + 4],
                  capacity: row[c + 5], signedUp: row[c + 6], waiting: row[c + 7], points: row[c + 8], pointID: row[c + 9],
                  cancelledAt: row[c + 10], cancelReason: row[c + 11])
    }
}

/// A rider's place (or queue position) on a session.
public struct Signup: Sendable, Equatable {
    public enum State: String, Sendable, Codable { case confirmed, waiting, cancelled }

    public let sessionID: String
    public let riderID: String
    public let state: State
    /// 1-based position on the waitlist while waiting.
    public let waitlistPosition: Int?
    public let checkedInAt: String?
}

/// The rules of sign-ups. Runs inside the caller's transaction, so a full session, a cancellation and the
/// promotion of the first waiting rider are one change.
public enum Activities {
    public static func sessions(_ db: Database, kind: Activity.Kind?, from date: Date?) throws -> [(Activity, ActivitySession)] {
        var sql = """
            SELECT a.id, a.kind, a.title, a.title_zh, a.description, a.retired_at, \(ActivitySession.columns)
            FROM activity_sessions s JOIN activities a ON a.id = s.activity_id WHERE 1
            """
        var arguments: StatementArguments = []
        if let kind {
            sql += " AND a.kind = ?"
            arguments += [kind.rawValue]
        }
        if let date {
            sql += " AND s.ends_at > ?"
            arguments += [Timestamp.iso(date)]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY s.starts_at, s.id", arguments: arguments).map { row in
            let activity = Activity(id: row[0], kind: Activity.Kind(rawValue: row[1]) ?? .skills, title: row[2], titleZh: row[3],
                                    description: row[4], retiredAt: row[5])
            return (activity, ActivitySession(row: row, from: 6))
        }
    }

    public static func session(_ db: Database, id: String) throws -> ActivitySession {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(ActivitySession.columns) FROM activity_sessions s WHERE s.id = ?",
                                         arguments: [id])
        else { throw EngagementError.sessionNotFound(id: id) }
        return ActivitySession(row: row)
    }

    /// Signs a rider up: a place if one is free, else the end of the waitlist. Sign-up closes when the session
    /// starts, and a cancelled session takes no one.
    public static func signUp(_ db: Database, sessionID: String, riderID: String, at date: Date) throws -> Signup {
        let session = try session(db, id: sessionID)
        guard session.cancelledAt == nil else { throw EngagementError.sessionCancelled(id: sessionID) }
        guard let starts = Timestamp.parse(session.startsAt), starts > date else {
            throw EngagementError.signupClosed(id: sessionID, startsAt: session.startsAt)
        }
        if let existing = try signup(db, sessionID: sessionID, riderID: riderID), existing.state != .cancelled {
            throw EngagementError.alreadySignedUp(sessionID: sessionID, state: existing.state.rawValue)
        }
        let state: Signup.State = session.signedUp < session.capacity && session.waiting == 0 ? .confirmed : .waiting
        let now = Timestamp.iso(date)
        let next = try Int.fetchOne(db, sql: "SELECT coalesce(max(queue_seq), 0) + 1 FROM activity_signups WHERE session_id = ?",
                                    arguments: [sessionID]) ?? 1
        try db.execute(sql: """
            INSERT INTO activity_signups (session_id, rider_id, state, queued_at, queue_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, rider_id) DO UPDATE SET
                state = excluded.state, queued_at = excluded.queued_at, queue_seq = excluded.queue_seq,
                updated_at = excluded.updated_at, checked_in_at = NULL
            """, arguments: [sessionID, riderID, state.rawValue, now, next, now])
        return try signup(db, sessionID: sessionID, riderID: riderID)!
    }

    /// Cancels a rider's place or queue position. When a place is freed, the first waiting rider gets it in
    /// the same transaction; returns that rider's sign-up.
    public static func cancel(_ db: Database, sessionID: String, riderID: String, at date: Date) throws -> (Signup, promoted: Signup?) {
        _ = try session(db, id: sessionID)
        guard let existing = try signup(db, sessionID: sessionID, riderID: riderID), existing.state != .cancelled else {
            throw EngagementError.notSignedUp(sessionID: sessionID, riderID: riderID)
        }
        let now = Timestamp.iso(date)
        try db.execute(
            sql: "UPDATE activity_signups SET state = 'cancelled', updated_at = ?, checked_in_at = NULL WHERE session_id = ? AND rider_id = ?",
            arguments: [now, sessionID, riderID])
        var promoted: Signup?
        if existing.state == .confirmed,
           let first = try String.fetchOne(db, sql: """
               SELECT rider_id FROM activity_signups WHERE session_id = ? AND state = 'waiting' ORDER BY queue_seq LIMIT 1
               """, arguments: [sessionID]) {
            try db.execute(
                sql: "UPDATE activity_signups SET state = 'confirmed', updated_at = ? WHERE session_id = ? AND rider_id = ?",
                arguments: [now, sessionID, first])
            promoted = try signup(db, sessionID: sessionID, riderID: first)
        }
        return (try signup(db, sessionID: sessionID, riderID: riderID)!, promoted)
    }

    /// Marks a confirmed rider as present, once the session has started. The caller pays the session's points.
    public static func checkIn(_ db: Database, sessionID: String, riderID: String, at date: Date) throws -> Signup {
        let session = try session(db, id: sessionID)
        guard session.cancelledAt == nil else { throw EngagementError.sessionCancelled(id: sessionID) }
        guard let starts = Timestamp.parse(session.startsAt), starts <= date else {
            throw EngagementError.sessionNotStarted(id: sessionID, startsAt: session.startsAt)
        }
        guard let existing = try signup(db, sessionID: sessionID, riderID: riderID), existing.state == .confirmed else {
            throw EngagementError.notSignedUp(sessionID: sessionID, riderID: riderID)
        }
        guard existing.checkedInAt == nil else { throw EngagementError.alreadyCheckedIn(sessionID: sessionID, riderID: riderID) }
        try db.execute(
            sql: "UPDATE activity_signups SET checked_in_at = ?, updated_at = ? WHERE session_id = ? AND rider_id = ?",
            arguments: [Timestamp.iso(date), Timestamp.iso(date), sessionID, riderID])
        return try signup(db, sessionID: sessionID, riderID: riderID)!
    }

    public static func signup(_ db: Database, sessionID: String, riderID: String) throws -> Signup? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT state, checked_in_at, queue_seq,
                (SELECT count(*) FROM activity_signups w WHERE w.session_id = s.session_id AND w.state = 'waiting' AND w.queue_seq <= s.queue_seq)
            FROM activity_signups s WHERE session_id = ? AND rider_id = ?
            """, arguments: [sessionID, riderID])
        else { return nil }
        let state = Signup.State(rawValue: row[0]) ?? .cancelled
        return Signup(sessionID: sessionID, riderID: riderID, state: state,
                      waitlistPosition: state == .waiting ? row[3] : nil, checkedInAt: row[1])
    }

    /// Everyone on a session: confirmed first, then the waitlist in order.
    public static func attendees(_ db: Database, sessionID: String) throws -> [(signup: Signup, name: String)] {
        _ = try session(db, id: sessionID)
        var waiting = 0
        return try Row.fetchAll(db, sql: """
            SELECT s.rider_id, s.state, s.checked_in_at, r.name FROM activity_signups s JOIN riders r ON r.id = s.rider_id
            WHERE s.session_id = ? AND s.state <> 'cancelled'
            ORDER BY s.state = 'waiting', s.queue_seq
            """, arguments: [sessionID]).map { row in
            let state = Signup.State(rawValue: row[1]) ?? .cancelled
            if state == .waiting { waiting += 1 }
            return (Signup(sessionID: sessionID, riderID: row[0], state: state,
                           waitlistPosition: state == .waiting ? waiting : nil, checkedInAt: row[2]), row[3])
        }
    }

    /// Loads sample activities and sessions from Seed; existing ids are kept as they are. Relative session times
    /// count from `now`, the install (the use case's clock), so the sample programme is always ahead of it.
    public static func load(_ db: Database, _ seed: ActivitiesSeed, installedAt now: Date, source: String = "activities.json") throws {
        for activity in seed.activities {
            try db.execute(sql: """
                INSERT OR IGNORE INTO activities (id, kind, title, title_zh, description, sample) VALUES (?, ?, ?, ?, ?, 1)
                """, arguments: [activity.id, activity.kind.rawValue, activity.title, activity.titleZh, activity.description])
            for session in activity.sessions {
                // The same bound as a posting's capacity.
                guard (1...100_000).contains(session.capacity) else {
                    throw InputError.invalid(.seedValueRange, [
                        "source": source, "code": session.id, "field": "capacity", "value": "\(session.capacity)",
                        "min": "1", "max": "100000",
                    ])
                }
                let (starts, ends) = try session.times(installedAt: now, source: source)
                try db.execute(sql: """
                    INSERT OR IGNORE INTO activity_sessions (id, activity_id, starts_at, ends_at, place, capacity) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [session.id, activity.id, Timestamp.iso(starts), Timestamp.iso(ends), session.place, session.capacity])
            }
        }
    }
}
