import Foundation
import GRDB
import PhotoStore
import Reports
import Storage
import TuanjuCore

/// What a backup or restore did.
public struct BackupResult: Sendable, Equatable, Codable {
    public let path: String
    public let schemaVersion: Int
    public let photos: Int

    enum CodingKeys: String, CodingKey {
        case path, photos
        case schemaVersion = "schema_version"
    }
}

/// Backups and restores are not use cases (no transaction of their own changes data), so their refusals are
/// plain input errors.
extension Tuanju {
    /// `tuanju backup DEST` (admin): `DEST/tuanju.sqlite` by the online backup API, checked and fsynced, then
    /// the photo files that copy references, then `DEST/backup.json`.
    public func backup(_ caller: Caller, to destination: String) throws -> BackupResult {
        try caller.requireAdmin(ServiceMsg.actionBackup)
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: destination), !contents.isEmpty {
            throw InputError.invalid(ServiceMsg.backupDestNotEmpty, ["path": destination])
        }
        let existed = manager.fileExists(atPath: destination)
        do {
            return try writeBackup(to: destination)
        } catch {
            // Nothing half-written: the destination was empty (or absent), so what is there now is ours.
            if existed {
                for name in (try? manager.contentsOfDirectory(atPath: destination)) ?? [] {
                    try? manager.removeItem(atPath: destination + "/" + name)
                }
            } else {
                try? manager.removeItem(atPath: destination)
            }
            throw MachineError.from(error: error, path: destination) ?? error
        }
    }

    private func writeBackup(to destination: String) throws -> BackupResult {
        let manager = FileManager.default
        try manager.createDirectory(atPath: destination + "/photos", withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
        let databaseCopy = destination + "/tuanju.sqlite"
        let problems = try database.backup(to: databaseCopy)
        guard problems.isEmpty else {
            throw InputError.invalid(ServiceMsg.backupCheckFailed, ["detail": problems.prefix(3).joined(separator: "; ")])
        }
        // The photos the copy references (not the live database's, which may have moved on).
        let copy = try DatabaseQueue(path: databaseCopy)
        let hashes = try copy.read { db in try Reports.referencedPhotos(db) }
        let version = try copy.read { db in try Migrations.migrator.appliedIdentifiers(db).count }
        try copy.close()
        let store = photoStore
        var copied = 0
        for hash in hashes.sorted() {
            guard let source = store.url(for: hash) else { continue }
            let relative = String(source.path.dropFirst(directory.photosPath.count))
            try DurableFile.copy(source.path, to: destination + "/photos" + relative)
            copied += 1
            // Its thumbnail too (a restored store would otherwise need `photos rebuild`); not counted as a photo.
            if let thumbnail = store.thumbnailURL(for: hash), store.hasThumbnail(hash) {
                try DurableFile.copy(thumbnail.path, to: destination + "/photos" + String(thumbnail.path.dropFirst(directory.photosPath.count)))
            }
        }
        let result = BackupResult(path: destination, schemaVersion: version, photos: copied)
        let manifest = destination + "/backup.json"
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: manifest + ".part"))
        try DurableFile.sync(manifest + ".part")
        guard rename(manifest + ".part", manifest) == 0 else {
            throw InputError.missingFile(path: manifest, reason: String(cString: strerror(errno)))
        }
        try DurableFile.sync(destination)
        return result
    }

    /// `tuanju restore SRC`: into an empty (or new) data directory; the database is upgraded if the backup is
    /// older than this build, then checked.
    public static func restore(from source: String, into directory: DataDirectory) throws -> BackupResult {
        let manager = FileManager.default
        guard manager.fileExists(atPath: source + "/backup.json"), manager.fileExists(atPath: source + "/tuanju.sqlite") else {
            throw InputError.invalid(ServiceMsg.restoreSourceInvalid, ["path": source, "detail": "backup.json or tuanju.sqlite missing"])
        }
        if let contents = try? manager.contentsOfDirectory(atPath: directory.path), !contents.isEmpty {
            throw InputError.invalid(ServiceMsg.restoreTargetNotEmpty, ["path": directory.path])
        }
        try directory.prepare()
        var photos = 0
        if let files = manager.enumerator(atPath: source + "/photos")?.allObjects as? [String] {
            for file in files.sorted() where file.hasSuffix(".jpg") || file.hasSuffix(".png") {
                try DurableFile.copy(source + "/photos/" + file, to: directory.photosPath + "/" + file)
                if !file.hasSuffix(".thumb.jpg") { photos += 1 }
            }
        }
        // The database last: a data directory with a database is a complete one.
        try DurableFile.copy(source + "/tuanju.sqlite", to: directory.databasePath)
        let database = try AppDatabase(path: directory.databasePath, create: false)
        let integrity = try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        guard integrity == ["ok"] else {
            throw InputError.invalid(ServiceMsg.restoreSourceInvalid, ["path": source, "detail": integrity.prefix(3).joined(separator: "; ")])
        }
        return BackupResult(path: directory.path, schemaVersion: try database.schemaVersion(), photos: photos)
    }
}
