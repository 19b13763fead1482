import Foundation
import GRDB
import TuanjuCore

/// A subscriber: the subdistrict's dashboard, the city's event platform.
public struct WebhookEndpoint: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "webhook_endpoints"

    public var id: String
    public var url: String
    /// `*` for every event, else a comma-separated list of event types.
    public var events: String
    public var secret: String
    public var previousSecret: String?
    public var previousSecretUntil: String?
    public var allowPrivate: Bool
    public var enabled: Bool
    public var disabledReason: String?
    public var failingSince: String?
    public var removed: Bool
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, url, events, secret, enabled, removed
        case previousSecret = "previous_secret"
        case previousSecretUntil = "previous_secret_until"
        case allowPrivate = "allow_private"
        case disabledReason = "disabled_reason"
        case failingSince = "failing_since"
        case createdAt = "created_at"
    }

    public func subscribes(to type: String) -> Bool {
        events == "*" || events.split(separator: ",").contains { $0 == type }
    }

    /// The secrets that sign at `date`: the current one, and the previous one for 24 h after a rotation.
    public func signingSecrets(at date: Date) -> [WebhookSecret] {
        var secrets = [WebhookSecret(text: secret)].compactMap { $0 }
        if let previous = previousSecret.flatMap(WebhookSecret.init(text:)),
           let until = previousSecretUntil.flatMap(Timestamp.parse), until > date {
            secrets.append(previous)
        }
        return secrets
    }
}

/// Endpoint rules. Runs inside the caller's transaction.
public enum Endpoints {
    /// The names of a subscription as typed (`all`, or event types separated by commas), blanks dropped.
    public static func eventNames(_ events: String) -> [String] {
        events.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The most endpoints there can be (not counting removed ones): every event is fanned out to each, and a
    /// delivery's id spells the endpoint's place among them in four hexadecimal digits (`Deliveries.deliveryID`).
    public static let maxEndpoints = 100

    /// `events`: `all`, or event types separated by commas.
    public static func add(_ db: Database, url: String, events: String, allowPrivate: Bool, at date: Date) throws -> WebhookEndpoint {
        let checked = try WebhookURL(url, allowPrivate: allowPrivate)
        guard try WebhookEndpoint.filter(Column("removed") == false).fetchCount(db) < maxEndpoints else {
            throw InputError.invalid(.webhookEndpointsLimit, ["max": "\(maxEndpoints)"])
        }
        let list = eventNames(events)
        guard !list.isEmpty, list.allSatisfy({ $0 == "all" || $0.range(of: #"^[a-z_]+\.[a-z_]+$"#, options: .regularExpression) != nil })
        else { throw InputError.invalid(.webhookEventsInvalid, ["events": events]) }
        let endpoint = WebhookEndpoint(
            id: Identifier.make("whk"), url: checked.text, events: list.contains("all") ? "*" : list.joined(separator: ","),
            secret: WebhookSecret.generate().text, previousSecret: nil, previousSecretUntil: nil, allowPrivate: allowPrivate,
            enabled: true, disabledReason: nil, failingSince: nil, removed: false, createdAt: Timestamp.iso(date))
        try endpoint.insert(db)
        return endpoint
    }

    public static func find(_ db: Database, id: String) throws -> WebhookEndpoint {
        guard let endpoint = try WebhookEndpoint.fetchOne(db, key: id), !endpoint.removed else {
            throw WebhookError.endpointNotFound(id: id)
        }
        return endpoint
    }

    public static func all(_ db: Database) throws -> [WebhookEndpoint] {
        try WebhookEndpoint.filter(Column("removed") == false).order(Column("created_at"), Column("id")).fetchAll(db)
    }

    /// Stops deliveries to the endpoint; its undelivered deliveries are kept (dead) for the record.
    public static func remove(_ db: Database, id: String) throws -> WebhookEndpoint {
        var endpoint = try find(db, id: id)
        endpoint.removed = true
        endpoint.enabled = false
        endpoint.disabledReason = "removed"
        try endpoint.update(db)
        try db.execute(sql: "UPDATE webhook_deliveries SET state = 'dead', last_error = 'endpoint removed' WHERE endpoint_id = ? AND state IN ('pending', 'held')", arguments: [id])
        return endpoint
    }

    /// A new secret; the old one keeps signing for 24 hours.
    public static func rotateSecret(_ db: Database, id: String, at date: Date) throws -> WebhookEndpoint {
        var endpoint = try find(db, id: id)
        endpoint.previousSecret = endpoint.secret
        endpoint.previousSecretUntil = Timestamp.iso(date.addingTimeInterval(24 * 3600))
        endpoint.secret = WebhookSecret.generate().text
        try endpoint.update(db)
        return endpoint
    }

    /// Enables a disabled endpoint and releases its held deliveries.
    public static func enable(_ db: Database, id: String, at date: Date) throws -> WebhookEndpoint {
        var endpoint = try find(db, id: id)
        endpoint.enabled = true
        endpoint.disabledReason = nil
        endpoint.failingSince = nil
        try endpoint.update(db)
        try db.execute(sql: "UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = ? WHERE endpoint_id = ? AND state = 'held'",
                       arguments: [Timestamp.iso(date), id])
        return endpoint
    }

    static func disable(_ db: Database, id: String, reason: String) throws {
        try db.execute(sql: "UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ? WHERE id = ?", arguments: [reason, id])
        try db.execute(sql: "UPDATE webhook_deliveries SET state = 'held' WHERE endpoint_id = ? AND state = 'pending'", arguments: [id])
    }
}
