import Riders
import TuanjuService

/// One notification of `inbox` and `GET /v1/me/inbox`: the template code and arguments (for a client that
/// renders its own text) and the text in the rider's language.
public struct InboxNoticeJSON: Encodable, Sendable {
    public let id: String
    public let template: String
    public let parameters: [String: String]
    public let language: String
    public let text: String
    public let event_id: String
    public let created_at: String
    public let read_at: String?

    public init(_ notice: InboxNotice) {
        id = notice.id
        template = notice.template
        parameters = notice.parameters
        language = notice.language.rawValue
        text = notice.text
        event_id = notice.eventID
        created_at = notice.createdAt
        read_at = notice.readAt
    }

    enum CodingKeys: String, CodingKey { case id, template, parameters, language, text, event_id, created_at, read_at }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(template, forKey: .template)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(language, forKey: .language)
        try container.encode(text, forKey: .text)
        try container.encode(event_id, forKey: .event_id)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(read_at, forKey: .read_at)  // null while unread
    }
}

/// The answer of `inbox read`: how many notifications were unread and are now read.
public struct InboxReadJSON: Encodable, Sendable {
    public let marked: Int
    public init(marked: Int) { self.marked = marked }
}

/// A new invitation of `riders invite`: the code is shown this once.
public struct IssuedInvitationJSON: Encodable, Sendable {
    public let id: String
    public let code: String
    public let platform: String?
    public let expires_at: String

    public init(_ issued: NewInvitation) {
        id = issued.id
        code = issued.code
        platform = issued.platform
        expires_at = issued.expiresAt
    }

    enum CodingKeys: String, CodingKey { case id, code, platform, expires_at }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(code, forKey: .code)
        try container.encode(platform, forKey: .platform)  // null: any platform
        try container.encode(expires_at, forKey: .expires_at)
    }
}

/// An invitation of `riders invitations`: who made it, when it expires, who joined with it.
public struct InvitationJSON: Encodable, Sendable {
    public let id: String
    public let platform: String?
    public let created_by: String
    public let created_at: String
    public let expires_at: String
    public let used_at: String?
    public let rider_id: String?
    public let rider_name: String?

    public init(_ view: InvitationView) {
        id = view.id
        platform = view.platform
        created_by = view.createdBy
        created_at = view.createdAt
        expires_at = view.expiresAt
        used_at = view.usedAt
        rider_id = view.riderID
        rider_name = view.riderName
    }

    enum CodingKeys: String, CodingKey { case id, platform, created_by, created_at, expires_at, used_at, rider_id, rider_name }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(platform, forKey: .platform)
        try container.encode(created_by, forKey: .created_by)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(expires_at, forKey: .expires_at)
        try container.encode(used_at, forKey: .used_at)
        try container.encode(rider_id, forKey: .rider_id)
        try container.encode(rider_name, forKey: .rider_name)
    }
}
