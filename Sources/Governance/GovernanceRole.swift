import GRDB

/// One of the 8 governance roles (先锋治理项目) riders can claim postings of.
public struct GovernanceRole: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "roles"

    public var code: String
    public var name: String
    public var nameZh: String
    public var description: String
    public var position: Int

    enum CodingKeys: String, CodingKey {
        case code, name, description, position
        case nameZh = "name_zh"
    }
}

/// A report category of a role, with the points an accepted report earns by default.
public struct ReportCategory: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "categories"

    public var code: String
    public var roleCode: String
    public var name: String
    public var nameZh: String
    public var points: Int
    public var position: Int

    enum CodingKeys: String, CodingKey {
        case code, name, points, position
        case roleCode = "role_code"
        case nameZh = "name_zh"
    }
}

/// A role with its categories, as `roles list` shows it.
public struct RoleWithCategories: Sendable, Equatable {
    public let role: GovernanceRole
    public let categories: [ReportCategory]
}

/// Queries and seed loading for roles. Runs inside the caller's transaction.
public enum Roles {
    public static func all(_ db: Database) throws -> [RoleWithCategories] {
        // Retired roles and categories take nothing new, so the public listing leaves them out.
        let roles = try GovernanceRole.filter(sql: "retired_at IS NULL").order(Column("position")).fetchAll(db)
        let categories = try ReportCategory.filter(sql: "retired_at IS NULL").order(Column("position")).fetchAll(db)
        let byRole = Dictionary(grouping: categories, by: \.roleCode)
        return roles.map { RoleWithCategories(role: $0, categories: byRole[$0.code] ?? []) }
    }

    /// Inserts the roles and categories of a seed file. Called once per data directory.
    public static func load(_ db: Database, seed: RolesSeed) throws {
        for (roleIndex, role) in seed.roles.enumerated() {
            try GovernanceRole(
                code: role.code, name: role.name, nameZh: role.nameZh,
                description: role.description ?? "", position: roleIndex
            ).insert(db)
            for (index, category) in role.categories.enumerated() {
                try ReportCategory(
                    code: category.code, roleCode: role.code, name: category.name,
                    nameZh: category.nameZh, points: category.points, position: index
                ).insert(db)
            }
        }
    }
}
