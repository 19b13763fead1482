import Foundation

/// The payload of an event kind. Payloads identify riders by id only: a phone number never leaves in an event.
public protocol EventPayload: Encodable, Sendable {
    /// Payloads showing every shape this type takes (each optional field both set and unset): the catalogue
    /// derives the payload's JSON Schema from them, and a test checks real payloads against that schema.
    static var examples: [Self] { get }
    /// The record the event is about: the target of the audit entry a staff action writes.
    var auditTarget: String? { get }
}

extension EventPayload {
    /// The payload as the outbox stores it and webhooks deliver it.
    public func encodedJSON() throws -> Data {
        try EventEncoding.encoder.encode(self)
    }
}

enum EventEncoding {
    /// The outbox's own settings: sorted keys, unescaped slashes, optional fields left out when unset.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
