import GRDB

/// A rider's claim on a seat of a posting. Claims are history: never deleted, never reopened.
public struct Claim: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "claims"

    public enum State: String, Codable, Sendable {
        case active, released, revoked, ended
    }

    public var id: String
    public var taskId: String
    public var riderId: String
    public var state: State
    public var claimedAt: String
    public var endedAt: String?
    public var endedBy: String?
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case id, state, reason
        case taskId = "task_id"
        case riderId = "rider_id"
        case claimedAt = "claimed_at"
        case endedAt = "ended_at"
        case endedBy = "ended_by"
    }
}
