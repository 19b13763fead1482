import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Read-only connections of the database's own for `AppDatabase.read`, lent one at a time.
///
/// Why not only `DatabasePool.read`: a server's reads are short (a map search is about 10 µs of SQLite work),
/// and GRDB's pool spent more than that around each one. It hands a reader out through a serial dispatch
/// queue and a semaphore (two threads reading at once wait on a futex there), and it prepares
/// `BEGIN DEFERRED TRANSACTION` and `COMMIT TRANSACTION` anew for every read (docs/benchmarks.md, issue 21:
/// an empty read over HTTP cost about 27 µs). Here a free connection is taken from a list under a mutex, and
/// the read transaction's statements are prepared once per connection. Every read is still one
/// `BEGIN DEFERRED … COMMIT`: one snapshot, as before. The schema version is checked at the start of each
/// read, as GRDB does, so a migration made by another process is seen.
///
/// At most `capacity` connections are opened; when all are lent, `AppDatabase.read` uses GRDB's pool as before.
final class QuickReaders: Sendable {
    let capacity: Int
    private let path: String
    private let configuration: Configuration
    private let state = Mutex<(idle: [QuickReader], opened: Int)>(([], 0))

    init(path: String, configuration: Configuration, capacity: Int) {
        var configuration = configuration
        configuration.readonly = true
        self.path = path
        self.configuration = configuration
        self.capacity = capacity
    }

    /// Runs `body` in a read transaction on a lent connection; nil when every connection is lent (or one cannot
    /// be opened): the caller reads through GRDB's pool instead.
    func read<T>(_ body: (Database) throws -> T) throws -> T? {
        guard let reader = take() else { return nil }
        defer { give(reader) }
        return .some(try reader.read(body))
    }

    private func take() -> QuickReader? {
        let (reader, mayOpen) = state.withLock { state -> (QuickReader?, Bool) in
            if let reader = state.idle.popLast() { return (reader, false) }
            guard state.opened < capacity else { return (nil, false) }
            state.opened += 1
            return (nil, true)
        }
        if let reader { return reader }
        guard mayOpen else { return nil }
        do {
            return QuickReader(try DatabaseQueue(path: path, configuration: configuration))
        } catch {
            state.withLock { $0.opened -= 1 }
            return nil
        }
    }

    private func give(_ reader: QuickReader) {
        state.withLock { $0.idle.append(reader) }
    }

    /// Closes every connection that is not lent. `AppDatabase` calls it before its pool closes, so the pool's
    /// writer is the last connection to close and checkpoints the WAL into the database file, as before these
    /// readers existed (a read-only connection closing last cannot, and left the WAL beside the file).
    func closeIdle() {
        let idle = state.withLock { state in
            defer { state.idle.removeAll() }
            return state.idle
        }
        for reader in idle { try? reader.queue.close() }
    }
}

/// One read-only connection and the schema version it last saw.
/// `@unchecked Sendable`: `schemaVersion` is read and written only by the thread that has taken the reader
/// from `QuickReaders` (the mutex hands it to one thread at a time), inside the queue's own serialised access.
private final class QuickReader: @unchecked Sendable {
    let queue: DatabaseQueue
    var schemaVersion: Int32?

    init(_ queue: DatabaseQueue) {
        self.queue = queue
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.inDatabase { db in
            try RawRows.each(db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION"), binding: []) { _ in false }
            defer {
                // A read transaction only ends; should COMMIT fail, ROLLBACK leaves the connection clean.
                do { try RawRows.each(db.cachedStatement(sql: "COMMIT TRANSACTION"), binding: []) { _ in false } } catch { try? db.execute(sql: "ROLLBACK") }
            }
            // As GRDB's own reads: a schema changed by another connection clears what GRDB remembers of it.
            // Stepped with SQLite's C API (`RawRows`, which resets it before returning: clearing the schema cache
            // below finalizes GRDB's cached statements, this one too). GRDB's generic fetch was a tenth of a short read.
            var version: Int32?
            try RawRows.each(db.cachedStatement(sql: "PRAGMA schema_version"), binding: []) { row in
                version = sqlite3_column_int(row, 0)
                return false
            }
            if version != schemaVersion {
                db.clearSchemaCache()
                schemaVersion = version
            }
            return try body(db)
        }
    }
}
