import GRDB

extension Migrations {
    /// `map_generation` counts every change to an active point's row, not only to its position (#21): a
    /// server's `MapGrid` now keeps each point's kind and hours, and the decoded rows of the points it has
    /// answered with, so a renamed point or new opening hours must also make it stale. Points are never deleted
    /// (a trigger refuses it); an inactive point added is in no search, so inserts count as before.
    static func mapGenerationAnyChange(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER service_points_generation_update;
            CREATE TRIGGER service_points_generation_update AFTER UPDATE ON service_points
            BEGIN
                UPDATE map_generation SET generation = generation + 1 WHERE id = 1;
            END;
            """)
    }
}
