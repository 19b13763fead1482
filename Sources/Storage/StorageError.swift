import TuanjuCore

/// Errors of the storage layer: the data directory, the schema version, a busy database.
public enum StorageError: TuanjuError, Equatable {
    case notInitialized(path: String)
    case dataDirectoryUnusable(path: String, reason: StorageMsg)
    case schemaTooNew(path: String)
    case busy

    public var code: String {
        switch self {
        case .notInitialized: "not_initialized"
        case .dataDirectoryUnusable: "data_dir_unusable"
        case .schemaTooNew: "schema_too_new"
        case .busy: "busy"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .notInitialized(let path): LocalizedText(.notInitialized, ["path": path])
        case .dataDirectoryUnusable(let path, let reason): LocalizedText(.dataDirUnusable, ["path": path, "reason": reason.text])
        case .schemaTooNew(let path): LocalizedText(.schemaTooNew, ["path": path])
        case .busy: LocalizedText(.busy)
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .notInitialized, .dataDirectoryUnusable: .noInput
        case .schemaTooNew: .invalidInput
        case .busy: .busy
        }
    }
}
