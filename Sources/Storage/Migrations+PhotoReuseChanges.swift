import GRDB

extension Migrations {
    /// The re-use look-up (#21) keeps the prints of recent reports in memory, per process, and reads only the
    /// reports added since (by rowid). Every other change that could alter its answer bumps `generation`, and a
    /// changed generation makes the look-up read the 30-day window again. A submission bumps nothing: its print
    /// is saved before its photos, and its report is the newest (the look-up reads the newest report again).
    static func photoReuseChanges(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE photo_reuse_changes (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                generation INTEGER NOT NULL
            );
            INSERT INTO photo_reuse_changes (id, generation) VALUES (1, 0);

            CREATE TRIGGER reports_reuse_insert AFTER INSERT ON reports
                WHEN NEW.rowid < (SELECT max(rowid) FROM reports)
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            CREATE TRIGGER reports_reuse_update AFTER UPDATE OF id, submitted_at ON reports
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            CREATE TRIGGER reports_reuse_delete AFTER DELETE ON reports
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;

            -- A photo added to a report that is not the newest one.
            CREATE TRIGGER report_photos_reuse_insert AFTER INSERT ON report_photos
                WHEN coalesce((SELECT rowid FROM reports WHERE id = NEW.report_id), 0) < (SELECT max(rowid) FROM reports)
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            CREATE TRIGGER report_photos_reuse_update AFTER UPDATE OF report_id, position, sha256 ON report_photos
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            CREATE TRIGGER report_photos_reuse_delete AFTER DELETE ON report_photos
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;

            -- A print made for a photo some report already has (`photos rebuild`).
            CREATE TRIGGER photo_prints_reuse_insert AFTER INSERT ON photo_prints
                WHEN EXISTS (SELECT 1 FROM report_photos WHERE sha256 = NEW.sha256)
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            CREATE TRIGGER photo_prints_reuse_update AFTER UPDATE OF sha256, phash ON photo_prints
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            CREATE TRIGGER photo_prints_reuse_delete AFTER DELETE ON photo_prints
            BEGIN UPDATE photo_reuse_changes SET generation = generation + 1; END;
            """)
    }
}
