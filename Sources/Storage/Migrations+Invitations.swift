import GRDB

extension Migrations {
    /// Invitations (#19): one-time codes a coordinator prints for riders to join with. Only the SHA-256 of a
    /// code is kept; a used invitation names the rider who joined with it.
    static func invitations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE invitations (
                id TEXT PRIMARY KEY NOT NULL,
                code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
                platform TEXT CHECK (platform IS NULL OR platform IN ('meituan', 'eleme', 'other')),
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                used_at TEXT,
                rider_id TEXT REFERENCES riders(id),
                CHECK ((used_at IS NULL) = (rider_id IS NULL))
            );
            """)
    }
}
