/// One chunk of a PNG file as it lies in the bytes.
struct PNGChunk {
    /// Four ASCII letters: `IHDR`, `tEXt`…
    let type: String
    /// Length, type, data and CRC.
    let range: Range<Int>
    let data: Range<Int>

    /// A lower-case first letter marks an ancillary chunk, one a decoder may ignore.
    var isCritical: Bool { type.utf8.first.map { $0 & 0x20 == 0 } ?? false }
}

/// Walks a PNG's chunks (PNG spec section 5) from the signature to IEND, checking lengths and CRCs.
/// Anything after IEND is not part of the image and is not returned.
enum PNGStructure {
    /// PNG caps chunk lengths at 2^31 - 1.
    static let maximumChunkLength = 0x7FFF_FFFF

    static func chunks(of bytes: [UInt8]) throws(PhotoError) -> [PNGChunk] {
        let count = bytes.count
        guard bytes.starts(with: ImageFormat.pngSignature) else { throw .unknownFormat }
        var chunks: [PNGChunk] = []
        var imageDataSeen = false
        var position = ImageFormat.pngSignature.count
        while true {
            guard position + 8 <= count else { throw .pngTruncated(offset: count) }
            let length = readBigEndian32(bytes, at: position)
            guard length <= maximumChunkLength else { throw .pngChunkTooLong(offset: position, length: length) }
            let typeBytes = bytes[position + 4..<position + 8]
            guard typeBytes.allSatisfy(isLetter) else { throw .pngChunkTypeInvalid(offset: position) }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let dataStart = position + 8
            let crcAt = dataStart + length
            guard crcAt + 4 <= count else { throw .pngTruncated(offset: count) }
            guard CRC32.checksum(bytes[position + 4..<crcAt]) == UInt32(readBigEndian32(bytes, at: crcAt)) else {
                throw .pngCRCMismatch(chunk: type, offset: position)
            }

            if chunks.isEmpty {
                guard type == "IHDR" else { throw .pngHeaderNotFirst(chunk: type) }
                guard length == 13 else { throw .pngHeaderInvalid }
                try PixelLimits.check(
                    width: readBigEndian32(bytes, at: dataStart), height: readBigEndian32(bytes, at: dataStart + 4))
            } else if type == "IHDR" {
                throw .pngHeaderInvalid
            }
            imageDataSeen = imageDataSeen || type == "IDAT"
            chunks.append(PNGChunk(type: type, range: position..<crcAt + 4, data: dataStart..<crcAt))
            if type == "IEND" {
                guard imageDataSeen else { throw .pngNoImageData }
                return chunks
            }
            position = crcAt + 4
        }
    }

    static func readBigEndian32(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
