import TuanjuCore

/// Errors of the storage layer: the data directory, the schema version, a busy database.
public enum StorageError: TuanjuError, Equatable {
    case notInitialized(path: String)
    case dataDirectoryUnusable(path: String, reason: String)
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

    public var message: String {
        switch self {
        case .notInitialized(let path):
            "no Tuanju data in \(path); run `tuanju init` first"
        case .dataDirectoryUnusable(let path, let reason):
            "cannot use \(path) as the data directory: \(reason)"
        case .schemaTooNew(let path):
            "\(path) was written by a newer version of tuanju; upgrade tuanju instead of downgrading the data"
        case .busy:
            "the database is busy; try again in a moment"
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
