import Foundation
import TuanjuCore

/// Collects streamed text (an export) into 64 KB chunks for standard output or a file. A file is written to a
/// temporary name, fsynced and renamed, so a reader never sees half an export.
final class StreamedOutput {
    private var buffer = ""
    private let file: FileHandle?
    private let path: String?
    private let temporaryPath: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            file = nil
            temporaryPath = nil
            return
        }
        let temporary = path + ".part"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary)
        else {
            let code = errno
            throw MachineError.from(errno: code, path: path) ?? InputError.missingFile(path: path, reason: String(cString: strerror(code)))
        }
        file = handle
        temporaryPath = temporary
    }

    func write(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= 64 * 1024 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        if let file {
            do {
                try file.write(contentsOf: Data(buffer.utf8))
            } catch {
                throw MachineError.from(error: error, path: path ?? "", needed: Int64(buffer.utf8.count)) ?? error
            }
        } else {
            Console.current.write(buffer)
        }
        buffer = ""
    }

    /// Writes the rest; for a file, makes it durable and gives it its name.
    func finish() throws {
        try flush()
        guard let file, let path, let temporaryPath else { return }
        do {
            try file.synchronize()
            try file.close()
        } catch {
            throw MachineError.from(error: error, path: path) ?? error
        }
        if rename(temporaryPath, path) != 0 {
            throw InputError.missingFile(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes a half-written file after a failure.
    func abandon() {
        try? file?.close()
        if let temporaryPath { unlink(temporaryPath) }
    }
}
