import Foundation

/// Database files hold phone numbers and token hashes: they are created owner-only (0600), whatever the
/// umask. SQLite gives the `-wal` and `-shm` files it creates the mode of the database file, so creating that
/// file first with 0600 covers all three; files an older build left world-readable are tightened on open.
public enum PrivateFile {
    public static let mode: mode_t = 0o600

    /// Creates `path` empty with mode 0600 when it does not exist; otherwise sets its mode (and that of its
    /// `-wal` and `-shm` companions) to 0600.
    public static func prepare(_ path: String) {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, mode)
        if descriptor >= 0 { close(descriptor) }
        for file in [path, path + "-wal", path + "-shm"] { _ = chmod(file, mode) }
    }
}
