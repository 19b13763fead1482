import GRDB

extension Migrations {
    /// Coordinators run the activity programme after install (#18): activities can be retired, sessions carry the
    /// points paid at check-in, an optional map point, and a cancellation with its reason. `created_by` and
    /// `updated_at` tell coordinator-made or changed content from the seed's, so a later `init` leaves it alone.
    static func activityProgramme(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE activities ADD COLUMN created_by TEXT;
            ALTER TABLE activities ADD COLUMN updated_at TEXT;
            ALTER TABLE activities ADD COLUMN retired_at TEXT;

            ALTER TABLE activity_sessions ADD COLUMN point_id TEXT;
            ALTER TABLE activity_sessions ADD COLUMN points INTEGER NOT NULL DEFAULT 0 CHECK (points BETWEEN 0 AND 10000);
            ALTER TABLE activity_sessions ADD COLUMN created_by TEXT;
            ALTER TABLE activity_sessions ADD COLUMN updated_at TEXT;
            ALTER TABLE activity_sessions ADD COLUMN cancelled_at TEXT;
            ALTER TABLE activity_sessions ADD COLUMN cancel_reason TEXT
                CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 500);
            """)
    }
}
