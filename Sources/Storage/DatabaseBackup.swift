import Foundation
import GRDB
import TuanjuCore

/// Online backups with SQLite's backup API: a consistent snapshot while writers keep running.
extension AppDatabase {
    /// Copies the whole database to a new file at `path`, makes it durable and checks it. Returns the
    /// problems `PRAGMA integrity_check` reports on the copy (empty when sound).
    public func backup(to path: String) throws -> [String] {
        PrivateFile.prepare(path)
        let copy = try DatabaseQueue(path: path)
        try pool.backup(to: copy)
        let integrity = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        try copy.writeWithoutTransaction { db in
            // A standalone copy: fold any WAL content into the main file.
            _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try copy.close()
        try DurableFile.sync(path)
        return integrity == ["ok"] ? [] : integrity
    }
}

/// fsync for files and the directories that name them.
public enum DurableFile {
    public static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError.missingFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw InputError.missingFile(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Copies a file (temporary name, fsync, rename, fsync of the directory).
    public static func copy(_ source: String, to destination: String) throws {
        let directory = (destination as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = destination + ".part"
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.copyItem(atPath: source, toPath: temporary)
        try sync(temporary)
        guard rename(temporary, destination) == 0 else {
            throw InputError.missingFile(path: destination, reason: String(cString: strerror(errno)))
        }
        try sync(directory)
    }
}
