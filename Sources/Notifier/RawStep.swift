import GRDB
import GRDBSQLite

/// Binds and steps a GRDB-cached query with SQLite's C API, for the drain's reads of many rows (the events to
/// fan out, the due deliveries with their bodies): GRDB's `StatementArguments` and `Row` boxing cost more per
/// delivery than SQLite's own work. Only inside a GRDB transaction (`read`/`write`), whose connection is the
/// statement's; GRDB resets and rebinds a statement before its own next use.
enum RawStep {
    /// SQLite copies a bound text before `bind` returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Resets `statement` and clears its bindings, so that `bind` sets every parameter afresh.
    static func start(_ statement: Statement) -> SQLiteStatement {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        sqlite3_clear_bindings(sqlite)
        return sqlite
    }

    static func bind(_ sqlite: SQLiteStatement, _ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(sqlite, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), transient)
        }
    }

    static func bind(_ sqlite: SQLiteStatement, _ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(sqlite, index, value)
    }

    /// Steps a query, calling `row` for each row; the statement is reset afterwards.
    static func each(_ statement: Statement, _ sqlite: SQLiteStatement, _ row: (SQLiteStatement) throws -> Void) throws {
        defer { sqlite3_reset(sqlite) }
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW: try row(sqlite)
            case SQLITE_DONE: return
            case let code: throw error(statement, code)
            }
        }
    }

    /// A text column's bytes (empty for NULL), valid until the statement steps again.
    static func bytes(_ sqlite: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(sqlite, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, column)))
    }

    static func text(_ sqlite: SQLiteStatement, _ column: Int32) -> String {
        String(decoding: bytes(sqlite, column), as: UTF8.self)
    }

    private static func error(_ statement: Statement, _ code: Int32) -> DatabaseError {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)))
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
