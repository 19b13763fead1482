import Foundation
import GRDB
import TuanjuCore

/// What `roles add` and `roles categories add` take, validated. Codes are lower-case letters, digits and `-`,
/// starting with a letter, 2 to 40 characters: riders type them (`reports submit --category`).
public enum RoleInput {
    public static func code(_ text: String) throws(InputError) -> String {
        let code = text.trimmingCharacters(in: .whitespaces)
        let valid = code.count >= 2 && code.count <= 40 && code.first.map { ("a"..."z").contains($0) } == true
            && code.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else { throw .invalid(RoleMsg.codeInvalid, ["code": text]) }
        return code
    }

    public static func name(_ text: String, field: RoleMsg) throws(InputError) -> String {
        try Text.label(text, field: field, maxLength: 100)
    }

    /// `MIN-MAX` (or one number), each 0 to 10,000, MIN ≤ MAX.
    public static func points(_ text: String) throws(InputError) -> (min: Int, max: Int) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
              (0...10_000).contains(low), (0...10_000).contains(high), low <= high
        else { throw .invalid(RoleMsg.pointsRangeInvalid, ["text": text]) }
        return (low, high)
    }
}

/// The coordinator's side of roles and categories. Runs inside the caller's transaction.
public enum RoleProgramme {
    public struct RoleRecord: Sendable, Equatable {
        public let role: GovernanceRole
        public let retiredAt: String?
    }

    public struct CategoryRecord: Sendable, Equatable {
        public let category: ReportCategory
        public let pointsMax: Int?
        public let retiredAt: String?
    }

    public static func role(_ db: Database, code: String) throws -> RoleRecord {
        guard let role = try GovernanceRole.fetchOne(db, key: code) else { throw GovernanceError.roleNotFound(code: code) }
        let retired = try String.fetchOne(db, sql: "SELECT retired_at FROM roles WHERE code = ?", arguments: [code])
        return RoleRecord(role: role, retiredAt: retired)
    }

    public static func category(_ db: Database, code: String) throws -> CategoryRecord {
        guard let category = try ReportCategory.fetchOne(db, key: code) else { throw GovernanceError.categoryNotFound(code: code) }
        let row = try Row.fetchOne(db, sql: "SELECT points_max, retired_at FROM categories WHERE code = ?", arguments: [code])
        return CategoryRecord(category: category, pointsMax: row?[0], retiredAt: row?[1])
    }

    public static func add(_ db: Database, code: String, nameZh: String, nameEn: String, description: String, by staffID: String,
                           at date: Date) throws -> RoleRecord {
        guard try GovernanceRole.fetchOne(db, key: code) == nil else { throw GovernanceError.roleExists(code: code) }
        let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM roles") ?? 0
        try GovernanceRole(code: code, name: nameEn, nameZh: nameZh, description: description, position: position).insert(db)
        try db.execute(sql: "UPDATE roles SET created_by = ?, updated_at = ? WHERE code = ?", arguments: [staffID, Timestamp.iso(date), code])
        return try role(db, code: code)
    }

    public static func update(_ db: Database, code: String, nameZh: String?, nameEn: String?, description: String?, at date: Date) throws -> RoleRecord {
        let current = try role(db, code: code)
        guard current.retiredAt == nil else { throw GovernanceError.roleRetired(code: code) }
        try db.execute(sql: "UPDATE roles SET name = ?, name_zh = ?, description = ?, updated_at = ? WHERE code = ?", arguments: [
            nameEn ?? current.role.name, nameZh ?? current.role.nameZh, description ?? current.role.description, Timestamp.iso(date), code,
        ])
        return try role(db, code: code)
    }

    /// No new postings of a retired role; its postings, claims and reports keep working.
    public static func retire(_ db: Database, code: String, at date: Date) throws -> RoleRecord {
        guard try role(db, code: code).retiredAt == nil else { throw GovernanceError.roleRetired(code: code) }
        let now = Timestamp.iso(date)
        try db.execute(sql: "UPDATE roles SET retired_at = ?, updated_at = ? WHERE code = ?", arguments: [now, now, code])
        return try role(db, code: code)
    }

    public static func addCategory(
        _ db: Database, role roleCode: String, code: String, nameZh: String, nameEn: String, points: (min: Int, max: Int),
        by staffID: String
    ) throws -> CategoryRecord {
        guard try role(db, code: roleCode).retiredAt == nil else { throw GovernanceError.roleRetired(code: roleCode) }
        guard try ReportCategory.fetchOne(db, key: code) == nil else { throw GovernanceError.categoryExists(code: code) }
        let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM categories WHERE role_code = ?",
                                        arguments: [roleCode]) ?? 0
        try ReportCategory(code: code, roleCode: roleCode, name: nameEn, nameZh: nameZh, points: points.min, position: position).insert(db)
        try db.execute(sql: "UPDATE categories SET points_max = ?, created_by = ? WHERE code = ?", arguments: [points.max, staffID, code])
        return try category(db, code: code)
    }

    /// No new reports in a retired category; reports already made keep working.
    public static func retireCategory(_ db: Database, code: String, at date: Date) throws -> CategoryRecord {
        guard try category(db, code: code).retiredAt == nil else { throw GovernanceError.categoryRetired(code: code) }
        try db.execute(sql: "UPDATE categories SET retired_at = ? WHERE code = ?", arguments: [Timestamp.iso(date), code])
        return try category(db, code: code)
    }

    /// Refuses a new posting of a retired role.
    public static func requireActiveRole(_ db: Database, code: String) throws {
        if try String.fetchOne(db, sql: "SELECT retired_at FROM roles WHERE code = ?", arguments: [code]) != nil {
            throw GovernanceError.roleRetired(code: code)
        }
    }

    /// Refuses a new report in a retired category.
    public static func requireActiveCategory(_ db: Database, code: String) throws {
        if try String.fetchOne(db, sql: "SELECT retired_at FROM categories WHERE code = ?", arguments: [code]) != nil {
            throw GovernanceError.categoryRetired(code: code)
        }
    }

    /// The most a review may award in a category (nil: only the general bound).
    public static func pointsMax(_ db: Database, code: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT points_max FROM categories WHERE code = ?", arguments: [code])
    }
}

public enum RoleMsg: String, CaseIterable, CatalogMessage {
    case action, codeInvalid, pointsRangeInvalid, pointsAboveMax, fieldNameZh, fieldNameEn, fieldDescription, roleRetired, roleExists
    case categoryExists, categoryRetired, categoryNotFound
    case addAbstract, updateAbstract, retireAbstract, categoriesAbstract, categoryAddAbstract, categoryRetireAbstract
    case argCode, argRole, argCategory, optNameZh, optNameEn, optDescription, optPoints
    case added, updated, retired, categoryAdded, categoryRetiredOut

    public var texts: (en: String, zh: String) {
        switch self {
        case .action: ("manage governance roles and report categories", "管理治理角色和上报分类")
        case .codeInvalid: ("\"{code}\" is not a valid code (lower-case letters, digits and -, starting with a letter, 2 to 40)",
                            "“{code}”不是有效编号(小写字母、数字和 -,以字母开头,2 到 40 个字符)")
        case .pointsRangeInvalid: ("\"{text}\" is not a points range MIN-MAX (0 to 10,000, MIN ≤ MAX)", "“{text}”不是有效的积分范围 MIN-MAX(0 到 10000,MIN ≤ MAX)")
        case .pointsAboveMax: ("category {code} awards at most {max} points; {value} is too many", "分类 {code} 最多奖励 {max} 积分;{value} 超出范围")
        case .fieldNameZh: ("the Chinese name", "中文名称")
        case .fieldNameEn: ("the English name", "英文名称")
        case .fieldDescription: ("the description", "说明")
        case .roleRetired: ("role {code} is retired", "角色 {code} 已停用")
        case .roleExists: ("role {code} already exists", "角色 {code} 已存在")
        case .categoryExists: ("category {code} already exists", "分类 {code} 已存在")
        case .categoryRetired: ("category {code} is retired", "分类 {code} 已停用")
        case .categoryNotFound: ("no category {code}", "没有分类 {code}")
        case .addAbstract: ("Add a governance role (coordinator).", "新增治理角色(协调员)。")
        case .updateAbstract: ("Change a role's names or description (coordinator).", "修改角色的名称或说明(协调员)。")
        case .retireAbstract:
            ("Retire a role: no new postings; claims and reports already made keep working (coordinator).",
             "停用角色:不再发布新任务;已有的认领和上报不受影响(协调员)。")
        case .categoriesAbstract: ("Add or retire a role's report categories.", "新增或停用角色的上报分类。")
        case .categoryAddAbstract:
            ("Add a report category to a role, with its points range: MIN is the default award, MAX the most a review may give (coordinator).",
             "为角色新增上报分类及积分范围:MIN 为默认奖励,MAX 为审核时最多可给的积分(协调员)。")
        case .categoryRetireAbstract:
            ("Retire a category: no new reports in it; reports already made keep working (coordinator).", "停用分类:不再接受该分类的新上报;已有上报不受影响(协调员)。")
        case .argCode: ("The role's code (lower-case letters, digits and -).", "角色编号(小写字母、数字和 -)。")
        case .argRole: ("The role the category belongs to.", "分类所属的角色编号。")
        case .argCategory: ("The category's code (what riders give as reports submit --category).", "分类编号(骑手上报时 --category 填的值)。")
        case .optNameZh: ("The Chinese name (at most 100 characters).", "中文名称(最多 100 个字符)。")
        case .optNameEn: ("The English name (at most 100 characters).", "英文名称(最多 100 个字符)。")
        case .optDescription: ("What riders in this role do.", "角色说明。")
        case .optPoints: ("Points of an accepted report: MIN-MAX, e.g. 10-30.", "采纳上报的积分范围:MIN-MAX,例如 10-30。")
        case .added: ("role {code} added", "已新增角色 {code}")
        case .updated: ("role {code} updated", "角色 {code} 已修改")
        case .retired: ("role {code} retired", "角色 {code} 已停用")
        case .categoryAdded: ("category {code} added to role {role}", "已为角色 {role} 新增分类 {code}")
        case .categoryRetiredOut: ("category {code} retired", "分类 {code} 已停用")
        }
    }
}
