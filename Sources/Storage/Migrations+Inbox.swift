import GRDB

extension Migrations {
    /// The riders' inbox (#19): each rider's language, and one notification per event that concerns one rider,
    /// written in the transaction of the event. `seq` orders the inbox and is the id of a live-stream event
    /// (`Last-Event-ID`); `id` is what riders and clients name.
    static func riderInbox(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE riders ADD COLUMN language TEXT NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en'));

            CREATE TABLE notifications (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                rider_id TEXT NOT NULL REFERENCES riders(id),
                event_id TEXT NOT NULL,
                template TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
                -- A JSON object of strings: the template's arguments.
                parameters TEXT NOT NULL CHECK (json_valid(parameters)),
                language TEXT NOT NULL CHECK (language IN ('zh', 'en')),
                created_at TEXT NOT NULL,
                read_at TEXT
            );
            CREATE INDEX notifications_rider ON notifications(rider_id, seq);
            """)
    }
}
