import GRDB

extension Migrations {
    /// Deadlines per category (#20): hours to review a submitted report and hours to resolve an accepted one;
    /// and the overdue notices already given, so `report.overdue` goes out once per report and stage.
    static func deadlines(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE category_deadlines (
                category_code TEXT PRIMARY KEY NOT NULL REFERENCES categories(code),
                review_hours INTEGER NOT NULL CHECK (review_hours BETWEEN 1 AND 8760),
                resolve_hours INTEGER NOT NULL CHECK (resolve_hours BETWEEN 1 AND 8760),
                updated_at TEXT NOT NULL
            );

            CREATE TABLE overdue_notices (
                report_id TEXT NOT NULL REFERENCES reports(id),
                stage TEXT NOT NULL CHECK (stage IN ('review', 'resolve')),
                due_at TEXT NOT NULL,
                noticed_at TEXT NOT NULL,
                PRIMARY KEY (report_id, stage)
            ) WITHOUT ROWID;
            """)
    }
}
