import GRDB

extension Migrations {
    /// The browser console's sessions (#23): a coordinator or admin signs in with a token once, then the browser
    /// holds a random session id in a cookie. Only the id's SHA-256 is kept, like tokens; the CSRF token every
    /// form of the session carries is kept as is (it is no secret from the session's own pages).
    static func consoleSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE console_sessions (
                id_hash TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64),
                user_id TEXT NOT NULL REFERENCES users(id),
                csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE INDEX console_sessions_user ON console_sessions(user_id);
            """)
    }
}
