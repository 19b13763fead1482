import Foundation
import GRDB
import Storage
import TuanjuCore

/// One notification in a rider's inbox: a template code with its arguments, in the rider's language at the time
/// it was written.
public struct InboxNotice: Sendable, Equatable {
    public let seq: Int64
    public let id: String
    public let riderID: String
    public let eventID: String
    public let template: String
    public let parameters: [String: String]
    public let language: Language
    public let createdAt: String
    public let readAt: String?

    /// The text in the notification's language (the template code itself when this build does not know it).
    public var text: String {
        NoticeTemplate(rawValue: template)?.text(parameters, in: language) ?? template
    }

    init(seq: Int64, id: String, riderID: String, eventID: String, template: String, parameters: [String: String],
         language: Language, createdAt: String) {
        self.seq = seq
        self.id = id
        self.riderID = riderID
        self.eventID = eventID
        self.template = template
        self.parameters = parameters
        self.language = language
        self.createdAt = createdAt
        readAt = nil
    }

    init(_ row: Row) throws {
        seq = row["seq"]
        id = row["id"]
        riderID = row["rider_id"]
        eventID = row["event_id"]
        template = row["template"]
        let json: String = row["parameters"]
        parameters = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        language = Language(rawValue: row["language"]) ?? .zh
        createdAt = row["created_at"]
        readAt = row["read_at"]
    }
}

/// The riders' inboxes. Runs inside the caller's transaction.
public enum Inbox {
    /// Newest first; `seq` is unique.
    public static let keyset = Keyset(table: "notifications", keys: ["seq"], descending: true)

    /// The language a rider reads notifications in (`riders update --lang`), nil for an unknown or erased rider
    /// (who is told nothing).
    public static func language(_ db: Database, riderID: String) throws -> Language? {
        // Cached: a redemption batch asks once per request.
        let statement = try db.cachedStatement(sql: "SELECT language, erased_at FROM riders WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [riderID]),
              (row["erased_at"] as String?) == nil
        else { return nil }
        return Language(rawValue: row["language"]) ?? .zh
    }

    /// Sets a rider's language.
    public static func setLanguage(_ db: Database, riderID: String, _ language: Language) throws {
        try db.execute(sql: "UPDATE riders SET language = ? WHERE id = ?", arguments: [language.rawValue, riderID])
    }

    /// Writes a notification for `riderID`.
    public static func deliver(
        _ db: Database, riderID: String, eventID: String, template: String, parameters: [String: String],
        language: Language, at date: Date
    ) throws -> InboxNotice {
        let json = String(decoding: try parametersEncoder.encode(parameters), as: UTF8.self)
        let id = Identifier.make("ntf")
        let createdAt = Timestamp.iso(date)
        // Cached, and the notice built from what was written rather than read back: a redemption batch writes
        // one per request.
        try db.cachedStatement(sql: """
            INSERT INTO notifications (id, rider_id, event_id, template, parameters, language, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, riderID, eventID, template, json, language.rawValue, createdAt])
        return InboxNotice(seq: db.lastInsertedRowID, id: id, riderID: riderID, eventID: eventID, template: template,
                           parameters: parameters, language: language, createdAt: createdAt)
    }

    /// Sorted keys, so a notice's parameters are stored the same way every time.
    private static let parametersEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static func find(_ db: Database, id: String) throws -> InboxNotice? {
        try Row.fetchOne(db, sql: "SELECT * FROM notifications WHERE id = ?", arguments: [id]).map(InboxNotice.init)
    }

    /// A rider's notifications, newest first; `unreadOnly` leaves out those already read.
    public static func list(_ db: Database, riderID: String, unreadOnly: Bool, page: PageRequest) throws -> Page<InboxNotice> {
        var sql = "SELECT * FROM notifications WHERE rider_id = ?"
        var arguments: StatementArguments = [riderID]
        if unreadOnly { sql += " AND read_at IS NULL" }
        if let after = try keyset.after(db, page.after) {
            sql += " AND " + after.sql
            arguments += after.arguments
        }
        sql += " ORDER BY \(keyset.order()) LIMIT ?"
        arguments += [page.limit + 1]
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map(InboxNotice.init)
        return Page.cut(rows, limit: page.limit, id: \.id)
    }

    /// A rider's notifications written after `seq`, oldest first (the live stream).
    public static func since(_ db: Database, riderID: String, seq: Int64, limit: Int = 500) throws -> [InboxNotice] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM notifications WHERE rider_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            arguments: [riderID, seq, limit]
        ).map(InboxNotice.init)
    }

    /// The newest `seq` of any inbox (0 when none): what the live stream polls.
    public static func latestSeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(seq) FROM notifications") ?? 0
    }

    /// The riders who got a notification with a `seq` above `after` and at most `through`, each once. Writers
    /// are serialized and `seq` grows with each insert, so a notification committed later always has a greater
    /// `seq`: a watcher that remembers `through` misses none.
    public static func riders(_ db: Database, after: Int64, through: Int64) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT DISTINCT rider_id FROM notifications WHERE seq > ? AND seq <= ?", arguments: [after, through])
    }

    /// How many of a rider's notifications are unread.
    public static func unreadCount(_ db: Database, riderID: String) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM notifications WHERE rider_id = ? AND read_at IS NULL", arguments: [riderID]) ?? 0
    }

    /// Marks the rider's notifications `ids` read; an id that is not in this rider's inbox is refused before
    /// anything changes. Returns how many were unread.
    public static func markRead(_ db: Database, riderID: String, ids: [String], at date: Date) throws -> Int {
        for id in Set(ids) {
            guard let notification = try find(db, id: id), notification.riderID == riderID else {
                throw InboxError.notFound(id: id)
            }
        }
        var changed = 0
        for id in Set(ids) {
            try db.execute(
                sql: "UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL",
                arguments: [Timestamp.iso(date), id])
            changed += db.changesCount
        }
        return changed
    }

    /// Marks every notification of the rider read; returns how many were unread.
    public static func markAllRead(_ db: Database, riderID: String, at date: Date) throws -> Int {
        try db.execute(
            sql: "UPDATE notifications SET read_at = ? WHERE rider_id = ? AND read_at IS NULL",
            arguments: [Timestamp.iso(date), riderID])
        return db.changesCount
    }
}

/// Refusals of the inbox.
public enum InboxError: TuanjuError, Equatable {
    case notFound(id: String)

    public var code: String { "not_found" }
    public var text: LocalizedText {
        switch self {
        case .notFound(let id): LocalizedText(InboxMsg.notFound, ["id": id])
        }
    }
    public var category: ErrorCategory { .refused }
}

/// Texts of the inbox, English and Simplified Chinese; `{name}` marks an argument.
public enum InboxMsg: String, CaseIterable, CatalogMessage {
    case notFound, nothingToMark, languageUnknown, actionReadInbox

    public var texts: (en: String, zh: String) {
        switch self {
        case .notFound: ("no notification {id} in your inbox", "您的消息中没有 {id}")
        case .nothingToMark: ("name the notifications to mark read, or give --all", "请指定要标为已读的消息编号,或使用 --all")
        case .languageUnknown: ("unknown language \"{text}\"; use zh or en", "未知语言“{text}”;请使用 zh 或 en")
        case .actionReadInbox: ("read an inbox", "查看消息")
        }
    }
}
