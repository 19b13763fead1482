/// An ancillary chunk to put into a fixture PNG, before its image data.
public enum PNGExtraChunk: Sendable, Equatable {
    /// tEXt: Latin-1 keyword and text.
    case text(keyword: String, text: String)
    /// eXIf: the TIFF structure of an EXIF block.
    case exif(ExifSpec)
    /// tIME: last modification, UTC.
    case time(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// iCCP: a named ICC profile, zlib-wrapped.
    case iccProfile(name: String, profile: [UInt8])
    /// Any chunk, written as given with a correct CRC (for unknown-chunk tests).
    case custom(type: String, data: [UInt8])
}

/// Writes 8-bit RGB PNGs. The zlib stream uses stored (uncompressed) deflate blocks: valid for every
/// decoder and needs no compressor.
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// IDAT is split so fixtures have several image-data chunks, as real files do.
    static let imageDataChunkSize = 8192

    static func encode(_ picture: FixturePicture, extras: [PNGExtraChunk]) -> [UInt8] {
        var file = signature
        file += chunk("IHDR", u32(picture.width) + u32(picture.height) + [8, 2, 0, 0, 0])
        for extra in extras { file += chunk(extra) }
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((picture.width * 3 + 1) * picture.height)
        for row in 0..<picture.height {
            scanlines.append(0)  // filter type None
            scanlines += picture.rgb[row * picture.width * 3..<(row + 1) * picture.width * 3]
        }
        let stream = zlibStored(scanlines)
        var start = 0
        repeat {
            let end = min(start + imageDataChunkSize, stream.count)
            file += chunk("IDAT", Array(stream[start..<end]))
            start = end
        } while start < stream.count
        return file + chunk("IEND", [])
    }

    static func chunk(_ extra: PNGExtraChunk) -> [UInt8] {
        switch extra {
        case .text(let keyword, let text):
            return chunk("tEXt", Array(keyword.utf8) + [0] + Array(text.utf8))
        case .exif(let spec):
            return chunk("eXIf", spec.tiff())
        case .time(let year, let month, let day, let hour, let minute, let second):
            return chunk("tIME", [UInt8(year >> 8), UInt8(year & 0xFF)] + [month, day, hour, minute, second].map { UInt8($0) })
        case .iccProfile(let name, let profile):
            return chunk("iCCP", Array(name.utf8) + [0, 0] + zlibStored(profile))
        case .custom(let type, let data):
            return chunk(type, data)
        }
    }

    /// Length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4, "PNG chunk types have four letters")
        return u32(data.count) + typeBytes + data + u32(Int(FixtureCRC32.checksum(typeBytes + data)))
    }

    /// RFC 1950 zlib wrapper around RFC 1951 stored blocks (at most 65535 bytes each), then Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 0xFFFF, data.count)
            let length = end - start
            stream.append(end == data.count ? 1 : 0)  // BFINAL, BTYPE 00
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)]
            stream += data[start..<end]
            start = end
        } while start < data.count
        return stream + u32(Int(adler32(data)))
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    static func u32(_ value: Int) -> [UInt8] { (0..<4).reversed().map { UInt8(value >> (8 * $0) & 0xFF) } }
}

/// CRC-32 (PNG annex D), kept separate from PhotoStore's so the tests check one against the other.
public enum FixtureCRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { value, _ in value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    }

    public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        ~bytes.reduce(UInt32.max) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
