import GRDB
import GRDBSQLite
import Storage

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

/// The current row of a statement stepped by `RawRows` (Storage).
struct RawRow: ColumnSource {
    let statement: SQLiteStatement

    func text(_ column: Int32) -> String? { RawRows.text(statement, column) }
    func double(_ column: Int32) -> Double {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? .nan : sqlite3_column_double(statement, column)
    }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
}
