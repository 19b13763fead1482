/// Writes Huffman-coded bits most significant first, stuffing a 0x00 after every 0xFF data byte so
/// no marker appears inside a scan (T.81 F.1.2.3).
struct EntropyWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var bitCount = 0

    mutating func write(_ value: UInt32, length: Int) {
        guard length > 0 else { return }
        buffer = buffer << UInt32(length) | (value & (1 << UInt32(length) - 1))
        bitCount += length
        while bitCount >= 8 {
            let byte = UInt8(truncatingIfNeeded: buffer >> UInt32(bitCount - 8))
            bytes.append(byte)
            if byte == 0xFF { bytes.append(0x00) }
            bitCount -= 8
        }
        buffer &= (1 << UInt32(bitCount)) - 1
    }

    /// Pads the last byte with 1-bits, as T.81 requires before a marker.
    mutating func flush() {
        let padding = (8 - bitCount % 8) % 8
        write((1 << UInt32(padding)) - 1, length: padding)
    }

    /// A restart marker RST0…RST7 between intervals.
    mutating func restart(_ index: Int) {
        flush()
        bytes.append(0xFF)
        bytes.append(0xD0 + UInt8(index & 7))
    }

    /// A Huffman symbol followed by the `size` low bits of a coefficient (T.81 F.1.2.1).
    mutating func write(symbol: UInt8, table: [UInt8: (code: UInt32, length: Int)]) {
        guard let entry = table[symbol] else { preconditionFailure("no Huffman code for \(symbol)") }
        write(entry.code, length: entry.length)
    }

    /// The number of bits needed for |value| (its "category" SSSS).
    static func category(_ value: Int) -> Int {
        var magnitude = value.magnitude, size = 0
        while magnitude > 0 { magnitude >>= 1; size += 1 }
        return size
    }

    /// The bits that follow a category: the value itself, or value - 1 in `size` bits when negative.
    static func extraBits(_ value: Int, size: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: value < 0 ? value + (1 << size) - 1 : value)
    }
}
