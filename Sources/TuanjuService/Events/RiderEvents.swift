import Identity
import Riders

struct UserEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case userId = "user_id", name, role
    }

    let userId: String
    let name: String
    let role: String

    var auditTarget: String? { userId }
    static let examples = [UserEvent(userId: "usr_01J9Z3K8Q4", name: "王协调员", role: "coordinator")]
}

extension UserEvent {
    init(_ user: User) {
        self.init(userId: user.id, name: user.name, role: user.role.rawValue)
    }
}

struct RiderEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case riderId = "rider_id", platform, partyMember = "party_member", branch, active, by
    }

    let riderId: String
    let platform: String
    let partyMember: Bool
    let branch: String?
    let active: Bool
    let by: String

    var auditTarget: String? { riderId }
    static let examples = [
        RiderEvent(riderId: "rdr_01J9Z3M2A7", platform: "meituan", partyMember: true, branch: "米市巷街道快递外卖党支部", active: true, by: "usr_01J9Z3K8Q4"),
        RiderEvent(riderId: "rdr_01J9Z3M2B8", platform: "eleme", partyMember: false, branch: nil, active: false, by: "rdr_01J9Z3M2B8"),
    ]
}

extension RiderEvent {
    init(_ rider: Rider, by caller: Caller) {
        self.init(
            riderId: rider.id, platform: rider.platform.rawValue, partyMember: rider.partyMember, branch: rider.branch,
            active: rider.active, by: caller.id)
    }
}

struct RidersImportedEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case imported, updated, unchanged, skipped, by
    }

    let imported: Int
    let updated: Int
    let unchanged: Int
    let skipped: Int
    let by: String

    var auditTarget: String? { nil }
    static let examples = [RidersImportedEvent(imported: 980, updated: 12, unchanged: 5, skipped: 3, by: "usr_01J9Z3K8Q4")]
}
