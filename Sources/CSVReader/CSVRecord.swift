/// One record of a CSV file, with the physical line it starts on (the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Why a record could not be read. The reader reports it and goes on with the next record.
public enum CSVProblem: Sendable, Equatable {
    case invalidUTF8(field: Int)
    case recordTooLong(limit: Int)
    case unterminatedQuote
    case strayQuote(field: Int)

    public var message: String {
        switch self {
        case .invalidUTF8(let field): "field \(field) is not valid UTF-8"
        case .recordTooLong(let limit): "record is longer than \(limit) bytes"
        case .unterminatedQuote: "a quoted field is not closed before the end of the file"
        case .strayQuote(let field): "field \(field) has a quote character in the wrong place"
        }
    }
}

/// What the reader yields: a record, or a problem with the line it starts on.
public enum CSVItem: Sendable, Equatable {
    case record(CSVRecord)
    case problem(line: Int, CSVProblem)

    public var line: Int {
        switch self {
        case .record(let record): record.line
        case .problem(let line, _): line
        }
    }
}

/// The file could not be opened or read.
public struct CSVReadError: Error, Sendable, Equatable {
    public let path: String
    public let reason: String
}
