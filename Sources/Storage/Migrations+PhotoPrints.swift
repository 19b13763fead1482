import GRDB

extension Migrations {
    /// Thumbnails and perceptual hashes of stored photos (#22), and the re-use mark on reports. The thumbnail
    /// file is named after its photo (`<sha256>.thumb.jpg`), so the row holds only the hash and the size.
    static func photoPrints(_ db: Database) throws {
        try db.execute(sql: """
            -- One row per stored photo file: its 64-bit DCT perceptual hash (as a signed 64-bit integer) and size.
            CREATE TABLE photo_prints (
                sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
                phash INTEGER NOT NULL,
                width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 8192),
                height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 8192),
                made_at TEXT NOT NULL
            ) WITHOUT ROWID;

            -- A photo within a small Hamming distance of a photo of another report of the last 30 days: which
            -- report, which of this report's photos, how close; cleared when a coordinator accepts it as original.
            ALTER TABLE reports ADD COLUMN reuse_of TEXT REFERENCES reports(id);
            ALTER TABLE reports ADD COLUMN reuse_position INTEGER CHECK (reuse_position BETWEEN 0 AND 4);
            ALTER TABLE reports ADD COLUMN reuse_distance INTEGER CHECK (reuse_distance BETWEEN 0 AND 64);
            ALTER TABLE reports ADD COLUMN reuse_cleared INTEGER NOT NULL DEFAULT 0 CHECK (reuse_cleared IN (0, 1));
            -- The re-use look-up reads the photos of every report of the last 30 days.
            CREATE INDEX reports_submitted ON reports(submitted_at);
            """)
    }
}
