import GRDB

extension Migrations {
    /// Coordinators add, change and retire lessons (#18); a lesson may carry a quiz (JSON with its answer key, never
    /// shown to riders). Every attempt is kept: at most 3 per rider, lesson and day (`day` is the China date).
    static func lessonQuizzes(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE lessons ADD COLUMN quiz TEXT CHECK (quiz IS NULL OR json_valid(quiz));
            ALTER TABLE lessons ADD COLUMN created_by TEXT;
            ALTER TABLE lessons ADD COLUMN updated_at TEXT;
            ALTER TABLE lessons ADD COLUMN retired_at TEXT;

            CREATE TABLE lesson_attempts (
                lesson_id TEXT NOT NULL REFERENCES lessons(id),
                rider_id TEXT NOT NULL REFERENCES riders(id),
                day TEXT NOT NULL,
                attempted_at TEXT NOT NULL,
                correct INTEGER NOT NULL CHECK (correct >= 0),
                total INTEGER NOT NULL CHECK (total > 0 AND correct <= total),
                passed INTEGER NOT NULL CHECK (passed IN (0, 1))
            );
            CREATE INDEX lesson_attempts_day ON lesson_attempts(lesson_id, rider_id, day);
            """)
    }
}
