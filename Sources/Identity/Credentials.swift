import Foundation
import GRDB
import TuanjuCore

/// Who a token stands for.
public enum Subject: Sendable, Equatable {
    case user(id: String)
    case rider(id: String)

    var kind: String {
        switch self {
        case .user: "user"
        case .rider: "rider"
        }
    }

    var id: String {
        switch self {
        case .user(let id), .rider(let id): id
        }
    }
}

/// Issues, resolves and revokes tokens. Runs inside the caller's transaction.
public enum Credentials {
    /// Issues a new token for `subject`; returns the token, which is never stored.
    public static func issue(_ db: Database, for subject: Subject, at date: Date) throws -> String {
        let token = Token.generate()
        try db.execute(
            sql: """
                INSERT INTO credentials (token_hash, subject_kind, subject_id, issued_at)
                VALUES (?, ?, ?, ?)
                """,
            arguments: [Token.hash(token), subject.kind, subject.id, Timestamp.iso(date)])
        return token
    }

    /// The subject of an unrevoked token, or nil.
    public static func subject(_ db: Database, token: String) throws -> Subject? {
        // A cached statement: every authenticated request looks its token up here.
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT subject_kind, subject_id FROM credentials WHERE token_hash = ? AND revoked_at IS NULL"),
            arguments: [Token.hash(token)])
        guard let row else { return nil }
        let id: String = row["subject_id"]
        return (row["subject_kind"] as String) == "user" ? .user(id: id) : .rider(id: id)
    }

    /// Revokes every token of `subject`; returns how many were revoked.
    @discardableResult
    public static func revokeAll(_ db: Database, of subject: Subject, at date: Date) throws -> Int {
        try db.execute(
            sql: """
                UPDATE credentials SET revoked_at = ?
                WHERE subject_kind = ? AND subject_id = ? AND revoked_at IS NULL
                """,
            arguments: [Timestamp.iso(date), subject.kind, subject.id])
        return db.changesCount
    }
}
