import GRDB

extension Migrations {
    /// Photo reports, their photos and review history, and the service area they must fall in.
    static func reports(_ db: Database) throws {
        try db.execute(sql: """
            -- Where reports are accepted: polygons (WGS-84, GeoJSON ring order) loaded from Seed.
            CREATE TABLE service_areas (
                code TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                ring TEXT NOT NULL CHECK (json_valid(ring))
            );

            -- Random per installation: exports name riders by a keyed hash of their id, never by the id.
            CREATE TABLE install_secrets (
                name TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            INSERT INTO install_secrets (name, value) VALUES ('pseudonym_key', lower(hex(randomblob(32))));

            CREATE TABLE reports (
                id TEXT PRIMARY KEY NOT NULL,
                rider_id TEXT NOT NULL REFERENCES riders(id),
                category_code TEXT NOT NULL REFERENCES categories(code),
                task_id TEXT NOT NULL REFERENCES tasks(id),
                claim_id TEXT NOT NULL REFERENCES claims(id),
                lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
                lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
                location_source TEXT CHECK (location_source IN ('given', 'photo')),
                note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
                status TEXT NOT NULL CHECK (status IN
                    ('submitted', 'accepted', 'rejected', 'duplicate', 'dispatched', 'resolved', 'reopened')),
                -- At submission: a suggested duplicate; after review as duplicate: the report it duplicates.
                duplicate_of TEXT REFERENCES reports(id),
                agency TEXT,
                points_awarded INTEGER NOT NULL DEFAULT 0 CHECK (points_awarded >= 0),
                submitted_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK ((lat IS NULL) = (lon IS NULL)),
                CHECK (duplicate_of IS NULL OR duplicate_of <> id)
            );
            CREATE INDEX reports_rider ON reports(rider_id, submitted_at);
            CREATE INDEX reports_status ON reports(status, submitted_at);
            CREATE INDEX reports_updated ON reports(updated_at);
            -- Duplicate detection looks at open reports of one category in the last day.
            CREATE INDEX reports_open ON reports(category_code, submitted_at)
                WHERE status IN ('submitted', 'accepted', 'dispatched', 'reopened');

            -- 1 to 5 photos per report, stored once by SHA-256 under <data>/photos.
            CREATE TABLE report_photos (
                report_id TEXT NOT NULL REFERENCES reports(id),
                position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 4),
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
                bytes INTEGER NOT NULL CHECK (bytes > 0),
                PRIMARY KEY (report_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX report_photos_hash ON report_photos(sha256);

            -- Every transition: who, when, a note. Append-only.
            CREATE TABLE report_history (
                report_id TEXT NOT NULL REFERENCES reports(id),
                seq INTEGER NOT NULL,
                status TEXT NOT NULL,
                at TEXT NOT NULL,
                by TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (report_id, seq)
            ) WITHOUT ROWID;
            CREATE TRIGGER report_history_no_update BEFORE UPDATE ON report_history
            BEGIN
                SELECT RAISE(ABORT, 'report history is append-only');
            END;
            CREATE TRIGGER report_history_no_delete BEFORE DELETE ON report_history
            BEGIN
                SELECT RAISE(ABORT, 'report history is append-only');
            END;
            """)
    }
}
