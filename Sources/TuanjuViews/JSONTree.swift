import Foundation

/// A JSON value in memory. Views are encoded into it by `JSONTree.encode`, which, unlike the synthesized
/// `Encodable` conformances fed to `JSONEncoder`, writes an unset optional as `null` instead of leaving its key
/// out: CLI.md promises every documented key, `null` when unset. The tree is then written by `JSONEncoder`,
/// so numbers, escaping, key order and pretty printing are exactly what they were.
public indirect enum JSONTree: Encodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// `value` as a tree, with every optional key present.
    public static func encode<T: Encodable>(_ value: T) throws -> JSONTree {
        // A hot view builds its tree by hand (a map search answer is five points of fourteen fields); the
        // generic encoder below costs a box and a dictionary write per field.
        if let convertible = value as? any JSONTreeConvertible { return convertible.jsonTree }
        return try reflect(value)
    }

    /// `value` as a tree through its `Encodable` conformance alone (what a `JSONTreeConvertible` must match).
    public static func reflect<T: Encodable>(_ value: T) throws -> JSONTree {
        let root = TreeBox()
        try value.encode(to: TreeEncoder(box: root, codingPath: []))
        return root.value
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .unsigned(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let fields):
            var container = encoder.container(keyedBy: TreeKey.self)
            for (key, value) in fields { try container.encode(value, forKey: TreeKey(key)) }
        }
    }
}

/// Where one encoded value lands; containers fill it in (in place: a class, so a 1,000-row array is not copied
/// on every append) as the value encodes itself.
private final class TreeBox {
    enum Kind { case leaf, object, array }
    var kind = Kind.leaf
    var leaf = JSONTree.null
    var fields: [String: TreeBox] = [:]
    var items: [TreeBox] = []

    var value: JSONTree {
        switch kind {
        case .leaf: leaf
        case .object: .object(fields.mapValues(\.value))
        case .array: .array(items.map(\.value))
        }
    }

    func set(_ value: JSONTree) {
        kind = .leaf
        leaf = value
    }

    func child(_ key: String) -> TreeBox {
        makeObject()
        if let existing = fields[key] { return existing }
        let box = TreeBox()
        fields[key] = box
        return box
    }

    func append() -> TreeBox {
        makeArray()
        let box = TreeBox()
        items.append(box)
        return box
    }

    func makeObject() { kind = .object }
    func makeArray() { kind = .array }
}

struct TreeKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = "\(intValue)" }
}

private struct TreeEncoder: Encoder {
    let box: TreeBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.makeObject()
        return KeyedEncodingContainer(KeyedTree<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.makeArray()
        return UnkeyedTree(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTree(box: box, codingPath: codingPath) }
}

/// Puts a leaf or a nested value into a box.
private func store<T: Encodable>(_ value: T, in box: TreeBox, at path: [any CodingKey]) throws {
    switch value {
    case let value as String: box.set(.string(value))
    case let value as Bool: box.set(.bool(value))
    case let value as Double: box.set(.double(value))
    case let value as Float: box.set(.double(Double(value)))
    case let value as Int: box.set(.int(Int64(value)))
    case let value as Int8: box.set(.int(Int64(value)))
    case let value as Int16: box.set(.int(Int64(value)))
    case let value as Int32: box.set(.int(Int64(value)))
    case let value as Int64: box.set(.int(value))
    case let value as UInt: box.set(.unsigned(UInt64(value)))
    case let value as UInt8: box.set(.unsigned(UInt64(value)))
    case let value as UInt16: box.set(.unsigned(UInt64(value)))
    case let value as UInt32: box.set(.unsigned(UInt64(value)))
    case let value as UInt64: box.set(.unsigned(value))
    case let value as JSONTree: box.set(value)
    default: try value.encode(to: TreeEncoder(box: box, codingPath: path))
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: TreeBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.child(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: box.child(key.stringValue), at: codingPath + [key])
    }

    // The point of this encoder: an absent optional is a key with `null`, not a missing key.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.child(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedTree<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.child(key.stringValue)
        child.makeArray()
        return UnkeyedTree(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]) }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let box: TreeBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.append().set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: box.append(), at: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = box.append()
        child.makeObject()
        return KeyedEncodingContainer(KeyedTree<NestedKey>(box: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = box.append()
        child.makeArray()
        return UnkeyedTree(box: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.append(), codingPath: codingPath) }
}

private struct SingleTree: SingleValueEncodingContainer {
    let box: TreeBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: box, at: codingPath) }
}

/// A view that builds its own tree, field for field what `JSONTree.encode` makes of it through `Encodable`
/// (a test compares the two for every conforming view).
public protocol JSONTreeConvertible {
    var jsonTree: JSONTree { get }
}

extension Array: JSONTreeConvertible where Element: JSONTreeConvertible {
    public var jsonTree: JSONTree { .array(map(\.jsonTree)) }
}
