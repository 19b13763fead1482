import Foundation
import GRDB
import TuanjuCore

/// What a reminder is about; with the subject and the rider it is the reminder's idempotency key.
public enum ReminderKind: String, Sendable, CaseIterable {
    /// A session starts in 24 hours.
    case session24h = "session_24h"
    /// A session starts in 2 hours.
    case session2h = "session_2h"
    /// A redemption's hold runs out in 24 hours.
    case holdExpiring = "hold_expiring"

    /// How long before its moment (a session's start, a hold's end) the reminder is due.
    public var lead: TimeInterval {
        switch self {
        case .session24h: 24 * 3600
        case .session2h: 2 * 3600
        case .holdExpiring: 24 * 3600
        }
    }
}

/// One reminder a pass may send: due at `dueAt`, pointless from `deadline` on (the next reminder of the same
/// session is due then, or the session starts, or the hold ends).
public struct ReminderCandidate: Sendable, Equatable {
    public let kind: ReminderKind
    public let subjectID: String
    public let riderID: String
    public let dueAt: Date
    public let deadline: Date
    /// When the rider's place (or hold) began: a reminder is only for riders who had it before it was due.
    public let since: Date

    public init(kind: ReminderKind, subjectID: String, riderID: String, dueAt: Date, deadline: Date, since: Date) {
        self.kind = kind
        self.subjectID = subjectID
        self.riderID = riderID
        self.dueAt = dueAt
        self.deadline = deadline
        self.since = since
    }
}

/// Who a reminder reaches: an active rider's language and quiet hours.
public struct ReminderRecipient: Sendable, Equatable {
    public let language: Language
    public let quietHours: QuietHours
}

/// The rules of reminders: when one is delivered, and that it is delivered once. Runs inside the caller's
/// transaction; the use case writes the key and the notification in the same one.
public enum Reminders {
    /// When `candidate` reaches a rider with `quiet` hours, if at all: at its due time, or when the quiet period it
    /// falls in ends; nil when that moment is not before the deadline (a session reminder is never sent once the
    /// session started, nor a 24 h reminder once the 2 h one is due), or when the rider got the place (or the
    /// hold) only after the reminder was due.
    public static func delivery(_ candidate: ReminderCandidate, quiet: QuietHours) -> Date? {
        guard candidate.since < candidate.dueAt, let release = quiet.release(candidate.dueAt), release < candidate.deadline else {
            return nil
        }
        return release
    }

    /// Whether `candidate` goes out at `now`: delivered by now and still before its deadline.
    public static func isDue(_ candidate: ReminderCandidate, quiet: QuietHours, at now: Date) -> Bool {
        guard let delivery = delivery(candidate, quiet: quiet) else { return false }
        return delivery <= now && now < candidate.deadline
    }

    /// Records that `candidate` was sent; false when it already was (by this process or any other, before a
    /// restart or in a concurrent pass): the key is UNIQUE, and the caller sends only on true.
    public static func claim(_ db: Database, _ candidate: ReminderCandidate, at date: Date) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO reminders_sent (kind, subject_id, rider_id, due_at, sent_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (kind, subject_id, rider_id) DO NOTHING
            """, arguments: [candidate.kind.rawValue, candidate.subjectID, candidate.riderID, Timestamp.iso(candidate.dueAt),
                             Timestamp.iso(date)])
        return db.changesCount > 0
    }

    /// An active rider's language and quiet hours; nil for a deactivated, erased or unknown rider (told nothing).
    public static func recipient(_ db: Database, riderID: String) throws -> ReminderRecipient? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT language, quiet_hours FROM riders WHERE id = ? AND active = 1 AND erased_at IS NULL
            """, arguments: [riderID])
        else { return nil }
        let quiet = (try? QuietHours(parsing: row["quiet_hours"])) ?? QuietHours(periods: [])
        return ReminderRecipient(language: Language(rawValue: row["language"]) ?? .zh, quietHours: quiet)
    }
}

/// Texts of reminders and quiet hours, English and Simplified Chinese; `{name}` marks an argument.
public enum ReminderMsg: String, CaseIterable, CatalogMessage {
    case quietHoursInvalid, quietHoursTooMany

    public var texts: (en: String, zh: String) {
        switch self {
        case .quietHoursInvalid:
            ("quiet hours \"{text}\" are not periods like 11:00-13:00,17:00-19:30 (HH:MM-HH:MM, start and end different), or none",
             "免打扰时段“{text}”无效:应写作 11:00-13:00,17:00-19:30(HH:MM-HH:MM,起止不同),或 none")
        case .quietHoursTooMany: ("at most {max} quiet periods", "免打扰时段最多 {max} 段")
        }
    }
}
