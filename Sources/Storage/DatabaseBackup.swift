import Foundation
import GRDB
import TuanjuCore

/// Online backups with SQLite's backup API: a consistent snapshot while writers keep running.
extension AppDatabase {
    /// Copies the whole database to a new file at `path`, makes it durable and checks it. Returns the
    /// problems `PRAGMA integrity_check` reports on the copy (empty when sound).
    public func backup(to path: String) throws -> [String] {
        do {
            PrivateFile.prepare(path)
            let copy = try DatabaseQueue(path: path)
            do {
                try pool.backup(to: copy)
            } catch let error as DatabaseError {
                // SQLite's backup reports a full disk on the copy as SQLITE_FULL with the message "not an
                // error"; the file system tells what really happened.
                try? copy.close()
                try? FileManager.default.removeItem(atPath: path)
                throw AppDatabase.translate(error, path: path)
            }
            let integrity = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            copy.writeWithoutTransaction { db in
                // A standalone copy: fold any WAL content into the main file.
                _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try copy.close()
            try DurableFile.sync(path)
            return integrity == ["ok"] ? [] : integrity
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw AppDatabase.translate(error, path: path)
        }
    }
}

/// fsync for files and the directories that name them.
public enum DurableFile {
    public static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path) }
    }

    /// Copies a file (temporary name, fsync, rename, fsync of the directory). A failure leaves no `.part`.
    public static func copy(_ source: String, to destination: String) throws {
        let directory = (destination as NSString).deletingLastPathComponent
        let temporary = destination + ".part"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.copyItem(atPath: source, toPath: temporary)
            try sync(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            let size = (try? FileManager.default.attributesOfItem(atPath: source)[.size] as? NSNumber)?.int64Value
            throw MachineError.from(error: error, path: directory, needed: size) ?? error
        }
        guard rename(temporary, destination) == 0 else { throw failure(destination) }
        try sync(directory)
    }

    /// The error for the failed call that set `errno`.
    static func failure(_ path: String) -> Error {
        let code = errno
        return MachineError.from(errno: code, path: path) ?? InputError.missingFile(path: path, reason: String(cString: strerror(code)))
    }
}
