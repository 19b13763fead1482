import GRDB

extension Migrations {
    /// Questionnaires and responses, activities with sessions and sign-ups, party lessons.
    static func engagement(_ db: Database) throws {
        try db.execute(sql: """
            -- Versioned definitions from Seed (JSON, validated when loaded).
            CREATE TABLE surveys (
                id TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version > 0),
                definition TEXT NOT NULL CHECK (json_valid(definition)),
                loaded_at TEXT NOT NULL,
                PRIMARY KEY (id, version)
            );

            -- One response per rider per survey version; answering again replaces it. Consent is required.
            CREATE TABLE survey_responses (
                survey_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                rider_id TEXT NOT NULL REFERENCES riders(id),
                answers TEXT NOT NULL CHECK (json_valid(answers)),
                consent INTEGER NOT NULL CHECK (consent = 1),
                answered_at TEXT NOT NULL,
                PRIMARY KEY (survey_id, version, rider_id),
                FOREIGN KEY (survey_id, version) REFERENCES surveys(id, version)
            ) WITHOUT ROWID;

            CREATE TABLE activities (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('health', 'affairs', 'skills')),
                title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
                title_zh TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
            );

            -- `signed_up` is kept by the triggers below; its CHECK makes overbooking impossible.
            CREATE TABLE activity_sessions (
                id TEXT PRIMARY KEY NOT NULL,
                activity_id TEXT NOT NULL REFERENCES activities(id),
                starts_at TEXT NOT NULL,
                ends_at TEXT NOT NULL,
                place TEXT NOT NULL,
                capacity INTEGER NOT NULL CHECK (capacity > 0),
                signed_up INTEGER NOT NULL DEFAULT 0 CHECK (signed_up >= 0 AND signed_up <= capacity),
                CHECK (ends_at > starts_at)
            );
            CREATE INDEX activity_sessions_activity ON activity_sessions(activity_id, starts_at);

            -- One row per rider and session: 'confirmed' holds a place, 'waiting' is on the waitlist (in order of
            -- `queued_at`), 'cancelled' gave it up. A cancelled rider may sign up again (a new place in the queue).
            CREATE TABLE activity_signups (
                session_id TEXT NOT NULL REFERENCES activity_sessions(id),
                rider_id TEXT NOT NULL REFERENCES riders(id),
                state TEXT NOT NULL CHECK (state IN ('confirmed', 'waiting', 'cancelled')),
                queued_at TEXT NOT NULL,
                queue_seq INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                checked_in_at TEXT,
                PRIMARY KEY (session_id, rider_id),
                CHECK (checked_in_at IS NULL OR state = 'confirmed')
            ) WITHOUT ROWID;
            CREATE INDEX activity_signups_queue ON activity_signups(session_id, state, queue_seq);

            CREATE TRIGGER activity_signups_take_place AFTER INSERT ON activity_signups WHEN NEW.state = 'confirmed'
            BEGIN
                UPDATE activity_sessions SET signed_up = signed_up + 1 WHERE id = NEW.session_id;
            END;
            CREATE TRIGGER activity_signups_change_place AFTER UPDATE OF state ON activity_signups
                WHEN (OLD.state = 'confirmed') <> (NEW.state = 'confirmed')
            BEGIN
                UPDATE activity_sessions
                SET signed_up = signed_up + (CASE WHEN NEW.state = 'confirmed' THEN 1 ELSE -1 END)
                WHERE id = NEW.session_id;
            END;

            CREATE TABLE lessons (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                title_zh TEXT NOT NULL,
                summary TEXT NOT NULL DEFAULT '',
                link TEXT NOT NULL,
                points INTEGER NOT NULL CHECK (points >= 0),
                position INTEGER NOT NULL
            );

            CREATE TABLE lesson_completions (
                lesson_id TEXT NOT NULL REFERENCES lessons(id),
                rider_id TEXT NOT NULL REFERENCES riders(id),
                completed_at TEXT NOT NULL,
                points INTEGER NOT NULL,
                PRIMARY KEY (lesson_id, rider_id)
            ) WITHOUT ROWID;
            """)
    }
}
