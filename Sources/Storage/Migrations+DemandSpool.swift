import GRDB

extension Migrations {
    /// Map-search counts that a read-only command could not write (another process held the write lock) wait
    /// in spool files under `<data>/spool`; the next flush adds them. This table names the spool files already
    /// added, in the same transaction as their counts, so a file left behind by a crash before its deletion is
    /// never counted twice. Names leave the table once their file is gone.
    static func demandSpool(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE map_demand_spool (
                name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                applied_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}
