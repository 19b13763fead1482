import GRDB
import TuanjuCore

/// The delivery platform a rider works for.
public enum Platform: String, Codable, Sendable, CaseIterable {
    case meituan
    case eleme
    case other

    public init(parsing text: String) throws(InputError) {
        if let exact = Platform(rawValue: text) {
            self = exact
            return
        }
        let lowered = text.trimmingSpaces.lowercased()
        switch lowered {
        case "meituan", "美团": self = .meituan
        case "eleme", "ele.me", "饿了么": self = .eleme
        case "other", "其他": self = .other
        default: throw .invalid(.platformUnknown, ["text": text])
        }
    }
}

/// A rider's profile as stored.
public struct Rider: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "riders"

    public var id: String
    public var name: String
    /// nil once the rider has been erased.
    public var phone: String?
    public var platform: Platform
    public var partyMember: Bool
    public var branch: String?
    public var active: Bool
    public var registeredAt: String
    public var updatedAt: String
    public var deactivatedAt: String?
    /// When the profile was erased on the rider's request (docs/privacy.md); nil for a living profile.
    public var erasedAt: String?
    /// The language of the rider's inbox (`zh` or `en`; `zh` by default).
    public var language: String = "zh"
    /// When reminders wait (`QuietHours`' text form; the meal peaks by default).
    public var quietHours: String = QuietHours.defaultText

    /// The name an erased profile keeps (the column may not be empty).
    public static let erasedName = "已注销"

    enum CodingKeys: String, CodingKey {
        case id, name, phone, platform, branch, active, language
        case partyMember = "party_member"
        case registeredAt = "registered_at"
        case updatedAt = "updated_at"
        case deactivatedAt = "deactivated_at"
        case erasedAt = "erased_at"
        case quietHours = "quiet_hours"
    }
}

/// Validated input for a new or changed profile.
public struct RiderDraft: Sendable, Equatable {
    public var name: String
    public var phone: PhoneNumber
    public var platform: Platform
    public var partyMember: Bool
    public var branch: String?

    public init(name: String, phone: String, platform: String, partyMember: Bool, branch: String?) throws(InputError) {
        self.name = try Text.label(name, field: .fieldName)
        self.phone = try PhoneNumber(phone)
        self.platform = try Platform(parsing: platform)
        self.partyMember = partyMember
        self.branch = try RiderDraft.branch(branch)
    }

    static func branch(_ text: String?) throws(InputError) -> String? {
        guard let text, !Text.clean(text).isEmpty else { return nil }
        return try Text.label(text, field: RiderMsg.fieldBranch)
    }
}

extension String {
    var trimmingSpaces: String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }
}
