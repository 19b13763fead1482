/// What Tuanju derives from a stored photo for reviewers: a small JPEG thumbnail and a perceptual hash.
public struct PhotoPrint: Sendable, Equatable {
    /// A JPEG, longest side `thumbnailSide`, upright, no metadata (JFIF header only).
    public let thumbnail: [UInt8]
    /// The 64-bit DCT perceptual hash of the decoded, upright, grey picture (`PerceptualHash`).
    public let perceptualHash: UInt64
    /// The stored photo's own size, as a reviewer sees it (after turning).
    public let width: Int
    public let height: Int

    /// The longest side of a thumbnail, in pixels.
    public static let thumbnailSide = 320
    /// Two photos whose hashes differ in at most this many of 64 bits are taken for the same picture: re-encoded,
    /// resized, cropped a little or captioned (PerceptualHashTests: variants at 0-10; the closest of 200 different
    /// scenes at 16; unrelated pictures sit near 32).
    public static let reuseDistance = 11
    /// Quality of thumbnails: small files (15–30 KB) that still show a pothole's edges.
    public static let thumbnailQuality = 80

    /// Decodes the (checked, upright) photo scaled down, then makes its thumbnail and hash. The declared size
    /// is checked against `PixelLimits` before any decoding.
    public static func make(_ bytes: [UInt8], format: ImageFormat) throws(PhotoError) -> PhotoPrint {
        let decoded: PixelImage
        let width: Int, height: Int
        switch format {
        case .jpeg:
            (width, height) = try TurboJPEG.dimensions(bytes)
            decoded = try TurboJPEG.decode(bytes, atLeast: thumbnailSide)
        case .png:
            decoded = try PNGDecoder.decode(bytes)
            (width, height) = (decoded.width, decoded.height)
        }
        let small = decoded.shrunk(toFit: thumbnailSide)
        return PhotoPrint(
            thumbnail: try TurboJPEG.encode(small, quality: thumbnailQuality), perceptualHash: PerceptualHash.hash(small),
            width: width, height: height)
    }

    /// The hash of a photo without making its thumbnail (tests, the bench).
    public static func hash(_ bytes: [UInt8]) throws(PhotoError) -> UInt64 {
        guard let format = ImageFormat(detecting: bytes) else { throw .unknownFormat }
        return try make(bytes, format: format).perceptualHash
    }
}
