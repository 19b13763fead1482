import Foundation
import GRDB
import TuanjuCore

/// Coordinators add and rename kinds of service point (#18); the seeded three are the starting set. Runs inside
/// the caller's transaction.
public enum KindProgramme {
    /// Lower-case letters, digits and `-`, starting with a letter, 2 to 40 characters (the `--kind` riders type).
    public static func code(_ text: String) throws(InputError) -> String {
        let code = text.trimmingCharacters(in: .whitespaces)
        let valid = code.count >= 2 && code.count <= 40 && code.first.map { ("a"..."z").contains($0) } == true
            && code.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else { throw .invalid(KindMsg.codeInvalid, ["code": text]) }
        return code
    }

    public static func name(_ text: String, field: KindMsg) throws(InputError) -> String {
        try Text.label(text, field: field, maxLength: 100)
    }

    public static func find(_ db: Database, code: String) throws -> ServicePointKind {
        guard let kind = try ServicePoints.kinds(db).first(where: { $0.code == code }) else {
            throw MapError.kindNotFound(kind: code)
        }
        return kind
    }

    public static func add(_ db: Database, code: String, nameZh: String, nameEn: String) throws -> ServicePointKind {
        guard try !ServicePoints.kinds(db).contains(where: { $0.code == code }) else { throw MapError.kindExists(kind: code) }
        let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM service_point_kinds") ?? 0
        try db.execute(sql: "INSERT INTO service_point_kinds (code, name, name_zh, position) VALUES (?, ?, ?, ?)",
                       arguments: [code, nameEn, nameZh, position])
        return try find(db, code: code)
    }

    public static func update(_ db: Database, code: String, nameZh: String?, nameEn: String?) throws -> ServicePointKind {
        let current = try find(db, code: code)
        try db.execute(sql: "UPDATE service_point_kinds SET name = ?, name_zh = ? WHERE code = ?",
                       arguments: [nameEn ?? current.name, nameZh ?? current.nameZh, code])
        return try find(db, code: code)
    }
}

public enum KindMsg: String, CaseIterable, CatalogMessage {
    case action, codeInvalid, exists, notFound, fieldNameZh, fieldNameEn, nothingToChange, listAbstract, addAbstract, updateAbstract
    case argCode, optNameZh, optNameEn, added, updated

    public var texts: (en: String, zh: String) {
        switch self {
        case .action: ("manage kinds of service point", "管理服务点类型")
        case .codeInvalid:
            ("\"{code}\" is not a valid kind code (lower-case letters, digits and -, starting with a letter, 2 to 40)",
             "“{code}”不是有效的类型编号(小写字母、数字和 -,以字母开头,2 到 40 个字符)")
        case .exists: ("kind {kind} already exists", "类型 {kind} 已存在")
        case .notFound: ("no kind {kind}", "没有类型 {kind}")
        case .fieldNameZh: ("the Chinese name", "中文名称")
        case .fieldNameEn: ("the English name", "英文名称")
        case .nothingToChange: ("nothing to change: give --name-zh or --name-en", "没有要修改的内容:请给出 --name-zh 或 --name-en")
        case .listAbstract: ("List the kinds of service point.", "列出服务点类型。")
        case .addAbstract: ("Add a kind of service point (coordinator).", "新增服务点类型(协调员)。")
        case .updateAbstract: ("Rename a kind of service point (coordinator).", "修改服务点类型的名称(协调员)。")
        case .argCode: ("The kind's code (what map nearest --kind takes).", "类型编号(map nearest --kind 填的值)。")
        case .optNameZh: ("The Chinese name (at most 100 characters).", "中文名称(最多 100 个字符)。")
        case .optNameEn: ("The English name (at most 100 characters).", "英文名称(最多 100 个字符)。")
        case .added: ("kind {kind} added", "已新增类型 {kind}")
        case .updated: ("kind {kind} updated", "类型 {kind} 已修改")
        }
    }
}
