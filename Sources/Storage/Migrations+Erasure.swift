import GRDB

extension Migrations {
    /// Riders can be erased on request: the phone becomes NULL exactly when `erased_at` is set. SQLite cannot
    /// change a column's constraint in place, so the table is rebuilt (same rows, same order; the migrator turns
    /// foreign keys off for the rebuild and checks them all before it commits).
    static func riderErasure(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE riders_v9 (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
                phone TEXT UNIQUE CHECK (phone IS NULL OR (length(phone) = 11 AND phone GLOB '1[3-9][0-9]*')),
                platform TEXT NOT NULL CHECK (platform IN ('meituan', 'eleme', 'other')),
                party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
                branch TEXT CHECK (branch IS NULL OR length(branch) BETWEEN 1 AND 100),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                registered_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deactivated_at TEXT,
                erased_at TEXT,
                CHECK ((erased_at IS NULL) = (phone IS NOT NULL)),
                CHECK (erased_at IS NULL OR (active = 0 AND branch IS NULL AND party_member = 0))
            );
            INSERT INTO riders_v9 (id, name, phone, platform, party_member, branch, active, registered_at, updated_at,
                                   deactivated_at)
                SELECT id, name, phone, platform, party_member, branch, active, registered_at, updated_at, deactivated_at
                FROM riders ORDER BY rowid;
            DROP TABLE riders;
            ALTER TABLE riders_v9 RENAME TO riders;
            CREATE INDEX riders_platform ON riders(platform);
            """)
    }
}
