import GRDB

extension Migrations {
    /// Coordinators add, change and retire governance roles and report categories (#18): the seeded 8 roles are the
    /// starting set. A category's points become a range (`points` the default award, `points_max` the most a review
    /// may give); a retired role takes no new postings, a retired category no new reports.
    static func roleProgramme(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE roles ADD COLUMN retired_at TEXT;
            ALTER TABLE roles ADD COLUMN created_by TEXT;
            ALTER TABLE roles ADD COLUMN updated_at TEXT;

            ALTER TABLE categories ADD COLUMN points_max INTEGER CHECK (points_max IS NULL OR points_max BETWEEN points AND 10000);
            ALTER TABLE categories ADD COLUMN retired_at TEXT;
            ALTER TABLE categories ADD COLUMN created_by TEXT;
            """)
    }
}
