import GRDB
import GRDBSQLite

/// Binds, steps and reads a GRDB-cached statement with SQLite's C API, for the few loops that read many rows
/// per use case (the map search, the webhook drain's fan-out and due reads, a short read's schema check), where
/// GRDB's per-execution `RowCursor`, `StatementArguments` and `Row` boxing cost more than SQLite's own work.
/// Only inside a GRDB transaction whose connection is the statement's; GRDB resets and rebinds a statement
/// before its own next use.
public enum RawRows {
    /// SQLite copies a bound text before `bind` returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Resets `statement` and clears its bindings, so that `bind` sets every parameter afresh.
    public static func start(_ statement: Statement) -> SQLiteStatement {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        sqlite3_clear_bindings(sqlite)
        return sqlite
    }

    public static func bind(_ sqlite: SQLiteStatement, _ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(sqlite, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), transient)
        }
    }

    public static func bind(_ sqlite: SQLiteStatement, _ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(sqlite, index, value)
    }

    public static func bind(_ sqlite: SQLiteStatement, _ index: Int32, _ value: Double) {
        sqlite3_bind_double(sqlite, index, value)
    }

    /// Runs `statement` with `doubles` bound to its parameters, calling `body` for each row until it returns
    /// false or the rows end; the statement is reset afterwards.
    public static func each(_ statement: Statement, binding doubles: [Double], _ body: (SQLiteStatement) throws -> Bool) throws {
        let sqlite = start(statement)
        for (index, value) in doubles.enumerated() { bind(sqlite, Int32(index + 1), value) }
        try each(statement, sqlite, body)
    }

    /// Runs `statement` with one integer parameter.
    public static func each(_ statement: Statement, binding value: Int64, _ body: (SQLiteStatement) throws -> Bool) throws {
        let sqlite = start(statement)
        bind(sqlite, 1, value)
        try each(statement, sqlite, body)
    }

    /// Steps `statement` (started and bound), calling `body` for each row until it returns false or the rows
    /// end; the statement is reset afterwards.
    public static func each(_ statement: Statement, _ sqlite: SQLiteStatement, _ body: (SQLiteStatement) throws -> Bool) throws {
        defer { sqlite3_reset(sqlite) }
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW: if try !body(sqlite) { return }
            case SQLITE_DONE: return
            case let code: throw error(statement, code)
            }
        }
    }

    /// A text column's bytes (empty for NULL), valid until the statement steps again.
    public static func bytes(_ sqlite: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(sqlite, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, column)))
    }

    /// A text column; nil when NULL. Decoded from its bytes and length, as GRDB decodes a `String`.
    public static func text(_ sqlite: SQLiteStatement, _ column: Int32) -> String? {
        guard sqlite3_column_type(sqlite, column) != SQLITE_NULL else { return nil }
        return String(decoding: bytes(sqlite, column), as: UTF8.self)
    }

    /// The error of a failed step, as GRDB reports it.
    public static func error(_ statement: Statement, _ code: Int32) -> DatabaseError {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)))
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
