import GRDB

extension Migrations {
    /// The warm-heart map: service points, their R*Tree, and the per-cell demand counts.
    static func serviceMap(_ db: Database) throws {
        try db.execute(sql: """
            -- Kinds of service point (station, box, meal, ...), loaded from Seed.
            CREATE TABLE service_point_kinds (
                code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '[a-z]*'),
                name TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                position INTEGER NOT NULL
            );

            -- Stored in WGS-84. `rid` is the R*Tree key; `id` is what users see. A point is never deleted:
            -- `map remove` deactivates it.
            CREATE TABLE service_points (
                rid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                external_id TEXT UNIQUE CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 100),
                kind TEXT NOT NULL REFERENCES service_point_kinds(code),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                address TEXT NOT NULL DEFAULT '',
                lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                opening_hours TEXT,
                amenities TEXT NOT NULL DEFAULT '',
                contact TEXT NOT NULL DEFAULT '',
                sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            -- Active points only, kept by the triggers below in the same transaction as the table. The box is the
            -- point (float32, rounded outwards by SQLite). No auxiliary columns: SQLite reads those with one more
            -- B-tree look-up per row, which cost four times the search itself; the search reads exact positions
            -- (and the kind) from service_points only for the candidates that can still win. (A third dimension
            -- for the kind made every node box flat and the tree useless: 60 ms a search.)
            CREATE VIRTUAL TABLE service_points_rtree USING rtree(rid, min_lat, max_lat, min_lon, max_lon);
            CREATE TRIGGER service_points_index_insert AFTER INSERT ON service_points WHEN NEW.active = 1
            BEGIN
                INSERT INTO service_points_rtree VALUES (NEW.rid, NEW.lat, NEW.lat, NEW.lon, NEW.lon);
            END;
            CREATE TRIGGER service_points_index_update AFTER UPDATE OF lat, lon, active ON service_points
            BEGIN
                DELETE FROM service_points_rtree WHERE rid = OLD.rid;
                INSERT INTO service_points_rtree SELECT NEW.rid, NEW.lat, NEW.lat, NEW.lon, NEW.lon WHERE NEW.active = 1;
            END;
            CREATE TRIGGER service_points_never_delete BEFORE DELETE ON service_points
            BEGIN
                SELECT RAISE(ABORT, 'service points are deactivated, never deleted');
            END;

            -- How many nearest-searches started in each ~250 m cell per day. Never a position: the cell is
            -- floor(lat / 0.00225) × floor(lon / 0.0026), about 250 × 250 m around Hangzhou.
            CREATE TABLE map_demand (
                day TEXT NOT NULL,
                cell_lat INTEGER NOT NULL,
                cell_lon INTEGER NOT NULL,
                kind TEXT NOT NULL DEFAULT '',
                queries INTEGER NOT NULL CHECK (queries > 0),
                PRIMARY KEY (day, cell_lat, cell_lon, kind)
            ) WITHOUT ROWID;
            """)
    }
}
