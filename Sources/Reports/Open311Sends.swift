import Foundation
import GRDB
import Storage
import TuanjuCore

/// One dispatch on its way to an agency's Open311 endpoint, and what came back.
public struct Open311Send: Sendable, Equatable {
    public let id: String
    public let reportID: String
    public let agencyID: String
    public let state: String
    public let attempts: Int
    public let lastStatus: Int?
    public let lastError: String?
    public let serviceRequestID: String?
    public let token: String?
    public let agencyStatus: String?
    public let statusNotes: String?

    static let columns = """
        id, report_id, agency_id, state, attempts, last_status, last_error, service_request_id, token, agency_status, status_notes
        """

    init(row: Row) {
        id = row[0]
        reportID = row[1]
        agencyID = row[2]
        state = row[3]
        attempts = row[4]
        lastStatus = row[5]
        lastError = row[6]
        serviceRequestID = row[7]
        token = row[8]
        agencyStatus = row[9]
        statusNotes = row[10]
    }
}

/// Where and how to reach an agency: read at send time, so a fixed key or endpoint applies to the next attempt.
public struct Open311Target: Sendable, Equatable {
    public let agencyID: String
    /// Ends with `/`.
    public let endpoint: String
    public let apiKey: String?
    public let jurisdictionID: String?
    public let allowPrivate: Bool
}

/// A send that is due, with its form fields (GeoReport v2 POST requests.json).
public struct DueOpen311Send: Sendable {
    public let send: Open311Send
    public let target: Open311Target
    public let fields: [(String, String)]
}

/// What a recorded POST led to.
public enum Open311PostOutcome: Sendable, Equatable {
    case sent(Open311Send)
    case retrying
    /// Refused for good (400: the agency will not take this request as it is) or out of retries.
    case dead(reason: String)
}

/// What a status read back changed.
public enum Open311StatusChange: Sendable, Equatable {
    /// The agency closed the request: the report is resolved.
    case resolved(Report, note: String)
    /// A new status or new notes: recorded in the report's history.
    case updated(Report, note: String)
}

/// The rules of the Open311 loop. Each runs inside the caller's transaction; the HTTP calls are the caller's.
public enum Open311Sends {
    // MARK: - Out: from the outbox to the agency

    /// Turns `report.dispatched` events after the durable cursor into sends, for agencies with an endpoint, and
    /// moves the cursor, in the caller's transaction (as webhook fan-out does). Returns the sends created.
    @discardableResult
    public static func fanOut(_ db: Database, at date: Date, limit: Int = 5000) throws -> Int {
        let cursor = try Int64.fetchOne(db, sql: "SELECT seq FROM open311_cursor WHERE id = 1") ?? 0
        let end = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM outbox") ?? 0
        guard end > cursor else { return 0 }
        let events = try Row.fetchAll(db, sql: """
            SELECT o.seq, json_extract(o.payload, '$.report_id') AS report_id, a.id AS agency_id
            FROM outbox o JOIN agencies a ON a.id = json_extract(o.payload, '$.agency_id')
            WHERE o.seq > ? AND o.seq <= ? AND o.type = 'report.dispatched' AND a.open311_endpoint IS NOT NULL
            ORDER BY o.seq LIMIT ?
            """, arguments: [cursor, end, limit])
        let now = Timestamp.iso(date)
        for event in events {
            try db.execute(sql: """
                INSERT INTO open311_sends (id, report_id, agency_id, event_seq, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [Identifier.make("o3s"), event["report_id"] as String, event["agency_id"] as String,
                                 event["seq"] as Int64, now, now])
        }
        let moved = events.count == limit ? events.last!["seq"] as Int64 : end
        try db.execute(sql: "UPDATE open311_cursor SET seq = ? WHERE id = 1", arguments: [moved])
        return events.count
    }

    /// Pending sends due at `date`, oldest first, with the form GeoReport v2 asks for.
    public static func due(_ db: Database, at date: Date, limit: Int, mediaBaseURL: String?) throws -> [DueOpen311Send] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(Open311Send.columns) FROM open311_sends WHERE state = 'pending' AND next_attempt_at <= ?
            ORDER BY created_at, id LIMIT ?
            """, arguments: [Timestamp.iso(date), limit])
        return try rows.map { row in
            let send = Open311Send(row: row)
            let target = try self.target(db, agencyID: send.agencyID)
            let report = try Reports.find(db, id: send.reportID)
            let services = try Agencies.find(db, id: send.agencyID).services
            var fields: [(String, String)] = []
            if let jurisdiction = target.jurisdictionID { fields.append(("jurisdiction_id", jurisdiction)) }
            // An agency without a code for the category gets Tuanju's own code (its services.json lists them).
            fields.append(("service_code", services[report.categoryCode] ?? report.categoryCode))
            if let location = report.location {
                fields += [("lat", String(location.lat)), ("long", String(location.lon))]
            }
            let name = try String.fetchOne(db, sql: "SELECT name_zh FROM categories WHERE code = ?", arguments: [report.categoryCode])
            fields.append(("description", report.note.isEmpty ? (name ?? report.categoryCode) : report.note))
            if let base = mediaBaseURL, let photo = report.photos.first {
                fields.append(("media_url", (base.hasSuffix("/") ? base : base + "/") + photo))
            }
            if let key = target.apiKey { fields.append(("api_key", key)) }
            return DueOpen311Send(send: send, target: target, fields: fields)
        }
    }

    /// Records a POST's answer: the request id or token on success (a new request is `open`); a 400 is final; anything else is retried
    /// after `delay` (nil: out of retries).
    public static func recordPost(
        _ db: Database, _ due: DueOpen311Send, status: Int?, body: Data, error: String?, durationMs: Int,
        delay: TimeInterval?, at date: Date
    ) throws -> Open311PostOutcome {
        let now = Timestamp.iso(date)
        let id = due.send.id
        try attempt(db, id, kind: "post", status: status, error: error, durationMs: durationMs, at: now)
        let attempts = due.send.attempts + 1
        if let status, (200..<300).contains(status) {
            if let created = created(body) {
                try db.execute(sql: """
                    UPDATE open311_sends SET state = 'sent', attempts = ?, last_status = ?, last_error = NULL,
                        service_request_id = ?, token = ?, sent_at = ?, agency_status = 'open' WHERE id = ?
                    """, arguments: [attempts, status, created.id, created.token, now, id])
                let report = try Reports.find(db, id: due.send.reportID)
                let request = created.id.map { "service_request_id \($0)" } ?? "token \(created.token ?? "")"
                try Reports.appendHistory(db, id: report.id, status: report.status, by: due.send.agencyID,
                                          note: "Open311: received, \(request)", at: now)
                return .sent(try find(db, id: id))
            }
        }
        let reason = error ?? errorDescriptions(body).map { "HTTP \(status ?? 0): \($0)" } ?? "HTTP \(status ?? 0)"
        // 400: the agency refuses this request as it is; sending it again changes nothing.
        if status == 400 || delay == nil {
            try db.execute(sql: "UPDATE open311_sends SET state = 'dead', attempts = ?, last_status = ?, last_error = ? WHERE id = ?",
                           arguments: [attempts, status, reason, id])
            let report = try Reports.find(db, id: due.send.reportID)
            try Reports.appendHistory(db, id: report.id, status: report.status, by: due.send.agencyID,
                                      note: "Open311: \(reason)", at: now)
            return .dead(reason: reason)
        }
        try db.execute(sql: """
            UPDATE open311_sends SET attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?
            """, arguments: [attempts, status, reason, Timestamp.iso(date.addingTimeInterval(delay!)), id])
        return .retrying
    }

    // MARK: - Back: statuses read from the agency

    /// Sent requests whose report is still with that agency: what a poll asks about, grouped by agency.
    public static func pollable(_ db: Database) throws -> [(Open311Target, [Open311Send])] {
        let sends = try Row.fetchAll(db, sql: """
            SELECT \(Open311Send.columns.split(separator: ",").map { "s." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
            FROM open311_sends s JOIN reports r ON r.id = s.report_id
            WHERE s.state = 'sent' AND s.closed_at IS NULL AND r.status = 'dispatched' AND r.agency_id = s.agency_id
            ORDER BY s.agency_id, s.created_at
            """).map(Open311Send.init(row:))
        var groups: [(Open311Target, [Open311Send])] = []
        for send in sends {
            if let last = groups.last, last.0.agencyID == send.agencyID {
                groups[groups.count - 1].1.append(send)
            } else if let target = try? target(db, agencyID: send.agencyID) {
                groups.append((target, [send]))
            }
        }
        return groups
    }

    /// The id a token turned into (GET tokens/{token}.json), once the agency has one.
    public static func recordToken(_ db: Database, _ send: Open311Send, response: Data, at date: Date) throws {
        guard let created = created(response), let id = created.id else { return }
        try db.execute(sql: "UPDATE open311_sends SET service_request_id = ?, checked_at = ? WHERE id = ?",
                       arguments: [id, Timestamp.iso(date), send.id])
    }

    /// Records a status read back. A new status or new notes go into the report's history; `closed` resolves it.
    public static func recordStatus(
        _ db: Database, _ send: Open311Send, status: String, notes: String?, at date: Date
    ) throws -> Open311StatusChange? {
        let now = Timestamp.iso(date)
        let notes = notes.map(Text.clean).flatMap { $0.isEmpty ? nil : String($0.prefix(ReportDraft.maxNoteLength - 40)) }
        try db.execute(sql: "UPDATE open311_sends SET checked_at = ? WHERE id = ?", arguments: [now, send.id])
        guard status != send.agencyStatus || notes != send.statusNotes else { return nil }
        try db.execute(sql: "UPDATE open311_sends SET agency_status = ?, status_notes = ? WHERE id = ?",
                       arguments: [status, notes, send.id])
        let request = send.serviceRequestID ?? send.token ?? ""
        if status == "closed" {
            try db.execute(sql: "UPDATE open311_sends SET closed_at = ? WHERE id = ?", arguments: [now, send.id])
            let note = notes ?? "Open311 \(request): closed"
            let report = try Reports.transition(db, id: send.reportID, .resolve(note: note), by: send.agencyID, at: date)
            return .resolved(report, note: note)
        }
        let report = try Reports.find(db, id: send.reportID)
        let note = "Open311 \(request): \(status)" + (notes.map { " — \($0)" } ?? "")
        try Reports.appendHistory(db, id: report.id, status: report.status, by: send.agencyID, note: note, at: now)
        try db.execute(sql: "UPDATE reports SET updated_at = ? WHERE id = ?", arguments: [now, report.id])
        return .updated(try Reports.find(db, id: report.id), note: note)
    }

    /// Records a poll or token call that failed; the next pass asks again.
    public static func recordPollFailure(
        _ db: Database, _ send: Open311Send, kind: String, status: Int?, error: String, durationMs: Int, at date: Date
    ) throws {
        try attempt(db, send.id, kind: kind, status: status, error: error, durationMs: durationMs, at: Timestamp.iso(date))
    }

    // MARK: - Reading

    public static func find(_ db: Database, id: String) throws -> Open311Send {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Open311Send.columns) FROM open311_sends WHERE id = ?", arguments: [id]) else {
            throw ReportError.notFound(id: id)
        }
        return Open311Send(row: row)
    }

    /// Every send of a report, oldest first.
    public static func of(_ db: Database, reportID: String) throws -> [Open311Send] {
        try Row.fetchAll(db, sql: "SELECT \(Open311Send.columns) FROM open311_sends WHERE report_id = ? ORDER BY created_at, id",
                         arguments: [reportID]).map(Open311Send.init(row:))
    }

    static func target(_ db: Database, agencyID: String) throws -> Open311Target {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT open311_endpoint, api_key, jurisdiction_id, allow_private FROM agencies WHERE id = ?
            """, arguments: [agencyID]), let endpoint: String = row[0] else { throw ReportError.agencyNotFound(reference: agencyID) }
        return Open311Target(agencyID: agencyID, endpoint: endpoint, apiKey: row[1], jurisdictionID: row[2], allowPrivate: row[3])
    }

    static func attempt(_ db: Database, _ id: String, kind: String, status: Int?, error: String?, durationMs: Int, at now: String) throws {
        try db.execute(sql: """
            INSERT INTO open311_attempts (send_id, at, kind, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [id, now, kind, status, error.map { String($0.prefix(500)) }, durationMs])
    }

    // MARK: - GeoReport v2 bodies

    /// The first element of `[{"service_request_id", "token", ...}]`: an id, a token, or both.
    public static func created(_ body: Data) -> (id: String?, token: String?)? {
        guard let array = try? JSONSerialization.jsonObject(with: body) as? [[String: Any]], let first = array.first else { return nil }
        let id = text(first["service_request_id"]), token = text(first["token"])
        guard id != nil || token != nil else { return nil }
        return (id, token)
    }

    /// `[{"code", "description"}]`, GeoReport v2's error body, as one line.
    public static func errorDescriptions(_ body: Data) -> String? {
        guard let array = try? JSONSerialization.jsonObject(with: body) as? [[String: Any]], !array.isEmpty else { return nil }
        let lines = array.compactMap { text($0["description"]) }
        return lines.isEmpty ? nil : String(Text.clean(lines.joined(separator: "; ")).prefix(300))
    }

    /// The requests of a GET requests.json answer: id → (status, status_notes).
    public static func statuses(_ body: Data) -> [String: (status: String, notes: String?)]? {
        guard let array = try? JSONSerialization.jsonObject(with: body) as? [[String: Any]] else { return nil }
        var result: [String: (status: String, notes: String?)] = [:]
        for entry in array {
            guard let id = text(entry["service_request_id"]), let status = text(entry["status"])?.lowercased(),
                  status == "open" || status == "closed" else { continue }
            result[id] = (status, text(entry["status_notes"]))
        }
        return result
    }

    /// A JSON string or number as text (agencies send ids both ways).
    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: string.isEmpty ? nil : string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}

extension Open311Sends {
    /// The Open311 side of `GET /metrics`: dispatches not yet turned into sends, sends by state, the oldest pending.
    public static func figures(_ db: Database) throws -> DeliveryFigures {
        try DeliveryFigures.read(db, cursorTable: "open311_cursor", table: "open311_sends", okState: "sent")
    }
}
