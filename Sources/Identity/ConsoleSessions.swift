import Foundation
import GRDB
import TuanjuCore

/// A signed-in browser session of the console, as the database keeps it (never its id, only the id's hash).
public struct ConsoleSession: Sendable, Equatable {
    public let userID: String
    /// Sent with every form of the session; a POST without it is refused.
    public let csrfToken: String
    public let expiresAt: String
}

/// Console sessions: opened by signing in with a staff token, found by the cookie's id, revoked by signing out
/// (or by the user's revocation, which `authenticate`-like checks see). Runs inside the caller's transaction.
public enum ConsoleSessions {
    /// How long a session lasts from sign-in: a working day.
    public static let lifetime: TimeInterval = 12 * 3600

    /// Opens a session for `userID`; returns the session id (for the cookie, never stored) and the session.
    public static func open(_ db: Database, userID: String, at date: Date) throws -> (id: String, session: ConsoleSession) {
        // Sessions that ended over a week ago are of no use to anyone: each sign-in sweeps them, so the table
        // holds about a week of sign-ins (the audit log keeps who signed in when).
        try db.execute(
            sql: "DELETE FROM console_sessions WHERE expires_at < ?",
            arguments: [Timestamp.iso(date.addingTimeInterval(-7 * 86_400))])
        let id = Token.generate()
        let session = ConsoleSession(
            userID: userID, csrfToken: Token.generate(), expiresAt: Timestamp.iso(date.addingTimeInterval(lifetime)))
        try db.execute(
            sql: """
                INSERT INTO console_sessions (id_hash, user_id, csrf_token, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [Token.hash(id), userID, session.csrfToken, Timestamp.iso(date), session.expiresAt])
        return (id, session)
    }

    /// The unrevoked, unexpired session of `id`, or nil.
    public static func find(_ db: Database, id: String, at date: Date) throws -> ConsoleSession? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT user_id, csrf_token, expires_at FROM console_sessions
                WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?
                """,
            arguments: [Token.hash(id), Timestamp.iso(date)])
        return row.map { ConsoleSession(userID: $0[0], csrfToken: $0[1], expiresAt: $0[2]) }
    }

    /// Revokes the session of `id`; false when there was none to revoke.
    @discardableResult
    public static func revoke(_ db: Database, id: String, at date: Date) throws -> Bool {
        try db.execute(
            sql: "UPDATE console_sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL",
            arguments: [Timestamp.iso(date), Token.hash(id)])
        return db.changesCount > 0
    }
}
