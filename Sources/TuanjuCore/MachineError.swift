#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine failed us: the disk is full, the data directory cannot be written or read, or the database
/// file is damaged. Exit 74 (EX_IOERR); nothing was half-written, and the same command completes once the
/// fault is fixed.
public enum MachineError: TuanjuError, Equatable {
    /// No space left on the file system holding `path`. `needed` is an estimate when one is known.
    case diskFull(path: String, available: Int64?, needed: Int64?)
    /// `path` is on a read-only file system or is not writable.
    case readOnly(path: String)
    /// `path` cannot be read or entered (another user's data directory).
    case permissionDenied(path: String)
    /// The database file is not a sound SQLite database (a page of garbage, a truncated file).
    case damaged(path: String, detail: String)
    /// Any other failed read or write of the operating system.
    case ioError(path: String, detail: String)

    public var code: String {
        switch self {
        case .diskFull: "disk_full"
        case .readOnly: "read_only"
        case .permissionDenied: "permission_denied"
        case .damaged: "database_damaged"
        case .ioError: "io_error"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .diskFull(let path, let available, let needed):
            let free = available.map(Self.size) ?? "?"
            if let needed {
                return LocalizedText(FaultMsg.diskFull, ["path": path, "available": free, "needed": Self.size(needed)])
            }
            return LocalizedText(FaultMsg.diskFullUnknown, ["path": path, "available": free])
        case .readOnly(let path): return LocalizedText(FaultMsg.readOnly, ["path": path])
        case .permissionDenied(let path): return LocalizedText(FaultMsg.permissionDenied, ["path": path])
        case .damaged(let path, let detail): return LocalizedText(FaultMsg.damaged, ["path": path, "detail": detail])
        case .ioError(let path, let detail): return LocalizedText(FaultMsg.ioError, ["path": path, "detail": detail])
        }
    }

    public var category: ErrorCategory { .machine }

    /// The same fault without file-system paths, for clients of the HTTP API.
    public var withoutPaths: MachineError {
        let place = "tuanju-data"
        return switch self {
        case .diskFull(_, let available, let needed): .diskFull(path: place, available: available, needed: needed)
        case .readOnly: .readOnly(path: place)
        case .permissionDenied: .permissionDenied(path: place)
        case .damaged(_, let detail): .damaged(path: place, detail: detail)
        case .ioError(_, let detail): .ioError(path: place, detail: detail)
        }
    }

    /// The fault an `errno` from a file operation on `path` stands for, or nil when it is not a fault of the
    /// machine (a missing file, say, which is the caller's to explain).
    public static func from(errno code: Int32, path: String, needed: Int64? = nil) -> MachineError? {
        switch code {
        case ENOSPC, EDQUOT: .diskFull(path: path, available: freeBytes(at: path), needed: needed)
        case EROFS: .readOnly(path: path)
        case EACCES, EPERM: .permissionDenied(path: path)
        case EIO: .ioError(path: path, detail: String(cString: strerror(code)))
        default: nil
        }
    }

    /// Bytes free for an unprivileged user on the file system holding `path` (or its nearest existing parent).
    public static func freeBytes(at path: String) -> Int64? {
        var candidate = path
        var status = statvfs()
        while !candidate.isEmpty {
            if statvfs(candidate, &status) == 0 { return Int64(status.f_bavail) * Int64(status.f_frsize) }
            guard let slash = candidate.lastIndex(of: "/"), slash != candidate.startIndex else { break }
            candidate = String(candidate[..<slash])
        }
        return nil
    }

    /// True when the file system holding `path` is mounted read-only.
    public static func isReadOnlyMount(_ path: String) -> Bool {
        var status = statvfs()
        return statvfs(path, &status) == 0 && status.f_flag & UInt(ST_RDONLY) != 0
    }

    /// `1.5 MB`, `320 KB`, `12 B`.
    static func size(_ bytes: Int64) -> String {
        if bytes >= 1 << 20 { return String(Double(bytes * 10 / (1 << 20)) / 10) + " MB" }
        if bytes >= 1 << 10 { return "\(bytes / (1 << 10)) KB" }
        return "\(bytes) B"
    }
}
