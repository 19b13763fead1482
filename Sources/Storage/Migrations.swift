import GRDB

/// The schema, as append-only migrations. A landed migration is never edited: add a new one.
/// Table and column names are strings here, never app types, so old migrations keep compiling.
public enum Migrations {
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        migrator.registerMigration("v2-governance", migrate: governance)
        migrator.registerMigration("v3-points", migrate: points)
        migrator.registerMigration("v4-webhooks", migrate: webhooks)
        migrator.registerMigration("v5-service-map", migrate: serviceMap)
        migrator.registerMigration("v6-reports", migrate: reports)
        migrator.registerMigration("v7-engagement", migrate: engagement)
        migrator.registerMigration("v8-operations", migrate: operations)
        migrator.registerMigration("v9-rider-erasure", migrate: riderErasure)
        migrator.registerMigration("v10-ledger-bounds", migrate: ledgerBounds)
        migrator.registerMigration("v11-utc-session-times", migrate: utcSessionTimes)
        migrator.registerMigration("v12-demand-spool", migrate: demandSpool)
        migrator.registerMigration("v13-photo-prints", migrate: photoPrints)
        migrator.registerMigration("v14-rider-inbox", migrate: riderInbox)
        migrator.registerMigration("v15-invitations", migrate: invitations)
        migrator.registerMigration("v16-agencies", migrate: agencies)
        migrator.registerMigration("v17-open311-sends", migrate: open311Sends)
        migrator.registerMigration("v18-deadlines", migrate: deadlines)
        migrator.registerMigration("v19-activity-programme", migrate: activityProgramme)
        migrator.registerMigration("v20-lesson-quizzes", migrate: lessonQuizzes)
        migrator.registerMigration("v21-survey-publishing", migrate: surveyPublishing)
        migrator.registerMigration("v22-role-programme", migrate: roleProgramme)
        migrator.registerMigration("v23-reminders", migrate: reminders)
        migrator.registerMigration("v24-console-sessions", migrate: consoleSessions)
        migrator.registerMigration("v25-photo-reuse-changes", migrate: photoReuseChanges)
        migrator.registerMigration("v26-map-generation", migrate: mapGeneration)
        migrator.registerMigration("v27-map-generation-any-change", migrate: mapGenerationAnyChange)
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
            -- event_id is 80 random bits and needs no unique index: every index is one more page written
            -- per commit, and every use case writes here.
            CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL CHECK (json_valid(payload)),
                created_at TEXT NOT NULL
            );
            """)
    }

    static func governance(_ db: Database) throws {
        try db.execute(sql: """
            -- Operational settings an admin may change (`tuanju settings`).
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            -- A posting of a governance role. `claimed` is kept by the triggers below, and its CHECK makes
            -- overbooking impossible even for a buggy caller.
            CREATE TABLE tasks (
                id TEXT PRIMARY KEY NOT NULL,
                role_code TEXT NOT NULL REFERENCES roles(code),
                title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
                description TEXT NOT NULL DEFAULT '',
                area_lat REAL CHECK (area_lat IS NULL OR area_lat BETWEEN -90 AND 90),
                area_lon REAL CHECK (area_lon IS NULL OR area_lon BETWEEN -180 AND 180),
                area_radius_m REAL CHECK (area_radius_m IS NULL OR area_radius_m > 0),
                capacity INTEGER NOT NULL CHECK (capacity > 0),
                claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed >= 0 AND claimed <= capacity),
                starts_at TEXT,
                ends_at TEXT,
                points INTEGER CHECK (points IS NULL OR points >= 0),
                state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                closed_at TEXT,
                CHECK ((area_lat IS NULL) = (area_lon IS NULL) AND (area_lat IS NULL) = (area_radius_m IS NULL)),
                CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at)
            );
            CREATE INDEX tasks_role ON tasks(role_code, state);

            -- Every claim ever made; a seat is held while state = 'active'. WITHOUT ROWID and one partial index:
            -- a claim writes two B-trees (plus the posting and the outbox), which is what bounds claims/s.
            -- History by posting or rider scans the table, which is fine for the rare coordinator query.
            CREATE TABLE claims (
                id TEXT PRIMARY KEY NOT NULL,
                task_id TEXT NOT NULL REFERENCES tasks(id),
                rider_id TEXT NOT NULL REFERENCES riders(id),
                state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'released', 'revoked', 'ended')),
                claimed_at TEXT NOT NULL,
                ended_at TEXT,
                ended_by TEXT,
                reason TEXT,
                CHECK ((state = 'active') = (ended_at IS NULL))
            ) WITHOUT ROWID;
            -- One active claim per rider and posting; also serves "a rider's live claims".
            CREATE UNIQUE INDEX claims_one_active ON claims(rider_id, task_id) WHERE state = 'active';

            CREATE TRIGGER claims_take_seat AFTER INSERT ON claims WHEN NEW.state = 'active'
            BEGIN
                UPDATE tasks SET claimed = claimed + 1 WHERE id = NEW.task_id;
            END;
            CREATE TRIGGER claims_free_seat AFTER UPDATE OF state ON claims
                WHEN OLD.state = 'active' AND NEW.state <> 'active'
            BEGIN
                UPDATE tasks SET claimed = claimed - 1 WHERE id = NEW.task_id;
            END;
            CREATE TRIGGER claims_never_reopen BEFORE UPDATE OF state ON claims
                WHEN OLD.state <> 'active'
            BEGIN
                SELECT RAISE(ABORT, 'an ended claim cannot change');
            END;
            CREATE TRIGGER claims_never_delete BEFORE DELETE ON claims
            BEGIN
                SELECT RAISE(ABORT, 'claims are history and are never deleted');
            END;
            """)
    }

    static func points(_ db: Database) throws {
        try db.execute(sql: """
            -- Double-entry ledger. Accounts: one per rider ('rider:<id>'), the subdistrict's 'budget', and the
            -- 'redemptions' and 'adjustments' accounts. `balance` and `held` are caches kept by triggers;
            -- `points verify` recomputes them from transfers and holds.
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('rider', 'budget', 'redemptions', 'adjustments')),
                rider_id TEXT UNIQUE REFERENCES riders(id),
                balance INTEGER NOT NULL DEFAULT 0,
                held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
                CHECK ((kind = 'rider') = (rider_id IS NOT NULL)),
                CHECK (kind <> 'rider' OR (balance >= 0 AND held <= balance))
            );
            INSERT INTO accounts (id, kind) VALUES ('budget', 'budget'), ('redemptions', 'redemptions'),
                ('adjustments', 'adjustments');

            -- Append-only: every movement of points, keyed by its cause so it can never happen twice.
            CREATE TABLE transfers (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE,
                from_account TEXT NOT NULL REFERENCES accounts(id),
                to_account TEXT NOT NULL REFERENCES accounts(id),
                amount INTEGER NOT NULL CHECK (amount > 0),
                kind TEXT NOT NULL CHECK (kind IN ('award', 'adjustment', 'redemption')),
                reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
                created_by TEXT,
                created_at TEXT NOT NULL,
                CHECK (from_account <> to_account)
            );
            CREATE INDEX transfers_from ON transfers(from_account);
            CREATE INDEX transfers_to ON transfers(to_account);
            CREATE TRIGGER transfers_post AFTER INSERT ON transfers
            BEGIN
                UPDATE accounts SET balance = balance - NEW.amount WHERE id = NEW.from_account;
                UPDATE accounts SET balance = balance + NEW.amount WHERE id = NEW.to_account;
            END;
            CREATE TRIGGER transfers_no_update BEFORE UPDATE ON transfers
            BEGIN
                SELECT RAISE(ABORT, 'the ledger is append-only: correct with a new transfer');
            END;
            CREATE TRIGGER transfers_no_delete BEFORE DELETE ON transfers
            BEGIN
                SELECT RAISE(ABORT, 'the ledger is append-only: correct with a new transfer');
            END;

            -- Points set aside for a redemption: unavailable but not spent. Resolved exactly once.
            CREATE TABLE holds (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                amount INTEGER NOT NULL CHECK (amount > 0),
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'posted', 'voided', 'expired')),
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                resolved_at TEXT,
                CHECK ((state = 'pending') = (resolved_at IS NULL))
            );
            CREATE TRIGGER holds_take AFTER INSERT ON holds WHEN NEW.state = 'pending'
            BEGIN
                UPDATE accounts SET held = held + NEW.amount WHERE id = NEW.account_id;
            END;
            CREATE TRIGGER holds_resolve AFTER UPDATE OF state ON holds
                WHEN OLD.state = 'pending' AND NEW.state <> 'pending'
            BEGIN
                UPDATE accounts SET held = held - OLD.amount WHERE id = OLD.account_id;
            END;
            CREATE TRIGGER holds_once BEFORE UPDATE ON holds WHEN OLD.state <> 'pending'
            BEGIN
                SELECT RAISE(ABORT, 'a hold is resolved exactly once');
            END;
            CREATE TRIGGER holds_no_delete BEFORE DELETE ON holds
            BEGIN
                SELECT RAISE(ABORT, 'holds are never deleted');
            END;

            CREATE TABLE rewards (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
                name_zh TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
                cost INTEGER NOT NULL CHECK (cost > 0),
                stock INTEGER NOT NULL CHECK (stock >= 0),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE redemption_batches (
                id TEXT PRIMARY KEY NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('running', 'completed')),
                requests INTEGER NOT NULL DEFAULT 0,
                fulfilled INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0,
                report TEXT,
                started_by TEXT NOT NULL,
                started_at TEXT NOT NULL,
                completed_at TEXT
            );
            CREATE UNIQUE INDEX redemption_batches_one_running ON redemption_batches(state) WHERE state = 'running';

            CREATE TABLE redemptions (
                id TEXT PRIMARY KEY NOT NULL,
                rider_id TEXT NOT NULL REFERENCES riders(id),
                reward_id TEXT NOT NULL REFERENCES rewards(id),
                quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
                points INTEGER NOT NULL CHECK (points > 0),
                hold_id TEXT NOT NULL UNIQUE REFERENCES holds(id),
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'fulfilled', 'rejected', 'cancelled', 'expired')),
                batch_id TEXT REFERENCES redemption_batches(id),
                reason TEXT,
                requested_at TEXT NOT NULL,
                resolved_at TEXT,
                CHECK ((state = 'pending') = (resolved_at IS NULL))
            );
            CREATE INDEX redemptions_queue ON redemptions(state, batch_id, requested_at);
            CREATE INDEX redemptions_rider ON redemptions(rider_id);
            CREATE TRIGGER redemptions_once BEFORE UPDATE OF state ON redemptions WHEN OLD.state <> 'pending'
            BEGIN
                SELECT RAISE(ABORT, 'a redemption is resolved exactly once');
            END;
            """)
    }

    static func webhooks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE webhook_endpoints (
                id TEXT PRIMARY KEY NOT NULL,
                url TEXT NOT NULL,
                events TEXT NOT NULL,
                secret TEXT NOT NULL,
                previous_secret TEXT,
                previous_secret_until TEXT,
                allow_private INTEGER NOT NULL DEFAULT 0 CHECK (allow_private IN (0, 1)),
                enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
                disabled_reason TEXT,
                failing_since TEXT,
                removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
                created_at TEXT NOT NULL
            );

            -- One row per (endpoint, event): created by the fan-out, which reads the outbox after a durable
            -- cursor in the same transaction that advances it.
            CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY NOT NULL,
                endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
                event_seq INTEGER NOT NULL REFERENCES outbox(seq),
                state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead', 'held')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_status INTEGER,
                last_error TEXT,
                created_at TEXT NOT NULL,
                delivered_at TEXT,
                UNIQUE (endpoint_id, event_seq)
            );
            CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);

            CREATE TABLE webhook_attempts (
                delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id),
                at TEXT NOT NULL,
                status_code INTEGER,
                error TEXT,
                duration_ms INTEGER NOT NULL
            );
            CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id);

            CREATE TABLE webhook_cursor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq INTEGER NOT NULL
            );
            INSERT INTO webhook_cursor (id, seq) VALUES (1, 0);
            """)
    }
}
