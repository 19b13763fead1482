import GRDB

extension Migrations {
    /// Reminders (#19): each rider's quiet hours (Asia/Shanghai; by default the meal peaks), and the reminders
    /// already sent. A reminder's key (kind, subject, rider) is UNIQUE and written in the transaction of its
    /// notification, so it goes out once: across restarts and with two schedulers on one data directory.
    static func reminders(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE riders ADD COLUMN quiet_hours TEXT NOT NULL DEFAULT '11:00-13:00,17:00-19:30'
                CHECK (length(quiet_hours) BETWEEN 1 AND 200);

            CREATE TABLE reminders_sent (
                kind TEXT NOT NULL CHECK (kind IN ('session_24h', 'session_2h', 'hold_expiring')),
                subject_id TEXT NOT NULL,
                rider_id TEXT NOT NULL REFERENCES riders(id),
                due_at TEXT NOT NULL,
                sent_at TEXT NOT NULL,
                UNIQUE (kind, subject_id, rider_id)
            );
            """)
    }
}
