import Foundation
import GRDB
import TuanjuCore

/// Who is acting and from which command: set by the CLI (or a server request) around a use case, read when
/// the use case writes. `AppDatabase.write` carries it to whichever thread commits the work.
public struct AuditContext: Sendable, Equatable {
    public var command: String
    /// Filled in once the token is known.
    public var actor: Actor?

    public struct Actor: Sendable, Equatable {
        public let id: String
        /// `admin` or `coordinator`; riders are not audited (their actions are their own records).
        public let role: String

        public init(id: String, role: String) {
            self.id = id
            self.role = role
        }
    }

    public init(command: String, actor: Actor? = nil) {
        self.command = command
        self.actor = actor
    }
}

/// The audit log: every coordinator and admin action, appended in the same transaction as the action and
/// never changed (triggers refuse UPDATE and DELETE).
public enum AuditLog {
    /// A box so the CLI can name the actor after the token is checked, inside the same task-local scope.
    public final class ContextBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: AuditContext

        public init(_ value: AuditContext) { self.value = value }

        public var context: AuditContext {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    @TaskLocal public static var context: ContextBox?

    /// Keys of event payloads that name the record an action is about, in order of preference.
    static let targetKeys = [
        "report_id", "point_id", "task_id", "request_id", "batch_id", "reward_id", "endpoint_id", "delivery_id",
        "session_id", "lesson_id", "survey_id", "user_id", "rider_id", "key",
    ]

    /// Appends an entry when a staff member is acting. `Outbox.append` calls it for every event.
    public static func record(_ db: Database, action: String, target: String?, at date: Date) throws {
        guard let box = context, let actor = box.context.actor else { return }
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (at, actor_id, actor_role, action, target, command) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [Timestamp.iso(date), actor.id, actor.role, action, target, box.context.command])
    }

    /// The record an event payload is about.
    static func target(ofPayload json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        for key in targetKeys { if let value = object[key] as? String { return value } }
        return nil
    }

    public struct Entry: Sendable, Equatable {
        public let seq: Int64
        public let at: String
        public let actorID: String
        public let actorRole: String
        public let action: String
        public let target: String?
        public let command: String
    }

    /// Newest first; the cursor is an entry's `seq`.
    public static let keyset = Keyset(table: "audit_log", keys: ["seq"], descending: true, idColumn: "seq")

    public static func list(_ db: Database, actor: String?, since: Date?, page: PageRequest) throws -> Page<Entry> {
        var sql = "SELECT seq, at, actor_id, actor_role, action, target, command FROM audit_log WHERE 1"
        var arguments: StatementArguments = []
        if let after = try keyset.after(db, page.after) {
            sql += " AND " + after.sql
            arguments += after.arguments
        }
        if let actor {
            sql += " AND actor_id = ?"
            arguments += [actor]
        }
        if let since {
            sql += " AND at >= ?"
            arguments += [Timestamp.iso(since)]
        }
        sql += " ORDER BY seq DESC LIMIT ?"
        arguments += [page.limit + 1]
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            Entry(seq: $0[0], at: $0[1], actorID: $0[2], actorRole: $0[3], action: $0[4], target: $0[5], command: $0[6])
        }
        return Page.cut(rows, limit: page.limit, id: { String($0.seq) })
    }
}
