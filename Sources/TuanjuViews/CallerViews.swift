import TuanjuService

/// Who a token stands for (`whoami --json`).
public struct CallerJSON: Encodable, Sendable {
    public let id: String
    public let kind: String
    public let name: String

    public init(_ caller: Caller) {
        id = caller.id
        kind = caller.kind.rawValue
        name = caller.name
    }
}
