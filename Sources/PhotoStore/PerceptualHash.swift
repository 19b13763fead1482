import Foundation

/// A 64-bit DCT perceptual hash (pHash): the picture in grey, squeezed to 32 × 32, its 8 × 8 lowest spatial
/// frequencies compared with their median. Re-encoding, resizing, a small crop or a caption bar move few
/// bits; a different picture differs in about half of them. The top and bottom eighths are left out: that
/// is where messaging apps and re-posters put caption bars and watermarks, which otherwise move a dozen bits.
public enum PerceptualHash {
    static let side = 32
    static let kept = 8

    /// The hash of a decoded, upright picture.
    public static func hash(_ image: PixelImage) -> UInt64 {
        let grey = image.greyscale()
        let margin = grey.height / 8
        let middle = grey.height - 2 * margin >= 1
            ? PixelImage(width: grey.width, height: grey.height - 2 * margin, channels: 1,
                         pixels: Array(grey.pixels[(margin * grey.width)..<((grey.height - margin) * grey.width)]))
            : grey
        let small = middle.resampled(width: side, height: side)
        let values = small.pixels.map(Double.init)
        // Separable DCT-II, only the 8 lowest frequencies each way: rows first, then columns.
        var rows = [Double](repeating: 0, count: side * kept)
        for y in 0..<side {
            for u in 0..<kept {
                var sum = 0.0
                for x in 0..<side { sum += values[y * side + x] * cosines[u * side + x] }
                rows[y * kept + u] = sum
            }
        }
        var coefficients = [Double](repeating: 0, count: kept * kept)
        for v in 0..<kept {
            for u in 0..<kept {
                var sum = 0.0
                for y in 0..<side { sum += rows[y * kept + u] * cosines[v * side + y] }
                coefficients[v * kept + u] = sum
            }
        }
        // The DC term (mean brightness) would dominate the median; leave it out of it.
        let median = coefficients.dropFirst().sorted()[(kept * kept - 1) / 2]
        var hash: UInt64 = 0
        for (index, value) in coefficients.enumerated() where value > median { hash |= 1 << UInt64(index) }
        return hash
    }

    /// How many bits two hashes differ in (0…64).
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// cos((2x + 1) u π / 64) for u < 8, x < 32.
    static let cosines: [Double] = (0..<(kept * side)).map { index in
        let u = Double(index / side), x = Double(index % side)
        return cos((2 * x + 1) * u * .pi / Double(2 * side))
    }
}
