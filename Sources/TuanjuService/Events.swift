import Identity
import Riders

// Event payloads for the outbox. They identify riders by id only: a phone number never leaves in an event.

struct UserEvent: Encodable {
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
    let imported: Int
    let updated: Int
    let unchanged: Int
    let skipped: Int
    let by: String
}
