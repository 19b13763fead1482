import Foundation
import GRDBSQLite

/// A thin wrapper over the SQLite C API for the raw side of each scenario: plain prepared statements,
/// the same pragmas as AppDatabase (WAL, synchronous FULL).
final class RawSQLite {
    let handle: OpaquePointer

    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            throw BenchError(message: "cannot open \(path)")
        }
        handle = db
        // Like ours (GRDB's busy timeout): a lock held by another connection is waited for, not fatal.
        sqlite3_busy_timeout(db, 10_000)
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError(message: String(cString: sqlite3_errmsg(handle)))
        }
    }

    func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError(message: String(cString: sqlite3_errmsg(handle)))
        }
        return statement
    }
}

/// SQLITE_TRANSIENT: SQLite copies the bound text.
let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String?) {
    if let text {
        sqlite3_bind_text(statement, index, text, -1, transient)
    } else {
        sqlite3_bind_null(statement, index)
    }
}

/// The first column of the first row of `sql`, as text.
func scalar(_ db: RawSQLite, _ sql: String) throws -> String {
    let statement = try db.prepare(sql)
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else {
        throw BenchError(message: "no row for \(sql)")
    }
    return String(cString: text)
}
