import GRDB

extension Migrations {
    /// Agencies as records (#20): the bodies reports are dispatched to, with an optional Open311 endpoint.
    /// Reports keep their free-text `agency` (old reports stay readable) and gain the record's id.
    static func agencies(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agencies (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                open311_endpoint TEXT,
                -- Sent to the agency's endpoint only; never shown by a command, a view, an event or a log.
                api_key TEXT,
                jurisdiction_id TEXT,
                -- Report category code → the agency's Open311 service_code.
                services TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(services) AND json_type(services) = 'object'),
                allow_private INTEGER NOT NULL DEFAULT 0 CHECK (allow_private IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                retired_at TEXT
            );
            -- Dispatching by name must be unambiguous among the agencies in service.
            CREATE UNIQUE INDEX agencies_active_name ON agencies(name) WHERE retired_at IS NULL;

            ALTER TABLE reports ADD COLUMN agency_id TEXT REFERENCES agencies(id);
            """)
    }
}
