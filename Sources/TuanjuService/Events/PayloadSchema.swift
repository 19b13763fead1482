import Foundation

/// A JSON value read back from an encoded payload, keeping booleans, integers and other numbers apart.
public indirect enum JSONValue: Codable, Equatable, Sendable {
    case null, bool(Bool), integer(Int64), number(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let fields): try container.encode(fields)
        }
    }

    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

/// The JSON Schema (draft 2020-12 subset: type, properties, required, additionalProperties, items) of an event
/// payload, derived from the payload type's examples: a key in every example is required, a key that is ever
/// `null` is nullable, integers and fractions together make a number, and no other key is allowed.
public struct PayloadSchema: Equatable, Sendable, Encodable {
    /// JSON types: `string`, `integer`, `number`, `boolean`, `object`, `array`, `null`.
    public private(set) var types: Set<String> = []
    public private(set) var properties: [String: PayloadSchema] = [:]
    public private(set) var required: Set<String> = []
    /// Arrays: the schema of their items (nil for an array only ever seen empty).
    public private(set) var items: [PayloadSchema] = []

    public init(examples: [JSONValue]) {
        var seenObjects = 0
        var keyCounts: [String: Int] = [:]
        for value in examples {
            merge(value, objects: &seenObjects, keyCounts: &keyCounts)
        }
        required = Set(keyCounts.filter { $0.value == seenObjects }.keys)
        if types.contains("integer") && types.contains("number") { types.remove("integer") }
    }

    private mutating func merge(_ value: JSONValue, objects: inout Int, keyCounts: inout [String: Int]) {
        switch value {
        case .null: types.insert("null")
        case .bool: types.insert("boolean")
        case .integer: types.insert("integer")
        case .number: types.insert("number")
        case .string: types.insert("string")
        case .array(let elements):
            types.insert("array")
            guard !elements.isEmpty else { return }
            let merged = PayloadSchema(examples: elements)
            items = [items.first.map { $0.union(merged) } ?? merged]
        case .object(let fields):
            types.insert("object")
            objects += 1
            for (key, field) in fields {
                keyCounts[key, default: 0] += 1
                let one = PayloadSchema(examples: [field])
                properties[key] = properties[key].map { $0.union(one) } ?? one
            }
        }
    }

    /// Both schemas' types, fields and items; a field is required only when both require it.
    func union(_ other: PayloadSchema) -> PayloadSchema {
        var result = self
        result.types.formUnion(other.types)
        if result.types.contains("integer") && result.types.contains("number") { result.types.remove("integer") }
        let keys = Set(properties.keys).union(other.properties.keys)
        for key in keys {
            switch (properties[key], other.properties[key]) {
            case let (mine?, theirs?): result.properties[key] = mine.union(theirs)
            case let (nil, theirs?): result.properties[key] = theirs
            default: break
            }
        }
        result.required = required.intersection(other.required)
        switch (items.first, other.items.first) {
        case let (mine?, theirs?): result.items = [mine.union(theirs)]
        case let (nil, theirs?): result.items = [theirs]
        default: break
        }
        return result
    }

    /// Problems of `value` against this schema, each with its path (`$.lat: expected number, got string`);
    /// empty when it conforms.
    public func problems(_ value: JSONValue, path: String = "$") -> [String] {
        let type: String
        switch value {
        case .null: type = "null"
        case .bool: type = "boolean"
        case .integer: type = types.contains("number") ? "number" : "integer"
        case .number: type = "number"
        case .string: type = "string"
        case .array: type = "array"
        case .object: type = "object"
        }
        guard types.contains(type) else {
            return ["\(path): expected \(types.sorted().joined(separator: " or ")), got \(type)"]
        }
        var found: [String] = []
        if case .object(let fields) = value {
            for key in required.sorted() where fields[key] == nil { found.append("\(path): missing \(key)") }
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                guard let schema = properties[key] else {
                    found.append("\(path): unexpected key \(key)")
                    continue
                }
                found += schema.problems(field, path: "\(path).\(key)")
            }
        }
        if case .array(let elements) = value, let schema = items.first {
            for (index, element) in elements.enumerated() { found += schema.problems(element, path: "\(path)[\(index)]") }
        }
        return found
    }

    enum CodingKeys: String, CodingKey {
        case type, properties, required, additionalProperties, items
    }

    /// Standard JSON Schema: `type` is a string, or an array when nullable or mixed; objects forbid other keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let sorted = types.sorted { Self.order($0) < Self.order($1) }
        if sorted.count == 1 { try container.encode(sorted[0], forKey: .type) } else { try container.encode(sorted, forKey: .type) }
        if types.contains("object") {
            try container.encode(properties, forKey: .properties)
            try container.encode(required.sorted(), forKey: .required)
            try container.encode(false, forKey: .additionalProperties)
        }
        if let schema = items.first { try container.encode(schema, forKey: .items) }
    }

    private static func order(_ type: String) -> Int {
        ["object", "array", "string", "integer", "number", "boolean", "null"].firstIndex(of: type) ?? 99
    }
}
