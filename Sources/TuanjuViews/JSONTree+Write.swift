import TuanjuCore

/// Compact JSON text straight from a tree, byte for byte what `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes for it (TuanjuHTTPTests' JSONWriteTests compares the two on random trees).
/// Foundation's encoder went through its own generic containers and value boxes for every key, which was a
/// quarter of a map search's time over HTTP; this walks the tree once.
extension JSONTree {
    /// The JSON text of the tree; a non-finite number (which JSON cannot hold) is refused as JSONEncoder does.
    public func json() throws(JSONTreeError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try write(into: &bytes)
        return bytes
    }

    func write(into bytes: inout [UInt8]) throws(JSONTreeError) {
        switch self {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .int(let value): bytes += String(value).utf8
        case .unsigned(let value): bytes += String(value).utf8
        case .double(let value): try Self.write(double: value, into: &bytes)
        case .string(let value): Self.write(string: value, into: &bytes)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try value.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            // Sorted by UTF-8 bytes, as JSONEncoder's .sortedKeys.
            for (index, key) in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.write(string: key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try fields[key]!.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }


    /// JSONEncoder's spelling of a number: Swift's shortest round-trip description, without a trailing ".0".
    public static func write(double value: Double, into bytes: inout [UInt8]) throws(JSONTreeError) {
        guard value.isFinite else { throw JSONTreeError.nonFiniteNumber }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }

    /// Quotes and escapes as JSONEncoder does (`JSONString`).
    public static func write(string: String, into bytes: inout [UInt8]) {
        JSONString.append(string, to: &bytes)
    }

    /// Text known at compile time (keys and punctuation), copied as it is.
    @inline(__always)
    public static func write(raw text: StaticString, into bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}

extension JSONTree {
    /// The compact JSON of a view: written by the view itself when it can (`JSONWritable`), else through its tree.
    public static func json<T: Encodable>(of value: T) throws -> [UInt8] {
        if let writable = value as? any JSONWritable {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(2048)
            try writable.writeJSON(into: &bytes)
            return bytes
        }
        return try encode(value).json()
    }
}

/// A view that writes its own compact JSON, byte for byte what its tree (`JSONTree.encode`) writes: the keys in
/// sorted order as constants, no tree, no dictionary, no sorting. For the answers a server sends most (a map
/// search: five points of fifteen fields); a test compares the two for every conforming view.
public protocol JSONWritable {
    func writeJSON(into bytes: inout [UInt8]) throws(JSONTreeError)
}

extension Array: JSONWritable where Element: JSONWritable {
    public func writeJSON(into bytes: inout [UInt8]) throws(JSONTreeError) {
        bytes.append(UInt8(ascii: "["))
        for index in indices {
            if index > startIndex { bytes.append(UInt8(ascii: ",")) }
            try self[index].writeJSON(into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}

/// Why a tree could not be written as JSON.
public enum JSONTreeError: Error, Equatable {
    case nonFiniteNumber
}
