import CSQLiteSetup
import Foundation
import GRDB
import TuanjuCore

/// Owns the SQLite database: opens it with the project's settings and runs the migrator.
///
/// Settings, and why:
/// - WAL (DatabasePool): readers never block the writer.
/// - `synchronous = FULL`: a commit is on disk before it returns, so claims and the points ledger
///   survive a power loss, not only a process crash.
/// - busy timeout 5 s: a writer waits for another process's transaction instead of failing at once.
/// - foreign keys on.
/// - every write transaction is `BEGIN IMMEDIATE` (see `write`), so a read-then-write transaction
///   never fails with SQLITE_BUSY_SNAPSHOT under contention.
/// - SQLite's memory statistics off for the process (before the first connection): they serialise every
///   allocation of every connection on one mutex, which halved concurrent reads (docs/benchmarks.md).
public final class AppDatabase: Sendable {
    public let pool: DatabasePool
    public let path: String
    /// How long a write waits for another process's transaction before it fails as busy.
    let busyTimeout: TimeInterval
    let groupCommit = GroupCommit()

    /// Opens (and migrates) the database at `path`. With `create: false`, a missing file is an error.
    public init(path: String, create: Bool, busyTimeout: TimeInterval = 5) throws {
        _ = AppDatabase.processSetup
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StorageError.notInitialized(path: (path as NSString).deletingLastPathComponent)
        }
        self.busyTimeout = busyTimeout
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // 16 MB of page cache per connection (SQLite's default is 2 MB): a map search touches R*Tree nodes
        // all over the index, and re-reading them from the OS on every search cost more than the search.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            // GRDB sets NORMAL on the writer when it enables WAL; the writer connection lives as long
            // as the pool, so setting FULL on it once holds for every write.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Group commit's savepoints keep statement journals; in memory they cost no file writes.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            self.path = path
            try AppDatabase.migrate(pool, path: path)
        } catch let error as DatabaseError {
            throw AppDatabase.translate(error)
        }
    }

    /// Runs once per process, before this process's first connection. SQLITE_MISUSE (SQLite already started,
    /// say by a test's own connection) leaves the statistics on: slower under concurrency, nothing else.
    private static let processSetup: Int32 = tuanju_sqlite_disable_memstatus()

    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = Migrations.migrator
        let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded { throw StorageError.schemaTooNew(path: path) }
        try migrator.migrate(pool)
    }

    /// The number of migrations applied: the schema version `tuanju init` reports.
    public func schemaVersion() throws -> Int {
        try read { db in try Migrations.migrator.appliedIdentifiers(db).count }
    }

    /// One use case's writes, atomically: everything in `body` commits together, or nothing does, inside
    /// a `BEGIN IMMEDIATE` transaction. Use cases of concurrent threads share the commit (see GroupCommit);
    /// this returns once the commit is durable.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw AppDatabase.translate(error)
        }
    }

    /// A read-only snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw AppDatabase.translate(error)
        }
    }

    /// SQLite errors that the user can act on become StorageErrors; others stay as they are.
    static func translate(_ error: DatabaseError) -> Error {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: StorageError.busy
        default: error
        }
    }
}
