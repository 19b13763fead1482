import Foundation
import GRDB
import TuanjuCore

/// The rules of the map's points. Runs inside the caller's transaction; the R*Tree follows by trigger.
public enum ServicePoints {
    /// The known kinds, in seed order.
    public static func kinds(_ db: Database) throws -> [ServicePointKind] {
        try Row.fetchAll(db, sql: "SELECT code, name, name_zh FROM service_point_kinds ORDER BY position, code").map {
            ServicePointKind(code: $0[0], name: $0[1], nameZh: $0[2])
        }
    }

    /// Loads kinds from Seed; existing codes keep their names.
    public static func loadKinds(_ db: Database, _ kinds: [ServicePointKind]) throws {
        for (position, kind) in kinds.enumerated() {
            try db.execute(
                sql: "INSERT OR IGNORE INTO service_point_kinds (code, name, name_zh, position) VALUES (?, ?, ?, ?)",
                arguments: [kind.code, kind.name, kind.nameZh, position])
        }
    }

    /// Refuses a kind that is not seeded.
    public static func requireKind(_ db: Database, _ kind: String) throws {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM service_point_kinds WHERE code = ?")
        guard try Bool.fetchOne(statement, arguments: [kind]) == nil else { return }
        throw MapError.kindUnknown(kind: kind, known: try kinds(db).map(\.code))
    }

    public static func add(_ db: Database, _ draft: PointDraft, at date: Date) throws -> ServicePoint {
        try requireKind(db, draft.kind)
        let id = Identifier.make("spt")
        let now = Timestamp.iso(date)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO service_points (id, external_id, kind, name, address, lat, lon, opening_hours, amenities,
                contact, sample, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """)
        try statement.execute(arguments: [
            id, draft.externalID, draft.kind, draft.name, draft.address, draft.location.lat, draft.location.lon,
            draft.openingHours, draft.amenities.joined(separator: ","), draft.contact, draft.sample, now, now,
        ])
        return try find(db, id: id)
    }

    public static func find(_ db: Database, id: String) throws -> ServicePoint {
        let statement = try db.cachedStatement(sql: "SELECT \(ServicePoint.columns) FROM service_points WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { throw MapError.pointNotFound(id: id) }
        return try ServicePoint(row: row)
    }

    public static func find(_ db: Database, externalID: String) throws -> ServicePoint? {
        let statement = try db.cachedStatement(
            sql: "SELECT \(ServicePoint.columns) FROM service_points WHERE external_id = ?")
        return try Row.fetchOne(statement, arguments: [externalID]).map(ServicePoint.init(row:))
    }

    /// Points by rowid order (stable), for exports and lists. `activeOnly` skips removed points.
    public static func all(_ db: Database, activeOnly: Bool, kind: String? = nil) throws -> RowCursor {
        var sql = "SELECT \(ServicePoint.columns) FROM service_points WHERE 1"
        var arguments: StatementArguments = []
        if activeOnly { sql += " AND active = 1" }
        if let kind {
            sql += " AND kind = ?"
            arguments += [kind]
        }
        return try Row.fetchCursor(db, sql: sql + " ORDER BY rid", arguments: arguments)
    }

    public static func update(_ db: Database, id: String, _ changes: PointChanges, at date: Date) throws -> ServicePoint {
        var point = try find(db, id: id)
        guard point.active else { throw MapError.pointInactive(id: id) }
        if let kind = changes.kind {
            let code = kind.trimmingCharacters(in: .whitespaces).lowercased()
            try requireKind(db, code)
            point.kind = code
        }
        if let name = changes.name { point.name = try Text.label(name, field: MapMsg.fieldPointName, maxLength: 200) }
        if let address = changes.address {
            point.address = try PointDraft.optionalText(address, field: MapMsg.fieldAddress, maxLength: 300)
        }
        if let location = changes.location { point.location = location }
        if let hours = changes.openingHours { point.openingHours = try PointDraft.openingHours(hours) }
        if let amenities = changes.amenities { point.amenities = try Amenity.parse(amenities) }
        if let contact = changes.contact {
            point.contact = try PointDraft.optionalText(contact, field: MapMsg.fieldContact, maxLength: 100)
        }
        try write(db, point, at: date)
        return try find(db, id: id)
    }

    /// Upsert by external id, for imports: returns the point and whether it was new, changed or the same.
    public static func upsert(_ db: Database, _ draft: PointDraft, at date: Date) throws -> (ServicePoint, UpsertOutcome) {
        guard let externalID = draft.externalID, var point = try find(db, externalID: externalID) else {
            return (try add(db, draft, at: date), .inserted)
        }
        try requireKind(db, draft.kind)
        let before = point
        point.kind = draft.kind
        point.name = draft.name
        point.address = draft.address
        point.location = draft.location
        point.openingHours = draft.openingHours
        point.amenities = draft.amenities
        point.contact = draft.contact
        point.active = true
        if point == before { return (point, .unchanged) }
        try write(db, point, at: date)
        return (try find(db, id: point.id), .updated)
    }

    public enum UpsertOutcome: Sendable { case inserted, updated, unchanged }

    /// `map remove`: the point leaves the search index but stays in history.
    public static func deactivate(_ db: Database, id: String, at date: Date) throws -> ServicePoint {
        var point = try find(db, id: id)
        guard point.active else { throw MapError.pointInactive(id: id) }
        point.active = false
        try write(db, point, at: date)
        return try find(db, id: id)
    }

    static func write(_ db: Database, _ point: ServicePoint, at date: Date) throws {
        try db.execute(
            sql: """
                UPDATE service_points SET kind = ?, name = ?, address = ?, lat = ?, lon = ?, opening_hours = ?,
                    amenities = ?, contact = ?, active = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                point.kind, point.name, point.address, point.location.lat, point.location.lon, point.openingHours,
                point.amenities.joined(separator: ","), point.contact, point.active, Timestamp.iso(date), point.id,
            ])
    }
}
