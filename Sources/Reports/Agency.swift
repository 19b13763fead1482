import Foundation
import GRDB
import TuanjuCore

/// A body reports are dispatched to (a district's city-management bureau, a market regulator). With an Open311
/// endpoint, a dispatched report is sent to it and its status read back.
public struct Agency: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The base URL of the agency's GeoReport v2 API (`…/requests.json` is appended), or nil: dispatch only records.
    public var open311Endpoint: String?
    /// Whether an API key is stored. The key itself never leaves the `agencies` table except towards the endpoint.
    public var hasAPIKey: Bool
    public var jurisdictionID: String?
    /// Report category code → the agency's service_code.
    public var services: [String: String]
    /// Loopback and private networks allowed (development, tests, the demo), as for webhooks.
    public var allowPrivate: Bool
    public var createdAt: String
    public var updatedAt: String
    public var retiredAt: String?

    public var isRetired: Bool { retiredAt != nil }

    static let columns = """
        id, name, open311_endpoint, api_key IS NOT NULL, jurisdiction_id, services, allow_private, created_at, updated_at,
        retired_at
        """

    init(row: Row) {
        id = row[0]
        name = row[1]
        open311Endpoint = row[2]
        hasAPIKey = row[3]
        jurisdictionID = row[4]
        let json: String = row[5]
        services = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        allowPrivate = row[6]
        createdAt = row[7]
        updatedAt = row[8]
        retiredAt = row[9]
    }
}

/// What `agencies add` and `agencies update` give; nil leaves a field as it is (on update).
public struct AgencyChanges: Sendable, Equatable {
    public var name: String?
    /// "" removes the endpoint.
    public var open311Endpoint: String?
    /// "" removes the key.
    public var apiKey: String?
    /// "" removes the jurisdiction.
    public var jurisdictionID: String?
    /// Category → service code; an empty code removes the category's mapping.
    public var services: [String: String] = [:]
    public var allowPrivate: Bool?

    public init() {}

    public var isEmpty: Bool {
        name == nil && open311Endpoint == nil && apiKey == nil && jurisdictionID == nil && services.isEmpty && allowPrivate == nil
    }

    public static let maxKeyLength = 200

    /// Cleans and bounds every text; the endpoint's URL rules (and the SSRF guard) are the caller's.
    public func validated() throws(InputError) -> AgencyChanges {
        var clean = self
        if let name { clean.name = try Text.label(name, field: ReportMsg.fieldAgency, maxLength: 200) }
        if let jurisdictionID, !jurisdictionID.isEmpty {
            clean.jurisdictionID = try Text.label(jurisdictionID, field: ReportMsg.fieldJurisdiction, maxLength: 100)
        }
        if let apiKey, !apiKey.isEmpty {
            let key = apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty, key.count <= Self.maxKeyLength, key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
            else { throw .invalid(ReportMsg.apiKeyInvalid, ["max": "\(Self.maxKeyLength)"]) }
            clean.apiKey = key
        }
        var services: [String: String] = [:]
        for (category, code) in self.services {
            services[category] = code.isEmpty ? "" : try Text.label(code, field: ReportMsg.fieldServiceCode, maxLength: 100)
        }
        clean.services = services
        return clean
    }

    /// Parses `CATEGORY=SERVICE_CODE` (an empty code removes the mapping on update).
    public static func service(_ text: String) throws(InputError) -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { throw .invalid(ReportMsg.serviceMappingInvalid, ["value": text]) }
        return (String(parts[0]).trimmingCharacters(in: .whitespaces), String(parts[1]).trimmingCharacters(in: .whitespaces))
    }
}

/// The rules of agencies. Runs inside the caller's transaction.
public enum Agencies {
    public static func add(_ db: Database, _ changes: AgencyChanges, at date: Date) throws -> Agency {
        guard let name = changes.name else { throw InputError.invalid(ReportMsg.agencyNameRequired) }
        try requireNameFree(db, name, except: nil)
        let services = try checkedServices(db, changes.services.filter { !$0.value.isEmpty })
        let id = Identifier.make("agc")
        let now = Timestamp.iso(date)
        try db.execute(sql: """
            INSERT INTO agencies (id, name, open311_endpoint, api_key, jurisdiction_id, services, allow_private, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                id, name, nonEmpty(changes.open311Endpoint), nonEmpty(changes.apiKey), nonEmpty(changes.jurisdictionID),
                try json(services), changes.allowPrivate ?? false, now, now,
            ])
        return try find(db, id: id)
    }

    public static func update(_ db: Database, id: String, _ changes: AgencyChanges, at date: Date) throws -> Agency {
        var agency = try find(db, id: id)
        guard !agency.isRetired else { throw ReportError.agencyRetired(id: id) }
        if let name = changes.name {
            try requireNameFree(db, name, except: id)
            agency.name = name
        }
        var services = agency.services
        for (category, code) in changes.services { services[category] = code.isEmpty ? nil : code }
        services = try checkedServices(db, services)
        let now = Timestamp.iso(date)
        try db.execute(sql: """
            UPDATE agencies SET name = ?, services = ?, updated_at = ?,
                open311_endpoint = CASE WHEN ? THEN ? ELSE open311_endpoint END,
                api_key = CASE WHEN ? THEN ? ELSE api_key END,
                jurisdiction_id = CASE WHEN ? THEN ? ELSE jurisdiction_id END,
                allow_private = coalesce(?, allow_private)
            WHERE id = ?
            """, arguments: [
                agency.name, try json(services), now,
                changes.open311Endpoint != nil, nonEmpty(changes.open311Endpoint),
                changes.apiKey != nil, nonEmpty(changes.apiKey),
                changes.jurisdictionID != nil, nonEmpty(changes.jurisdictionID),
                changes.allowPrivate, id,
            ])
        return try find(db, id: id)
    }

    /// A retired agency keeps its reports and its history; nothing new is dispatched to it.
    public static func retire(_ db: Database, id: String, at date: Date) throws -> Agency {
        let agency = try find(db, id: id)
        guard !agency.isRetired else { throw ReportError.agencyRetired(id: id) }
        let now = Timestamp.iso(date)
        try db.execute(sql: "UPDATE agencies SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [now, now, id])
        return try find(db, id: id)
    }

    public static func find(_ db: Database, id: String) throws -> Agency {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Agency.columns) FROM agencies WHERE id = ?", arguments: [id]) else {
            throw ReportError.agencyNotFound(reference: id)
        }
        return Agency(row: row)
    }

    /// The agency a dispatch names: its id, or the exact name of an agency in service.
    public static func resolve(_ db: Database, _ reference: String) throws -> Agency {
        let row = try Row.fetchOne(db, sql: "SELECT \(Agency.columns) FROM agencies WHERE id = ?", arguments: [reference])
            ?? Row.fetchOne(db, sql: "SELECT \(Agency.columns) FROM agencies WHERE name = ? AND retired_at IS NULL", arguments: [reference])
        guard let row else { throw ReportError.agencyNotFound(reference: reference) }
        let agency = Agency(row: row)
        guard !agency.isRetired else { throw ReportError.agencyRetired(id: agency.id) }
        return agency
    }

    /// Every agency, in service first, then by name.
    public static func all(_ db: Database, includeRetired: Bool) throws -> [Agency] {
        try Row.fetchAll(db, sql: """
            SELECT \(Agency.columns) FROM agencies \(includeRetired ? "" : "WHERE retired_at IS NULL")
            ORDER BY retired_at IS NOT NULL, name, id
            """).map(Agency.init(row:))
    }

    /// The stored API key, for the Open311 sender only.
    public static func apiKey(_ db: Database, id: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT api_key FROM agencies WHERE id = ?", arguments: [id])
    }

    static func requireNameFree(_ db: Database, _ name: String, except id: String?) throws {
        let taken = try String.fetchOne(
            db, sql: "SELECT id FROM agencies WHERE name = ? AND retired_at IS NULL AND id IS NOT ?", arguments: [name, id])
        if taken != nil { throw ReportError.agencyNameTaken(name: name) }
    }

    static func checkedServices(_ db: Database, _ services: [String: String]) throws -> [String: String] {
        for category in services.keys.sorted() {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM categories WHERE code = ?)", arguments: [category]) == true
            else { throw ReportError.categoryNotFound(code: category) }
        }
        return services
    }

    static func nonEmpty(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }

    static func json(_ services: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(services), as: UTF8.self)
    }
}
