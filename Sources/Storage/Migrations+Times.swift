import GRDB

extension Migrations {
    /// Every stored time is UTC with `Z` (CLI.md). Activity sessions loaded from the Seed kept the file's
    /// `+08:00` spelling, which then showed in `activities list --json` and compared wrongly as text against
    /// UTC instants. SQLite's `strftime` reads the offset and writes the same instant in UTC.
    static func utcSessionTimes(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE activity_sessions
            SET starts_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', starts_at), starts_at),
                ends_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', ends_at), ends_at)
            WHERE starts_at NOT LIKE '%Z' OR ends_at NOT LIKE '%Z';
            """)
    }
}
