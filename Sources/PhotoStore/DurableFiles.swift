import Foundation
import TuanjuCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls that make a write survive a power cut: write a temporary file, fsync it,
/// rename it into place, fsync the directory that now names it (rename alone is not durable).
enum DurableFiles {
    /// Creates `bytes` at `path` (which must not exist) and flushes them to disk.
    static func writeNewFile(_ bytes: [UInt8], at path: String) throws(PhotoError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, .storeStepWrite) }
        var written = 0
        let result: PhotoError? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return failure(path, .storeStepWrite, needed: Int64(buffer.count - written))
                }
                written += count
            }
            return fsync(descriptor) == 0 ? nil : failure(path, .storeStepSync)
        }
        close(descriptor)
        if let result {
            unlink(path)
            throw result
        }
    }

    /// Flushes a directory's entries (a rename, a new or removed file) to disk.
    static func syncDirectory(_ path: String) throws(PhotoError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, .storeStepSync) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path, .storeStepSync) }
    }

    /// Creates a directory; true if it was created now, false if it already existed.
    @discardableResult
    static func makeDirectory(_ path: String) throws(PhotoError) -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        var status = stat()
        guard errno == EEXIST, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw failure(path, .storeStepCreateDirectory)
        }
        return false
    }

    /// Atomically gives `from` the name `to`, replacing any file there.
    static func move(_ from: String, to: String) throws(PhotoError) {
        guard rename(from, to) == 0 else { throw failure(to, .storeStepRename) }
    }

    /// Removes a file; false if there was none.
    static func remove(_ path: String) throws(PhotoError) -> Bool {
        if unlink(path) == 0 { return true }
        guard errno == ENOENT else { throw failure(path, .storeStepRemove) }
        return false
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// The names in a directory, or [] when it does not exist.
    static func names(in path: String) throws(PhotoError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            var status = stat()
            if stat(path, &status) != 0, errno == ENOENT { return [] }
            throw PhotoError.storeFailed(path: path, step: .storeStepList, detail: "\(error)")
        }
    }

    /// The error for the failed call that set `errno`: a fault of the machine (full disk, read-only, permission)
    /// when it is one, else the step and the operating system's words.
    static func failure(_ path: String, _ step: PhotoMsg, needed: Int64? = nil) -> PhotoError {
        let code = errno
        if let fault = MachineError.from(errno: code, path: path, needed: needed) { return .machine(fault) }
        return .storeFailed(path: path, step: step, detail: String(cString: strerror(code)))
    }
}
