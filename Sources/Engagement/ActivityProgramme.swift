import Foundation
import GRDB
import TuanjuCore

/// What `activities add` and `activities update` take, validated: the rules live here so the CLI and HTTP agree.
public struct ActivityDraft: Sendable, Equatable {
    public var kind: Activity.Kind
    public var title: String
    public var titleZh: String
    public var description: String

    /// `titleZh` defaults to the title: a subdistrict may write one title only.
    public init(kind: String, title: String, titleZh: String? = nil, description: String? = nil) throws(InputError) {
        self.kind = try Self.kind(kind)
        self.title = try Text.label(title, field: ProgrammeMsg.fieldTitle, maxLength: 200)
        self.titleZh = try titleZh.map { text throws(InputError) in try Text.label(text, field: ProgrammeMsg.fieldTitleZh, maxLength: 200) }
            ?? self.title
        self.description = try Self.description(description ?? "")
    }

    public static func kind(_ text: String) throws(InputError) -> Activity.Kind {
        guard let kind = Activity.Kind(rawValue: text.lowercased()) else {
            throw .invalid(EngageMsg.activityKindUnknown, ["value": text, "known": "health, affairs, skills"])
        }
        return kind
    }

    public static func description(_ text: String) throws(InputError) -> String {
        let cleaned = Text.clean(text)
        guard cleaned.count <= 2000 else {
            throw .invalid(.inputTooLong, ["field": ProgrammeMsg.fieldDescription.text, "count": "\(cleaned.count)", "max": "2000"])
        }
        return cleaned
    }
}

/// The changes of `activities update`: at least one.
public struct ActivityChanges: Sendable, Equatable {
    public var kind: Activity.Kind?
    public var title: String?
    public var titleZh: String?
    public var description: String?

    public init(kind: String? = nil, title: String? = nil, titleZh: String? = nil, description: String? = nil) throws(InputError) {
        self.kind = try kind.map { text throws(InputError) in try ActivityDraft.kind(text) }
        self.title = try title.map { text throws(InputError) in try Text.label(text, field: ProgrammeMsg.fieldTitle, maxLength: 200) }
        self.titleZh = try titleZh.map { text throws(InputError) in try Text.label(text, field: ProgrammeMsg.fieldTitleZh, maxLength: 200) }
        self.description = try description.map { text throws(InputError) in try ActivityDraft.description(text) }
        guard self.kind != nil || self.title != nil || self.titleZh != nil || self.description != nil else {
            throw .invalid(ProgrammeMsg.nothingToChange)
        }
    }
}

/// What `activities schedule` takes, validated. The start must lie ahead of `now`: a session is scheduled for
/// riders to sign up to, and sign-up closes at the start.
public struct SessionDraft: Sendable, Equatable {
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var pointID: String?
    public var capacity: Int
    public var points: Int

    public init(startsAt: Date, endsAt: Date, place: String, pointID: String? = nil, capacity: Int, points: Int = 0,
                now: Date) throws(InputError) {
        try Self.times(startsAt, endsAt, now: now)
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = try Text.label(place, field: ProgrammeMsg.fieldPlace, maxLength: 200)
        self.pointID = pointID.map(Text.clean).flatMap { $0.isEmpty ? nil : $0 }
        self.capacity = try Self.capacity(capacity)
        guard (0...10_000).contains(points) else { throw .invalid(.pointsInvalid, ["value": "\(points)"]) }
        self.points = points
    }

    /// A session starts ahead and is at most 7 days long: anything else is a typing mistake.
    public static func times(_ starts: Date, _ ends: Date, now: Date) throws(InputError) {
        guard ends > starts else { throw .invalid(ProgrammeMsg.endsBeforeStarts) }
        guard ends.timeIntervalSince(starts) <= 7 * 86_400 else { throw .invalid(ProgrammeMsg.sessionTooLong) }
        guard starts > now else { throw .invalid(ProgrammeMsg.startsInPast, ["starts": Timestamp.iso(starts)]) }
    }

    /// The same bound as a posting's capacity.
    public static func capacity(_ value: Int) throws(InputError) -> Int {
        guard (1...100_000).contains(value) else { throw .invalid(ProgrammeMsg.capacityInvalid, ["value": "\(value)"]) }
        return value
    }
}

/// The coordinator's side of activities: add, change and retire activities; schedule, move, resize and cancel
/// their sessions. Runs inside the caller's transaction, so a resize and the promotions it causes, or a
/// cancellation and every release, are one change.
public enum ActivityProgramme {
    public static func activity(_ db: Database, id: String) throws -> Activity {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, kind, title, title_zh, description, retired_at FROM activities WHERE id = ?
            """, arguments: [id])
        else { throw EngagementError.activityNotFound(id: id) }
        return Activity(id: row[0], kind: Activity.Kind(rawValue: row[1]) ?? .skills, title: row[2], titleZh: row[3],
                        description: row[4], retiredAt: row[5])
    }

    public static func add(_ db: Database, _ draft: ActivityDraft, by staffID: String?, at date: Date) throws -> Activity {
        let id = Identifier.make("act")
        let now = Timestamp.iso(date)
        try db.execute(sql: """
            INSERT INTO activities (id, kind, title, title_zh, description, sample, created_by, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?)
            """, arguments: [id, draft.kind.rawValue, draft.title, draft.titleZh, draft.description, staffID, now])
        return try activity(db, id: id)
    }

    public static func update(_ db: Database, id: String, _ changes: ActivityChanges, at date: Date) throws -> Activity {
        let current = try activity(db, id: id)
        guard current.retiredAt == nil else { throw EngagementError.activityRetired(id: id) }
        try db.execute(sql: """
            UPDATE activities SET kind = ?, title = ?, title_zh = ?, description = ?, updated_at = ? WHERE id = ?
            """, arguments: [(changes.kind ?? current.kind).rawValue, changes.title ?? current.title,
                             changes.titleZh ?? current.titleZh, changes.description ?? current.description,
                             Timestamp.iso(date), id])
        return try activity(db, id: id)
    }

    /// Retires an activity: no new sessions. Refused while sessions ahead are still open (cancel them first),
    /// so no rider is left holding a place on something retired.
    public static func retire(_ db: Database, id: String, at date: Date) throws -> Activity {
        let current = try activity(db, id: id)
        guard current.retiredAt == nil else { throw EngagementError.activityRetired(id: id) }
        let upcoming = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM activity_sessions WHERE activity_id = ? AND cancelled_at IS NULL AND ends_at > ?
            """, arguments: [id, Timestamp.iso(date)]) ?? 0
        guard upcoming == 0 else { throw EngagementError.activityHasUpcomingSessions(id: id, count: upcoming) }
        let now = Timestamp.iso(date)
        try db.execute(sql: "UPDATE activities SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [now, now, id])
        return try activity(db, id: id)
    }

    public static func schedule(
        _ db: Database, activityID: String, _ draft: SessionDraft, by staffID: String?, at date: Date
    ) throws -> ActivitySession {
        let activity = try activity(db, id: activityID)
        guard activity.retiredAt == nil else { throw EngagementError.activityRetired(id: activityID) }
        if let point = draft.pointID {
            let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM service_points WHERE id = ? AND active = 1)",
                                          arguments: [point]) ?? false
            guard known else { throw EngagementError.pointNotFound(id: point) }
        }
        let id = Identifier.make("ses")
        try db.execute(sql: """
            INSERT INTO activity_sessions (id, activity_id, starts_at, ends_at, place, capacity, point_id, points, created_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, activityID, Timestamp.iso(draft.startsAt), Timestamp.iso(draft.endsAt), draft.place,
                             draft.capacity, draft.pointID, draft.points, staffID, Timestamp.iso(date)])
        return try Activities.session(db, id: id)
    }

    /// A session that has not started, and is not cancelled, for a change.
    static func changeable(_ db: Database, id: String, at date: Date) throws -> ActivitySession {
        let session = try Activities.session(db, id: id)
        guard session.cancelledAt == nil else { throw EngagementError.sessionCancelled(id: id) }
        guard let starts = Timestamp.parse(session.startsAt), starts > date else {
            throw EngagementError.sessionAlreadyStarted(id: id, startsAt: session.startsAt)
        }
        return session
    }

    /// Moves a session that has not started; sign-ups keep their places.
    public static func reschedule(_ db: Database, id: String, startsAt: Date, endsAt: Date, at date: Date) throws -> ActivitySession {
        _ = try changeable(db, id: id, at: date)
        try db.execute(sql: "UPDATE activity_sessions SET starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?",
                       arguments: [Timestamp.iso(startsAt), Timestamp.iso(endsAt), Timestamp.iso(date), id])
        return try Activities.session(db, id: id)
    }

    /// Changes the number of places: never below the places taken; a larger capacity promotes the waitlist in
    /// order, in this transaction. Returns the promoted sign-ups.
    public static func resize(_ db: Database, id: String, capacity: Int, at date: Date) throws -> (ActivitySession, promoted: [Signup]) {
        let session = try changeable(db, id: id, at: date)
        guard capacity >= session.signedUp else {
            throw EngagementError.capacityBelowTaken(id: id, capacity: capacity, taken: session.signedUp)
        }
        let now = Timestamp.iso(date)
        try db.execute(sql: "UPDATE activity_sessions SET capacity = ?, updated_at = ? WHERE id = ?", arguments: [capacity, now, id])
        let free = capacity - session.signedUp
        let first = try String.fetchAll(db, sql: """
            SELECT rider_id FROM activity_signups WHERE session_id = ? AND state = 'waiting' ORDER BY queue_seq LIMIT ?
            """, arguments: [id, free])
        for rider in first {
            try db.execute(sql: "UPDATE activity_signups SET state = 'confirmed', updated_at = ? WHERE session_id = ? AND rider_id = ?",
                           arguments: [now, id, rider])
        }
        let promoted = try first.compactMap { try Activities.signup(db, sessionID: id, riderID: $0) }
        return (try Activities.session(db, id: id), promoted)
    }

    /// Cancels a session that has not started: every place and waitlist entry is released. Returns the released
    /// sign-ups (as they are now: cancelled), in queue order.
    public static func cancelSession(_ db: Database, id: String, reason: String, at date: Date) throws -> (ActivitySession, released: [Signup]) {
        _ = try changeable(db, id: id, at: date)
        let now = Timestamp.iso(date)
        let riders = try String.fetchAll(db, sql: """
            SELECT rider_id FROM activity_signups WHERE session_id = ? AND state IN ('confirmed', 'waiting') ORDER BY queue_seq
            """, arguments: [id])
        try db.execute(sql: """
            UPDATE activity_signups SET state = 'cancelled', updated_at = ? WHERE session_id = ? AND state IN ('confirmed', 'waiting')
            """, arguments: [now, id])
        try db.execute(sql: "UPDATE activity_sessions SET cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?",
                       arguments: [now, reason, now, id])
        let released = try riders.compactMap { try Activities.signup(db, sessionID: id, riderID: $0) }
        return (try Activities.session(db, id: id), released)
    }

    /// A cancellation's reason: required, one line of at most 500 characters.
    public static func reason(_ text: String) throws(InputError) -> String {
        try Text.label(text, field: ProgrammeMsg.fieldReason, maxLength: 500)
    }
}
