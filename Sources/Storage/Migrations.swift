import GRDB

/// The schema, as append-only migrations. A landed migration is never edited: add a new one.
/// Table and column names are strings here, never app types, so old migrations keep compiling.
public enum Migrations {
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        return migrator
    }

    /// The number of migrations this build knows.
    public static var latestVersion: Int { migrator.migrations.count }

    static func foundation(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
                role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator')),
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );

            -- Tokens are stored only as SHA-256 hashes; the token itself is printed once.
            CREATE TABLE credentials (
                token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
                subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'rider')),
                subject_id TEXT NOT NULL,
                issued_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE INDEX credentials_subject ON credentials(subject_kind, subject_id);

            CREATE TABLE riders (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
                phone TEXT NOT NULL UNIQUE CHECK (length(phone) = 11 AND phone GLOB '1[3-9][0-9]*'),
                platform TEXT NOT NULL CHECK (platform IN ('meituan', 'eleme', 'other')),
                party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
                branch TEXT CHECK (branch IS NULL OR length(branch) BETWEEN 1 AND 100),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                registered_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deactivated_at TEXT
            );
            CREATE INDEX riders_platform ON riders(platform);

            CREATE TABLE roles (
                code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '[a-z]*'),
                name TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL
            );

            CREATE TABLE categories (
                code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '[a-z]*'),
                role_code TEXT NOT NULL REFERENCES roles(code),
                name TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                points INTEGER NOT NULL CHECK (points >= 0),
                position INTEGER NOT NULL
            );
            CREATE INDEX categories_role ON categories(role_code);

            -- Each part of the built-in seed is loaded once; a later init never overwrites edits.
            CREATE TABLE seed_loads (
                part TEXT PRIMARY KEY NOT NULL,
                loaded_at TEXT NOT NULL
            );

            -- Events appended by use cases inside their own transaction; the notifier delivers them.
            CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                payload TEXT NOT NULL CHECK (json_valid(payload)),
                created_at TEXT NOT NULL
            );
            """)
    }
}
