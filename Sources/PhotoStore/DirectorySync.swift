import Foundation

/// Group fsync of directories, the way group commit shares a transaction's fsync: a directory fsync makes
/// durable every rename done in it before the fsync started, so concurrent submissions in one process need
/// not each pay for their own. A caller whose rename is done waits for an fsync that starts after it (it
/// runs one itself when none is running); callers that arrive meanwhile share the next one.
final class DirectorySync: @unchecked Sendable {
    // @unchecked Sendable: `entries` and `fsyncs` are read and written only while `condition` is locked.
    static let shared = DirectorySync()

    var fsyncCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return fsyncs
    }

    private struct Entry {
        /// Renames announced so far (tickets handed out).
        var announced: UInt64 = 0
        /// Every ticket up to this one is durable.
        var durable: UInt64 = 0
        var syncing = false
    }

    private let condition = NSCondition()
    private var entries: [String: Entry] = [:]
    /// fsyncs run so far (tests check that concurrent callers share them).
    private var fsyncs = 0

    /// Returns once the renames the caller made in `path` before calling are on disk.
    func sync(_ path: String) throws(PhotoError) {
        condition.lock()
        entries[path, default: Entry()].announced += 1
        let ticket = entries[path]!.announced
        while true {
            let entry = entries[path]!
            if entry.durable >= ticket {
                condition.unlock()
                return
            }
            if !entry.syncing { break }
            condition.wait()
        }
        // This caller leads the next fsync: it covers every rename announced until now.
        entries[path]!.syncing = true
        fsyncs += 1
        let covers = entries[path]!.announced
        condition.unlock()
        var failure: PhotoError?
        do { try DurableFiles.syncDirectory(path) } catch { failure = error }
        condition.lock()
        entries[path]!.syncing = false
        if failure == nil { entries[path]!.durable = max(entries[path]!.durable, covers) }
        condition.broadcast()
        condition.unlock()
        // A failed fsync proves nothing for the followers either: each of them tries again itself.
        if let failure { throw failure }
    }
}
