import Governance
import TuanjuCore
import TuanjuService

/// The JSON shape of a posting (CLI.md: id, role, capacity, claimed, ...).
public struct TaskJSON: Encodable, Sendable {
    public struct Area: Encodable, Sendable {
        public let lat: Double
        public let lon: Double
        public let radius_m: Double
    }

    public struct ClaimerJSON: Encodable, Sendable {
        public let rider_id: String
        public let name: String
        public let claimed_at: String
    }

    public let id: String
    public let role: String
    public let title: String
    public let description: String
    public let capacity: Int
    public let claimed: Int
    public let seats_left: Int
    public let state: String
    public let starts_at: String?
    public let ends_at: String?
    public let points: Int?
    public let area: Area?
    public let created_at: String
    public let distance_m: Double?
    public let claimers: [ClaimerJSON]?

    public init(_ task: TaskPosting, claimers: [Claimer]? = nil, near: Coordinate? = nil) {
        id = task.id
        role = task.roleCode
        title = task.title
        description = task.description
        capacity = task.capacity
        claimed = task.claimed
        seats_left = task.seatsLeft
        state = task.state.rawValue
        starts_at = task.startsAt
        ends_at = task.endsAt
        points = task.points
        if let lat = task.areaLat, let lon = task.areaLon, let radius = task.areaRadiusM {
            area = Area(lat: lat, lon: lon, radius_m: radius)
        } else {
            area = nil
        }
        created_at = task.createdAt
        distance_m = near.flatMap { point in task.centre.map { ($0.distance(to: point)).rounded() } }
        self.claimers = claimers?.map { ClaimerJSON(rider_id: $0.riderId, name: $0.name, claimed_at: $0.claimedAt) }
    }
}

/// The JSON shape of a claim (CLI.md: claim_id, task_id, rider_id).
public struct ClaimJSON: Encodable, Sendable {
    public let claim_id: String
    public let task_id: String
    public let rider_id: String
    public let state: String
    public let claimed_at: String
    public let ended_at: String?
    public let ended_by: String?
    public let reason: String?

    public init(_ claim: Claim) {
        claim_id = claim.id
        task_id = claim.taskId
        rider_id = claim.riderId
        state = claim.state.rawValue
        claimed_at = claim.claimedAt
        ended_at = claim.endedAt
        ended_by = claim.endedBy
        reason = claim.reason
    }
}

/// A governance role with its report categories (`roles list --json`).
public struct RoleJSON: Encodable, Sendable {
    public struct CategoryJSON: Encodable, Sendable {
        public let code: String
        public let name: String
        public let name_zh: String
        public let points: Int
    }

    public let code: String
    public let name: String
    public let name_zh: String
    public let description: String
    public let categories: [CategoryJSON]

    public init(_ entry: RoleWithCategories) {
        code = entry.role.code
        name = entry.role.name
        name_zh = entry.role.nameZh
        description = entry.role.description
        categories = entry.categories.map { CategoryJSON(code: $0.code, name: $0.name, name_zh: $0.nameZh, points: $0.points) }
    }
}

/// `roles add/update/retire --json`.
public struct RoleChangeJSON: Encodable, Sendable {
    public let code: String
    public let name: String
    public let name_zh: String
    public let description: String
    public let retired_at: String?

    public init(_ record: RoleProgramme.RoleRecord) {
        code = record.role.code
        name = record.role.name
        name_zh = record.role.nameZh
        description = record.role.description
        retired_at = record.retiredAt
    }
}

/// `roles categories add/retire --json`.
public struct CategoryChangeJSON: Encodable, Sendable {
    public let code: String
    public let role: String
    public let name: String
    public let name_zh: String
    public let points: Int
    public let points_max: Int?
    public let retired_at: String?

    public init(_ record: RoleProgramme.CategoryRecord) {
        code = record.category.code
        role = record.category.roleCode
        name = record.category.name
        name_zh = record.category.nameZh
        points = record.category.points
        points_max = record.pointsMax
        retired_at = record.retiredAt
    }
}
