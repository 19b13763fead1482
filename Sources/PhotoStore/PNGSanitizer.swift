/// Rewrites a PNG without its text, EXIF and time chunks, keeping the image and its colour information.
public enum PNGSanitizer {
    /// Ancillary chunks that carry words, camera data or a timestamp rather than pixels or colour.
    static let droppedChunks: Set<String> = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]
    /// The critical chunks of PNG; any other critical chunk means a decoder could not show the file.
    static let knownCriticalChunks: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND"]

    /// The signature, every kept chunk byte for byte (so each CRC stays valid), IEND; bytes after IEND are dropped.
    /// Unknown ancillary chunks are kept: they are safe to ignore and may matter to the picture.
    /// - Throws: `PhotoError` for a truncated file, a bad CRC, a misplaced IHDR or an unknown critical chunk.
    public static func sanitize(_ bytes: [UInt8]) throws(PhotoError) -> [UInt8] {
        let chunks = try PNGStructure.chunks(of: bytes)
        var output = ImageFormat.pngSignature
        output.reserveCapacity(bytes.count)
        for chunk in chunks {
            if chunk.isCritical, !knownCriticalChunks.contains(chunk.type) {
                throw .pngCriticalChunkUnknown(chunk: chunk.type)
            }
            if droppedChunks.contains(chunk.type) { continue }
            output.append(contentsOf: bytes[chunk.range])
        }
        return output
    }
}
