import GRDB

extension Migrations {
    /// The audit log of staff actions, and what privacy purges leave behind.
    static func operations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_role TEXT NOT NULL CHECK (actor_role IN ('admin', 'coordinator')),
                action TEXT NOT NULL,
                target TEXT,
                command TEXT NOT NULL
            );
            CREATE INDEX audit_log_actor ON audit_log(actor_id, seq);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;

            -- A rejected report past the retention period loses its photos and precise position; the row (and so
            -- every count) stays.
            ALTER TABLE reports ADD COLUMN purged_at TEXT;
            """)
    }
}
