import Foundation

/// Finds a key that appears twice in one JSON object (at any depth) of a document already known to be valid
/// JSON: one pass over the bytes, a set of keys per open object.
enum JSONDuplicateKeys {
    private enum Frame {
        case object(keys: Set<String>, expectingKey: Bool)
        case array
    }

    /// The first repeated key, or nil.
    static func first(in bytes: [UInt8]) -> String? {
        var stack: [Frame] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"): stack.append(.object(keys: [], expectingKey: true))
            case UInt8(ascii: "["): stack.append(.array)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                if case .object(let keys, _) = stack.last { stack[stack.count - 1] = .object(keys: keys, expectingKey: true) }
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                var escaped = false
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        escaped = true
                        index += 1
                    }
                    index += 1
                }
                if case .object(var keys, true) = stack.last {
                    let raw = Array(bytes[start..<min(index + 1, bytes.count)])
                    let key = escaped ? unescape(raw) : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                    if !keys.insert(key).inserted { return key }
                    stack[stack.count - 1] = .object(keys: keys, expectingKey: false)
                }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// A JSON string literal (with its quotes) as the string it stands for.
    static func unescape(_ literal: [UInt8]) -> String {
        let decoded = try? JSONSerialization.jsonObject(with: Data(literal), options: [.fragmentsAllowed]) as? String
        return decoded ?? String(decoding: literal, as: UTF8.self)
    }
}
