import GRDB

extension Migrations {
    /// Coordinators publish questionnaires (#18): who published each version, and which surveys are closed to
    /// new answers (one row per closed survey id; reopening deletes it).
    static func surveyPublishing(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE surveys ADD COLUMN published_by TEXT;

            CREATE TABLE survey_closures (
                survey_id TEXT PRIMARY KEY NOT NULL,
                closed_at TEXT NOT NULL,
                closed_by TEXT NOT NULL
            );
            """)
    }
}
