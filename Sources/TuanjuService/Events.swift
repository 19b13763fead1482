import Identity
import Riders

// Event payloads for the outbox. They identify riders by id only: a phone number never leaves in an event.

struct UserEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case userId = "user_id", name, role
    }

    let userId: String
    let name: String
    let role: String

    init(_ user: User) {
        userId = user.id
        name = user.name
        role = user.role.rawValue
    }
}

struct RiderEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case riderId = "rider_id", platform, partyMember = "party_member", branch, active, by
    }

    let riderId: String
    let platform: String
    let partyMember: Bool
    let branch: String?
    let active: Bool
    let by: String

    init(_ rider: Rider, by caller: Caller) {
        riderId = rider.id
        platform = rider.platform.rawValue
        partyMember = rider.partyMember
        branch = rider.branch
        active = rider.active
        by = caller.id
    }
}

struct RidersImportedEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case imported, updated, unchanged, skipped, by
    }

    let imported: Int
    let updated: Int
    let unchanged: Int
    let skipped: Int
    let by: String
}
