import Foundation
import Storage
import TuanjuCore

/// The data directory: `tuanju.sqlite`, `photos/`, `exports/`.
public struct DataDirectory: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = (path as NSString).standardizingPath
    }

    /// `--data`, else `TUANJU_DATA`, else `$XDG_DATA_HOME/tuanju`, else `~/.local/share/tuanju`.
    public static func resolve(option: String?, environment: [String: String]) -> DataDirectory {
        if let option, !option.isEmpty { return DataDirectory(path: option) }
        if let env = environment["TUANJU_DATA"], !env.isEmpty { return DataDirectory(path: env) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return DataDirectory(path: xdg + "/tuanju") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DataDirectory(path: home + "/.local/share/tuanju")
    }

    public var databasePath: String { path + "/tuanju.sqlite" }
    public var photosPath: String { path + "/photos" }
    public var exportsPath: String { path + "/exports" }
    /// Map-search counts waiting for the write lock (`DemandSpool`); created when first needed.
    public var spoolPath: String { path + "/spool" }

    /// Creates the directory tree (mode 0700: it holds riders' personal data) or checks an existing one.
    func prepare() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StorageError.dataDirectoryUnusable(path: path, reason: .reasonIsFile)
            }
        } else {
            do {
                try manager.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StorageError.dataDirectoryUnusable(path: path, reason: .reasonCannotCreate)
            }
        }
        guard manager.isWritableFile(atPath: path) else {
            throw StorageError.dataDirectoryUnusable(path: path, reason: .reasonNotWritable)
        }
        for sub in [photosPath, exportsPath] where !manager.fileExists(atPath: sub) {
            do {
                try manager.createDirectory(atPath: sub, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StorageError.dataDirectoryUnusable(path: path, reason: .reasonNotWritable)
            }
        }
    }

    /// Checks that an existing data directory can be opened.
    func checkExisting() throws {
        // Another user's directory: it exists, but this user may not look inside.
        if access(path, F_OK) == 0, access(path, R_OK | X_OK) != 0 {
            throw MachineError.permissionDenied(path: path)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StorageError.notInitialized(path: path)
        }
        guard isDirectory.boolValue else {
            throw StorageError.dataDirectoryUnusable(path: path, reason: .reasonIsFile)
        }
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw StorageError.notInitialized(path: path)
        }
    }
}
