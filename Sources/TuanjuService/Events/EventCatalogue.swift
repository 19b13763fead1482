import Foundation

/// An event kind as webhook consumers are told about it: name, meaning, payload schema and an example.
public struct EventDescription: Sendable {
    public let kind: EventKind
    public let schema: PayloadSchema
    /// The first example payload, exactly as it would be delivered.
    public let example: String

    public var type: String { kind.rawValue }
}

/// The catalogue read for people and programs: `tuanju webhooks events`, docs/events.md, subscriptions.
public enum EventCatalogue {
    public static func describe(_ kind: EventKind) throws -> EventDescription {
        let examples = try kind.payloadType.exampleJSON()
        return EventDescription(
            kind: kind, schema: PayloadSchema(examples: try examples.map(JSONValue.parse)),
            example: String(decoding: examples[0], as: UTF8.self))
    }

    public static func all() throws -> [EventDescription] {
        try EventKind.allCases.map(describe)
    }

    /// The kind named `name`, or nil.
    public static func kind(named name: String) -> EventKind? {
        EventKind(rawValue: name)
    }

    /// docs/events.md, generated: a test fails when the committed file differs.
    public static func markdown() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var text = """
            # Events

            <!-- Generated from the event catalogue (Sources/TuanjuService/Events/EventKind.swift) by
                 `tuanju webhooks events --markdown`. Do not edit by hand: a test fails when this file is stale. -->

            Every change Tuanju commits is announced as an event in the same transaction, and delivered to the
            webhook endpoints subscribed to its type (`tuanju webhooks add URL --events a.b,c.d`; without
            `--events`, every type). Each delivery is signed the Standard Webhooks way (`webhook-id`,
            `webhook-timestamp`, `webhook-signature`); the body is `{"type": …, "timestamp": …, "data": <payload>}`.
            Payloads identify riders by id only; a phone number never leaves in an event. A key that is not
            listed as required is left out when it has no value.

            | Type | What happened |
            |---|---|

            """
        for kind in EventKind.allCases { text += "| [`\(kind.rawValue)`](#\(anchor(kind))) | \(kind.summary) |\n" }
        for description in try all() {
            let schema = String(decoding: try encoder.encode(description.schema), as: UTF8.self)
            text += """

                ## \(description.type)

                \(description.kind.summary)

                Example payload:

                ```json
                \(description.example)
                ```

                Schema:

                ```json
                \(schema)
                ```

                """
        }
        return text
    }

    private static func anchor(_ kind: EventKind) -> String {
        kind.rawValue.replacingOccurrences(of: ".", with: "")
    }
}

extension EventPayload {
    static func exampleJSON() throws -> [Data] {
        try examples.map { try $0.encodedJSON() }
    }
}
