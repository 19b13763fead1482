/// Reads the TIFF structure inside EXIF data (TIFF 6.0 section 2) without ever trusting an offset:
/// every read is checked against the bytes present, and a bad offset gives nil, never a crash.
struct TIFFReader {
    /// One 12-byte IFD entry: tag, field type, value count and where the 4-byte value field sits.
    struct Entry {
        let tag: Int
        let type: Int
        let count: Int
        let valueFieldOffset: Int
    }

    /// A bound on entries per IFD, so a corrupt count cannot make us build a huge array.
    static let maximumEntries = 1000

    let bytes: [UInt8]
    let bigEndian: Bool

    /// Reads the 8-byte header: `II*\0` (little-endian) or `MM\0*` (big-endian), then the offset of IFD0.
    init?(_ tiff: ArraySlice<UInt8>) {
        bytes = Array(tiff)
        guard bytes.count >= 8 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): bigEndian = false
        case (0x4D, 0x4D): bigEndian = true
        default: return nil
        }
        guard uint16(at: 2) == 42 else { return nil }
    }

    var firstIFDOffset: Int? { uint32(at: 4) }

    func uint16(at offset: Int) -> Int? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        let first = Int(bytes[offset]), second = Int(bytes[offset + 1])
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    func uint32(at offset: Int) -> Int? {
        guard let low = uint16(at: bigEndian ? offset + 2 : offset),
              let high = uint16(at: bigEndian ? offset : offset + 2) else { return nil }
        return high << 16 | low
    }

    /// The entries of the IFD at `offset`, or nil when it does not fit in the bytes.
    func entries(ofIFDAt offset: Int) -> [Entry]? {
        guard let count = uint16(at: offset), count <= Self.maximumEntries,
              offset + 2 + 12 * count <= bytes.count else { return nil }
        return (0..<count).compactMap { index in
            let at = offset + 2 + 12 * index
            guard let tag = uint16(at: at), let type = uint16(at: at + 2), let valueCount = uint32(at: at + 4) else {
                return nil
            }
            return Entry(tag: tag, type: type, count: valueCount, valueFieldOffset: at + 8)
        }
    }

    /// Bytes per value of each TIFF field type; nil for types this reader does not know.
    static func size(ofType type: Int) -> Int? {
        switch type {
        case 1, 2, 6, 7: 1  // BYTE, ASCII, SBYTE, UNDEFINED
        case 3, 8: 2  // SHORT, SSHORT
        case 4, 9, 11, 13: 4  // LONG, SLONG, FLOAT, IFD
        case 5, 10, 12: 8  // RATIONAL, SRATIONAL, DOUBLE
        default: nil
        }
    }

    /// Where the entry's values start: inline when they fit in 4 bytes, else at the offset stored there.
    /// Nil when the values would run past the end.
    func valuesOffset(of entry: Entry) -> Int? {
        guard let size = Self.size(ofType: entry.type), entry.count <= bytes.count else { return nil }
        let total = size * entry.count
        let start = total <= 4 ? entry.valueFieldOffset : uint32(at: entry.valueFieldOffset)
        guard let start, start <= bytes.count - total else { return nil }
        return start
    }

    /// The `index`-th rational of a RATIONAL or SRATIONAL entry as a Double; nil on a zero denominator.
    func rational(_ entry: Entry, index: Int) -> Double? {
        guard entry.type == 5 || entry.type == 10, index < entry.count, let start = valuesOffset(of: entry),
              let numerator = uint32(at: start + 8 * index), let denominator = uint32(at: start + 8 * index + 4)
        else { return nil }
        if entry.type == 10 {
            let signedDenominator = Int(Int32(truncatingIfNeeded: denominator))
            guard signedDenominator != 0 else { return nil }
            return Double(Int32(truncatingIfNeeded: numerator)) / Double(signedDenominator)
        }
        guard denominator != 0 else { return nil }
        return Double(numerator) / Double(denominator)
    }

    /// The first byte of an ASCII entry (`N`, `S`, `E`, `W` for GPS references).
    func firstCharacter(_ entry: Entry) -> UInt8? {
        guard entry.type == 2, entry.count >= 1, let start = valuesOffset(of: entry) else { return nil }
        return bytes[start]
    }
}
