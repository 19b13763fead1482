import GRDB

extension Migrations {
    /// The Open311 loop (#20): each dispatch to an agency with an endpoint becomes one send, made from the outbox
    /// after a durable cursor (as webhook fan-out is), retried on the webhook schedule; the agency's request id
    /// (or token) and the last status read back are kept on it.
    static func open311Sends(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE open311_sends (
                id TEXT PRIMARY KEY NOT NULL,
                report_id TEXT NOT NULL REFERENCES reports(id),
                agency_id TEXT NOT NULL REFERENCES agencies(id),
                -- The report.dispatched event it came from: a dispatch is sent once, whatever crashes around it.
                event_seq INTEGER NOT NULL UNIQUE,
                state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_status INTEGER,
                last_error TEXT,
                service_request_id TEXT,
                token TEXT,
                agency_status TEXT,
                status_notes TEXT,
                checked_at TEXT,
                created_at TEXT NOT NULL,
                sent_at TEXT,
                closed_at TEXT,
                CHECK (state <> 'sent' OR service_request_id IS NOT NULL OR token IS NOT NULL)
            );
            CREATE INDEX open311_sends_due ON open311_sends(state, next_attempt_at);
            CREATE INDEX open311_sends_report ON open311_sends(report_id);

            CREATE TABLE open311_attempts (
                send_id TEXT NOT NULL REFERENCES open311_sends(id),
                at TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('post', 'poll', 'token')),
                status_code INTEGER,
                error TEXT,
                duration_ms INTEGER NOT NULL
            );
            CREATE INDEX open311_attempts_send ON open311_attempts(send_id);

            -- Dispatches before this migration were names only: nothing to send for them.
            CREATE TABLE open311_cursor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq INTEGER NOT NULL
            );
            INSERT INTO open311_cursor (id, seq) VALUES (1, (SELECT coalesce(max(seq), 0) FROM outbox));
            """)
    }
}
