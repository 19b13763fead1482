import Foundation
import GRDB
import TuanjuCore

/// Who did an audited action, and through which command (`tuanju reports review`, or the HTTP route's
/// pattern `http POST /v1/reports/{id}/review`).
public struct AuditActor: Sendable, Equatable {
    public let id: String
    /// `admin` or `coordinator`; riders are not audited (their actions are their own records).
    public let role: String
    public let command: String

    public init(id: String, role: String, command: String) {
        self.id = id
        self.role = role
        self.command = command
    }
}

/// The audit log: every coordinator and admin action, appended in the same transaction as the action and
/// never changed (triggers refuse UPDATE and DELETE). The service's use-case runner writes one entry per
/// event a staff caller's use case emits, naming the record the event is about.
public enum AuditLog {
    public static func record(_ db: Database, _ actor: AuditActor, action: String, target: String?, at date: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (at, actor_id, actor_role, action, target, command) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [Timestamp.iso(date), actor.id, actor.role, action, target, actor.command])
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
