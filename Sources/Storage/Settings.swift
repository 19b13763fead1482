import Foundation
import GRDB
import TuanjuCore

/// The settings table: raw key/value storage. The service layer owns which keys exist, their defaults and
/// their validation.
public enum SettingsStore {
    public static func value(_ db: Database, key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM settings WHERE key = ?"), arguments: [key])
    }

    public static func set(_ db: Database, key: String, value: String, at date: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """,
            arguments: [key, value, Timestamp.iso(date)])
    }

    public static func all(_ db: Database) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM settings").map {
            ($0["key"] as String, $0["value"] as String)
        })
    }
}
