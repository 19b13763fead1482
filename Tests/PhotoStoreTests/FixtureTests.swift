import Foundation
import PhotoFixtures
import PhotoStore
import Testing

@Suite("Photo fixtures")
struct FixtureTests {
    @Test("The same seed gives the same bytes; another seed other bytes")
    func deterministic() {
        #expect(PhotoFixtures.jpeg(width: 20, height: 10, seed: 1) == PhotoFixtures.jpeg(width: 20, height: 10, seed: 1))
        #expect(PhotoFixtures.jpeg(width: 20, height: 10, seed: 1) != PhotoFixtures.jpeg(width: 20, height: 10, seed: 2))
        #expect(PhotoFixtures.png(width: 5, height: 5, seed: 1) == PhotoFixtures.png(width: 5, height: 5, seed: 1))
    }

    @Test("Fixture JPEGs are well-formed: baseline and progressive, with and without restart intervals")
    func wellFormed() throws {
        for progressive in [false, true] {
            for restart in [0, 1, 7] {
                let bytes = PhotoFixtures.jpeg(width: 33, height: 17, seed: 5, progressive: progressive, restartInterval: restart)
                let markers = try #require(FixtureInspection.jpegMarkers(bytes))
                #expect(markers.first == 0xD8 && markers.last == 0xD9)
                #expect(markers.filter { $0 == 0xDA }.count == (progressive ? 7 : 1))
                #expect(try PhotoCheck.check(bytes).bytes == bytes)
            }
        }
    }

    @Test("jpeg(approximateBytes:) lands within 5% of the size asked for")
    func approximateSize() {
        for target in [30_000, 120_000] {
            let bytes = PhotoFixtures.jpeg(approximateBytes: target, seed: 11)
            #expect(abs(Double(bytes.count) / Double(target) - 1) < 0.05, "\(bytes.count) for \(target)")
        }
    }

    @Test("Fixture PNGs have valid CRCs and their chunks in order")
    func pngStructure() throws {
        let chunks = try #require(FixtureInspection.pngChunks(Samples.phonePNG))
        #expect(chunks.map(\.type) == ["IHDR", "tEXt", "tIME", "eXIf", "iCCP", "IDAT", "IEND"])
        #expect(chunks.allSatisfy { $0.crcValid })
        let large = try #require(FixtureInspection.pngChunks(PhotoFixtures.png(width: 120, height: 80)))
        #expect(large.filter { $0.type == "IDAT" }.count > 1)
    }
}

@Suite("Fixture JPEGs decode to their pictures")
struct FixtureDecodingTests {
    /// Peak signal-to-noise ratio in dB between two equally long pixel arrays.
    static func psnr(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let squared = zip(a, b).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) }
        return 10 * log10(255 * 255 / max(squared / Double(a.count), 1e-9))
    }

    @Test("An independent decoder gets the fixture's pixels back", arguments: [
        (width: 40, height: 24, quality: 90, noise: 60, restart: 0, minimum: 28.0),
        (width: 33, height: 17, quality: 75, noise: 0, restart: 3, minimum: 38.0),
        (width: 16, height: 16, quality: 100, noise: 60, restart: 1, minimum: 40.0),
    ])
    func decodes(_ size: (width: Int, height: Int, quality: Int, noise: Int, restart: Int, minimum: Double)) throws {
        let bytes = PhotoFixtures.jpeg(width: size.width, height: size.height, seed: 21, quality: size.quality,
                                       restartInterval: size.restart, noise: size.noise)
        let decoded = try #require(BaselineDecoder.decode(bytes))
        #expect(decoded.width == size.width && decoded.height == size.height)
        let original = PhotoFixtures.pixels(width: size.width, height: size.height, seed: 21, noise: size.noise)
        #expect(decoded.pixels.count == original.count)
        #expect(Self.psnr(decoded.pixels, original) > size.minimum)
        // A sanitized copy decodes to the very same pixels.
        #expect(BaselineDecoder.decode(try JPEGSanitizer.sanitize(bytes))?.pixels == decoded.pixels)
    }
}
