import Riders

/// A rider's profile as a caller may see it: the phone is masked unless the caller is the rider.
public struct RiderProfile: Sendable, Equatable {
    public let id: String
    public let name: String
    public let phone: String
    public let platform: Platform
    public let partyMember: Bool
    public let branch: String?
    public let active: Bool
    public let registeredAt: String
    public let updatedAt: String
    /// The inbox's language (`zh`, `en`).
    public let language: String
    /// When reminders wait, Asia/Shanghai: `11:00-13:00,17:00-19:30` or `none`.
    public let quietHours: String

    init(_ rider: Rider, for caller: Caller) {
        id = rider.id
        name = rider.name
        phone = rider.phone.map { (caller.kind == .rider && caller.id == rider.id) ? $0 : PhoneNumber.mask($0) } ?? ""
        platform = rider.platform
        partyMember = rider.partyMember
        branch = rider.branch
        active = rider.active
        registeredAt = rider.registeredAt
        updatedAt = rider.updatedAt
        language = rider.language
        quietHours = rider.quietHours
    }
}

/// A profile together with a token shown once.
public struct IssuedRider: Sendable, Equatable {
    public let profile: RiderProfile
    public let token: String
}
