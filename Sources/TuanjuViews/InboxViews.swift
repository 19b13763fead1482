import Riders

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
