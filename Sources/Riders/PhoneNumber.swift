import TuanjuCore

/// A mainland-China mobile number: 11 digits, `1[3-9]xxxxxxxxx`.
public struct PhoneNumber: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let digits: String

    /// Accepts `13812341234`, `138 1234 1234`, `138-1234-1234`, `+86 138 1234 1234`, `8613812341234`.
    public init(_ text: String) throws(InputError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        let international = text.utf8.first == UInt8(ascii: "+")
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"): continue
            case UInt8(ascii: "+") where index == 0: continue
            default: throw .invalid(.phoneInvalid, ["text": text])
            }
        }
        if bytes.count == 13, bytes[0] == UInt8(ascii: "8"), bytes[1] == UInt8(ascii: "6") {
            bytes.removeFirst(2)
        } else if international {
            throw .invalid(.phoneNotMainland, ["text": text])
        }
        guard bytes.count == 11, bytes[0] == UInt8(ascii: "1"),
              (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1])
        else {
            throw .invalid(.phoneInvalid, ["text": text])
        }
        digits = String(decoding: bytes, as: UTF8.self)
    }

    /// Trusted digits read back from the database.
    public init(stored digits: String) {
        self.digits = digits
    }

    /// `138****1234`: what everyone but the rider themself sees.
    public var masked: String {
        Self.mask(digits)
    }

    public static func mask(_ digits: String) -> String {
        guard digits.count == 11 else { return "***" }
        return String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }

    public var description: String { masked }
}
