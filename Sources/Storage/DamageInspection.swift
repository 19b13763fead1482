import Foundation
import GRDB
import TuanjuCore

/// What `tuanju doctor` can still say about a database file that cannot be opened normally: it reads the file
/// directly (no migrations, no tokens: those live in the damaged file) and names what SQLite finds.
public enum DamageInspection {
    /// SQLite's own findings, one line each (`*** in database main *** Page 7: ...`), or one line saying the
    /// file is not a database at all. Empty when SQLite finds the file sound.
    public static func findings(path: String) -> [String] {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let lines = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(50)") }
            return lines == ["ok"] ? [] : lines
        } catch let error as DatabaseError {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return ["\(path) (\(size) bytes): \(error.message ?? "\(error.resultCode)")"]
        } catch {
            return ["\(path): \(error)"]
        }
    }
}
