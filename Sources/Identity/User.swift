import Foundation
import GRDB
import TuanjuCore

/// Staff roles. Riders are not users: they have their own module and table.
public enum UserRole: String, Codable, Sendable, CaseIterable {
    case admin
    case coordinator
}

/// An admin or coordinator of the subdistrict.
public struct User: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "users"

    public var id: String
    public var name: String
    public var role: UserRole
    public var createdAt: String
    public var revokedAt: String?

    public var isActive: Bool { revokedAt == nil }

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }
}

/// The rules of users: creation, lookup, revocation. Runs inside the caller's transaction.
public enum Users {
    /// Creates a user and its first token. Returns both; the token is shown once.
    public static func create(
        _ db: Database, name: String, role: UserRole, at date: Date
    ) throws -> (user: User, token: String) {
        let user = User(
            id: Identifier.make("usr"),
            name: try Text.label(name, field: .fieldName),
            role: role,
            createdAt: Timestamp.iso(date))
        try user.insert(db)
        let token = try Credentials.issue(db, for: .user(id: user.id), at: date)
        return (user, token)
    }

    public static func find(_ db: Database, id: String) throws -> User? {
        // Cached: every staff request's authentication ends here.
        try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(User.databaseTableName) WHERE id = ?"), arguments: [id])
    }

    public static func all(_ db: Database) throws -> [User] {
        try User.order(Column("created_at"), Column("id")).fetchAll(db)
    }

    /// Revokes the user and every token they hold. The last active admin cannot be revoked,
    /// or nobody could manage users again.
    public static func revoke(_ db: Database, id: String, at date: Date) throws -> User {
        guard var user = try find(db, id: id) else { throw UserError.notFound(id: id) }
        guard user.isActive else { throw UserError.alreadyRevoked(id: id) }
        if user.role == .admin {
            let admins = try User.filter(Column("role") == "admin" && Column("revoked_at") == nil).fetchCount(db)
            if admins <= 1 { throw UserError.lastAdmin }
        }
        user.revokedAt = Timestamp.iso(date)
        try user.update(db)
        try Credentials.revokeAll(db, of: .user(id: id), at: date)
        return user
    }
}
