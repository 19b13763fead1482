/// Independent readers for tests: they look at a file the way a decoder would, without PhotoStore's code.
public enum FixtureInspection {
    /// The markers of a JPEG's segments in order (0xD8 … 0xD9), skipping each scan's entropy-coded data;
    /// nil when the walk does not end at an EOI that is the last two bytes.
    public static func jpegMarkers(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var markers: [UInt8] = [0xD8]
        var position = 2
        while position + 1 < bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            let marker = bytes[position + 1]
            markers.append(marker)
            if marker == 0xD9 { return position + 2 == bytes.count ? markers : nil }
            guard position + 3 < bytes.count else { return nil }
            position += 2 + (Int(bytes[position + 2]) << 8 | Int(bytes[position + 3]))
            if marker == 0xDA {
                while position + 1 < bytes.count {
                    let next = bytes[position + 1]
                    if bytes[position] == 0xFF, next != 0, !(0xD0...0xD7).contains(next) { break }
                    position += 1
                }
            }
        }
        return nil
    }

    /// From the start-of-frame marker to the end: the image itself, which stripping must not change.
    public static func jpegFrameAndScans(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard let start = bytes.indices.dropLast().first(where: {
            bytes[$0] == 0xFF && [0xC0, 0xC1, 0xC2].contains(bytes[$0 + 1])
        }) else { return nil }
        return bytes[start...]
    }

    /// A JPEG segment's payload (after the length) for each segment with this marker, before the first scan.
    public static func jpegPayloads(_ bytes: [UInt8], marker: UInt8) -> [ArraySlice<UInt8>] {
        var payloads: [ArraySlice<UInt8>] = []
        var position = 2
        while position + 3 < bytes.count, bytes[position] == 0xFF, bytes[position + 1] != 0xDA {
            let end = position + 2 + (Int(bytes[position + 2]) << 8 | Int(bytes[position + 3]))
            guard end <= bytes.count else { break }
            if bytes[position + 1] == marker { payloads.append(bytes[position + 4..<end]) }
            position = end
        }
        return payloads
    }

    /// A PNG's chunks: type and whether the stored CRC matches; nil when the structure is broken.
    public static func pngChunks(_ bytes: [UInt8]) -> [(type: String, crcValid: Bool)]? {
        guard bytes.starts(with: PNGEncoder.signature) else { return nil }
        var chunks: [(type: String, crcValid: Bool)] = []
        var position = 8
        while position + 12 <= bytes.count {
            let length = bytes[position..<position + 4].reduce(0) { $0 << 8 | Int($1) }
            let end = position + 12 + length
            guard end <= bytes.count else { return nil }
            let stored = bytes[end - 4..<end].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let type = String(decoding: bytes[position + 4..<position + 8], as: UTF8.self)
            chunks.append((type, FixtureCRC32.checksum(bytes[position + 4..<end - 4]) == stored))
            position = end
            if type == "IEND" { return position == bytes.count ? chunks : nil }
        }
        return nil
    }
}
