import GRDB

extension Migrations {
    /// A counter of changes to the map's search index (#21): a server keeps the index's boxes in memory
    /// (`MapGrid`) and checks this one row, in each search's read transaction, to know whether its copy still
    /// matches. The triggers fire on what changes `service_points_rtree` (an active point added; position or
    /// active changed), in the same transaction.
    static func mapGeneration(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE map_generation (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                generation INTEGER NOT NULL
            );
            INSERT INTO map_generation (id, generation) VALUES (1, 0);
            CREATE TRIGGER service_points_generation_insert AFTER INSERT ON service_points WHEN NEW.active = 1
            BEGIN
                UPDATE map_generation SET generation = generation + 1 WHERE id = 1;
            END;
            CREATE TRIGGER service_points_generation_update AFTER UPDATE OF lat, lon, active ON service_points
            BEGIN
                UPDATE map_generation SET generation = generation + 1 WHERE id = 1;
            END;
            """)
    }
}
