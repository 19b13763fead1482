import Foundation
import GRDB
import GRDBSQLite

extension AppDatabase {
    /// A write nobody should wait long for (the map-search counts a read-only command flushes): like `write`,
    /// in its own `BEGIN IMMEDIATE` transaction, but it waits at most `timeout` for another process's write
    /// lock, and returns nil, having changed nothing, when the lock is still taken. Other errors throw as usual.
    ///
    /// It runs outside group commit: a best-effort write must not fail the use cases it would be batched with.
    public func writeIfFree<T>(waiting timeout: TimeInterval, _ body: (Database) throws -> T) throws -> T? {
        if isReadOnly { return nil }
        do {
            return try pool.writeWithoutTransaction { db -> T? in
                // The writer connection's busy timeout, shortened for this transaction only.
                sqlite3_busy_timeout(db.sqliteConnection, Int32(timeout * 1000))
                defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(busyTimeout * 1000)) }
                var value: T?
                do {
                    try db.inTransaction(.immediate) {
                        value = try body(db)
                        return .commit
                    }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                    return nil
                }
                return value
            }
        } catch let error as DatabaseError {
            throw AppDatabase.translate(error, path: path)
        }
    }
}
