import GRDB
import GRDBSQLite

/// Binds, steps and reads a GRDB-cached SELECT with SQLite's C API, for the map search's inner loops, where
/// GRDB's per-execution `RowCursor` and `StatementArguments` boxing cost more than SQLite's own work. Only
/// for read-only statements inside a GRDB read: GRDB resets and rebinds a statement before its own next use.
enum RawRows {
    /// Runs `statement` with `doubles` bound to its parameters, calling `body` for each row until it returns
    /// false or the rows end; the statement is reset afterwards.
    static func each(_ statement: Statement, binding doubles: [Double], _ body: (SQLiteStatement) throws -> Bool) throws {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        for (index, value) in doubles.enumerated() { sqlite3_bind_double(sqlite, Int32(index + 1), value) }
        try step(statement, body)
    }

    /// Runs `statement` with one integer parameter.
    static func each(_ statement: Statement, binding value: Int64, _ body: (SQLiteStatement) throws -> Bool) throws {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        sqlite3_bind_int64(sqlite, 1, value)
        try step(statement, body)
    }

    private static func step(_ statement: Statement, _ body: (SQLiteStatement) throws -> Bool) throws {
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW: if try !body(sqlite) { return }
            case SQLITE_DONE: return
            case let code:
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(sqlite)))
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
    }

    /// A text column of the current row; nil when NULL.
    static func text(_ row: SQLiteStatement, _ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(row, column) else { return nil }
        return String(cString: bytes)
    }
}

/// Column access shared by GRDB rows and raw statement rows, so that a record has one decoder.
protocol ColumnSource {
    func text(_ column: Int32) -> String?
    func double(_ column: Int32) -> Double
    func int(_ column: Int32) -> Int64
}

extension Row: ColumnSource {
    func text(_ column: Int32) -> String? { self[Int(column)] }
    func double(_ column: Int32) -> Double { self[Int(column)] ?? .nan }
    func int(_ column: Int32) -> Int64 { self[Int(column)] ?? 0 }
}

/// The current row of a statement stepped by `RawRows`.
struct RawRow: ColumnSource {
    let statement: SQLiteStatement

    func text(_ column: Int32) -> String? { RawRows.text(statement, column) }
    func double(_ column: Int32) -> Double {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? .nan : sqlite3_column_double(statement, column)
    }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
}
