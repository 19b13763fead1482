/// Text as a JSON string literal, written as `JSONEncoder` writes it: `"` and `\` escaped, the short escapes
/// \b \f \n \r \t, other control characters as \u00XX, everything else (slashes, non-ASCII) as UTF-8 bytes.
/// One pass; runs that need no escape (most text is one run) are copied whole. For the writers that build JSON
/// from bytes on hot paths (views written straight to bytes, webhook bodies and batches).
public enum JSONString {
    static let hex = Array("0123456789abcdef".utf8)

    public static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0), to: &bytes) }
    }

    public static func append(_ utf8: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[start..<index]))
            escape(byte, into: &bytes)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[start...]))
        bytes.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, into bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""): bytes += [backslash, UInt8(ascii: "\"")]
        case backslash: bytes += [backslash, backslash]
        case 0x08: bytes += [backslash, UInt8(ascii: "b")]
        case 0x0C: bytes += [backslash, UInt8(ascii: "f")]
        case 0x0A: bytes += [backslash, UInt8(ascii: "n")]
        case 0x0D: bytes += [backslash, UInt8(ascii: "r")]
        case 0x09: bytes += [backslash, UInt8(ascii: "t")]
        default: bytes += [backslash, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
        }
    }
}
