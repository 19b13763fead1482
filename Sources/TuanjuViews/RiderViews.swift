import Riders
import TuanjuService

/// The JSON shape of a rider profile (CLI.md: id, name, phone masked, platform, ...).
public struct RiderJSON: Encodable, Sendable {
    public let id: String
    public let name: String
    public let phone: String
    public let platform: String
    public let party_member: Bool
    public let branch: String?
    public let active: Bool
    public let registered_at: String
    public let updated_at: String
    public let language: String
    /// When reminders wait (Asia/Shanghai): `11:00-13:00,17:00-19:30` or `none`.
    public let quiet_hours: String
    /// Only when a token was just issued (shown once).
    public let token: String?

    public init(_ profile: RiderProfile, token: String? = nil) {
        id = profile.id
        name = profile.name
        phone = profile.phone
        platform = profile.platform.rawValue
        party_member = profile.partyMember
        branch = profile.branch
        active = profile.active
        registered_at = profile.registeredAt
        updated_at = profile.updatedAt
        language = profile.language
        quiet_hours = profile.quietHours
        self.token = token
    }
}
