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
    /// True when the data directory or the database file cannot be written (a read-only mount, permissions):
    /// reads work, every write is refused with `MachineError.readOnly` before it starts.
    public let isReadOnly: Bool
    /// How long a write waits for another process's transaction before it fails as busy.
    let busyTimeout: TimeInterval
    let groupCommit = GroupCommit()
    /// Connections of our own for short reads (nil on a read-only data directory, which reads through the pool).
    let quickReaders: QuickReaders?

    /// Opens (and migrates) the database at `path`. With `create: false`, a missing file is an error.
    public init(path: String, create: Bool, busyTimeout: TimeInterval = 5) throws {
        _ = AppDatabase.processSetup
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StorageError.notInitialized(path: (path as NSString).deletingLastPathComponent)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let readOnly = FileManager.default.fileExists(atPath: path)
            && (access(path, W_OK) != 0 || access(directory.isEmpty ? "." : directory, W_OK) != 0)
        if !readOnly { PrivateFile.prepare(path) }
        self.busyTimeout = busyTimeout
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        // 16 MB of page cache per connection (SQLite's default is 2 MB): a map search touches R*Tree nodes
        // all over the index, and re-reading them from the OS on every search cost more than the search.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        do {
            if readOnly {
                pool = try AppDatabase.openReadOnly(path: path, directory: directory, config: config)
            } else {
                pool = try DatabasePool(path: path, configuration: config)
                // GRDB sets NORMAL on the writer when it enables WAL; the writer connection lives as long
                // as the pool, so setting FULL on it once holds for every write.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    // Group commit's savepoints keep statement journals; in memory they cost no file writes.
                    try db.execute(sql: "PRAGMA temp_store = MEMORY")
                    // After a large import (or a transaction that failed on a full disk) the WAL shrinks back to
                    // this size at the next checkpoint instead of keeping its peak size on disk.
                    try db.execute(sql: "PRAGMA journal_size_limit = \(AppDatabase.walSizeLimit)")
                }
            }
            self.path = path
            isReadOnly = readOnly
            quickReaders = readOnly ? nil : QuickReaders(
                path: path, configuration: config, capacity: max(2, 2 * ProcessInfo.processInfo.activeProcessorCount))
            try AppDatabase.migrate(pool, path: path, readOnly: readOnly)
        } catch let error as DatabaseError {
            throw AppDatabase.translate(error, path: path)
        }
    }

    deinit {
        quickReaders?.closeIdle()
    }

    /// The WAL is truncated to at most this many bytes after a checkpoint: 16 MB.
    static let walSizeLimit = 16 << 20

    /// A read-only pool. On a read-only mount SQLite cannot create the `-shm` file a WAL reader needs, so
    /// the file is opened as immutable there: nobody can write through a read-only mount.
    private static func openReadOnly(path: String, directory: String, config: Configuration) throws -> DatabasePool {
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return pool
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN && MachineError.isReadOnlyMount(directory) {
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            return try DatabasePool(path: "file:\(escaped)?immutable=1", configuration: config)
        }
    }

    /// Runs once per process, before this process's first connection. SQLITE_MISUSE (SQLite already started,
    /// say by a test's own connection) leaves the statistics on: slower under concurrency, nothing else.
    private static let processSetup: Int32 = tuanju_sqlite_disable_memstatus()

    private static func migrate(_ pool: DatabasePool, path: String, readOnly: Bool) throws {
        let migrator = Migrations.migrator
        let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded { throw StorageError.schemaTooNew(path: path) }
        if readOnly {
            // A read-only database can be read only if it needs no upgrade.
            let complete = try pool.read { db in try migrator.hasCompletedMigrations(db) }
            if !complete { throw MachineError.readOnly(path: path) }
            return
        }
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
        if isReadOnly {
            let directory = (path as NSString).deletingLastPathComponent
            throw MachineError.readOnly(path: MachineError.isReadOnlyMount(directory) ? directory : path)
        }
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            guard error.resultCode == .SQLITE_FULL else { throw AppDatabase.translate(error, path: path) }
            // What the failed transaction had written to the WAL is the least it needs; measured before release.
            let directory = (path as NSString).deletingLastPathComponent
            let free = MachineError.freeBytes(at: directory)
            let written = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value
            releaseWAL()
            throw MachineError.diskFull(path: directory, available: free, needed: written.flatMap { $0 > 0 ? $0 : nil })
        }
    }

    /// After a transaction failed on a full disk, its frames stay in the WAL file and keep the disk full:
    /// checkpoint what committed and truncate the WAL to nothing, giving the space back.
    func releaseWAL() {
        try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// A read-only snapshot: one read transaction on a connection of `quickReaders`, or of GRDB's pool when
    /// all of those are lent.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if let quickReaders, let result = try quickReaders.read(body) { return result }
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw AppDatabase.translate(error, path: path)
        }
    }

    /// SQLite errors that the user can act on become StorageErrors or MachineErrors; others stay as they are.
    public static func translate(_ error: DatabaseError, path: String) -> Error {
        let directory = (path as NSString).deletingLastPathComponent
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError.busy
        case .SQLITE_FULL:
            return MachineError.diskFull(path: directory, available: MachineError.freeBytes(at: directory), needed: nil)
        case .SQLITE_READONLY:
            return MachineError.readOnly(path: MachineError.isReadOnlyMount(directory) ? directory : path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return MachineError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_PERM, .SQLITE_AUTH:
            return MachineError.permissionDenied(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_IOERR:
            if MachineError.isReadOnlyMount(directory) { return MachineError.readOnly(path: directory) }
            if access(directory, R_OK | X_OK) != 0 || (FileManager.default.fileExists(atPath: path) && access(path, R_OK) != 0) {
                return MachineError.permissionDenied(path: directory)
            }
            if let free = MachineError.freeBytes(at: directory), free < 1 << 20 {
                return MachineError.diskFull(path: directory, available: free, needed: nil)
            }
            return MachineError.ioError(path: path, detail: error.message ?? "\(error.resultCode)")
        default:
            return error
        }
    }
}
