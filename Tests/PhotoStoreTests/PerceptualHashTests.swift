import PhotoFixtures
import PhotoStore
import Testing

@Suite("Re-used photos are caught by their perceptual hash")
struct PerceptualHashTests {
    static let width = 480, height = 360

    static func scene(_ seed: UInt64) -> PixelImage {
        PixelImage(width: width, height: height, channels: 3, pixels: ScenePicture.rgb(width: width, height: height, seed: seed))
    }

    static func jpeg(_ image: PixelImage, quality: Int = 90) throws -> [UInt8] { try TurboJPEG.encode(image, quality: quality) }

    static func cropped(_ image: PixelImage, by fraction: Double) -> PixelImage {
        let dx = Int(Double(image.width) * fraction / 2), dy = Int(Double(image.height) * fraction / 2)
        let w = image.width - 2 * dx, h = image.height - 2 * dy
        var pixels: [UInt8] = []
        for y in dy..<(dy + h) { pixels += image.pixels[((y * image.width + dx) * 3)..<((y * image.width + dx + w) * 3)] }
        return PixelImage(width: w, height: h, channels: 3, pixels: pixels)
    }

    /// A dark caption bar over the bottom 10 %, with white "letters", as a messaging app's forward adds.
    static func captioned(_ image: PixelImage) -> PixelImage {
        var result = image
        let top = image.height * 9 / 10
        for y in top..<image.height {
            for x in 0..<image.width {
                let letter = (x / 6) % 3 != 2 && (y - top) > 8 && (y - top) < image.height / 10 - 8 && x > 20 && x < image.width * 2 / 3
                for c in 0..<3 { result.pixels[(y * image.width + x) * 3 + c] = letter ? 240 : 30 }
            }
        }
        return result
    }

    @Test("The same photo re-encoded at quality 60, resized to half, cropped by 5% or given a caption bar is within the re-use distance",
          arguments: [UInt64(1), 2, 3, 4, 5])
    func variantsAreCaught(seed: UInt64) throws {
        let original = Self.scene(seed)
        let hash = try PhotoPrint.hash(try Self.jpeg(original))
        let variants: [(String, [UInt8])] = [
            ("quality 60", try Self.jpeg(original, quality: 60)),
            ("half size", try Self.jpeg(original.resampled(width: Self.width / 2, height: Self.height / 2))),
            ("cropped 5%", try Self.jpeg(Self.cropped(original, by: 0.05))),
            ("caption bar", try Self.jpeg(Self.captioned(original))),
        ]
        for (name, bytes) in variants {
            let distance = PerceptualHash.distance(hash, try PhotoPrint.hash(bytes))
            #expect(distance <= PhotoPrint.reuseDistance, "\(name): distance \(distance)")
        }
    }

    @Test("200 different photos: no two are within the re-use distance")
    func noFalseMatches() throws {
        let hashes = try (UInt64(100)..<300).map { seed in
            try PhotoPrint.hash(try Self.jpeg(PixelImage(
                width: 320, height: 240, channels: 3, pixels: ScenePicture.rgb(width: 320, height: 240, seed: seed))))
        }
        var closest = 64
        for i in hashes.indices {
            for j in hashes.indices where j > i { closest = min(closest, PerceptualHash.distance(hashes[i], hashes[j])) }
        }
        #expect(closest > PhotoPrint.reuseDistance, "closest pair at distance \(closest)")
        // And the index finds exactly what a scan finds
        let index = HammingIndex(hashes)
        for (i, hash) in hashes.enumerated() {
            #expect(index.matches(of: hash, within: PhotoPrint.reuseDistance).map(\.index) == [i])
        }
    }

    @Test("The index finds every stored hash within the radius, and nothing else")
    func indexMatchesScan() {
        var generator = SeededGenerator(seed: 77)
        var hashes = (0..<5000).map { _ in generator.next() }
        let query = hashes[10]
        // Plant near neighbours at every distance up to 14
        for distance in 1...14 {
            var near = query
            for bit in 0..<distance { near ^= 1 << UInt64((bit * 7) % 64) }
            hashes.append(near)
        }
        let index = HammingIndex(hashes)
        for radius in [0, 3, 8, 10, 11] {
            let expected = hashes.indices.filter { PerceptualHash.distance(hashes[$0], query) <= radius }
            #expect(Set(index.matches(of: query, within: radius).map(\.index)) == Set(expected), "radius \(radius)")
        }
    }
}
