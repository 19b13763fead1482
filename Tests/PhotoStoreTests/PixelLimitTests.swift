import PhotoFixtures
import Testing
import TuanjuCore
@testable import PhotoStore

/// Decompression bombs: a small file declaring an enormous picture is refused from its header, before
/// anything is stored or decoded.
@Suite("Declared pixel limits")
struct PixelLimitTests {
    /// A real 16×16 JPEG whose SOF says `width`×`height` (the sanitizer never decodes pixels, so the
    /// structure stays valid and only the declared size matters).
    static func jpeg(declaring width: Int, _ height: Int) throws -> [UInt8] {
        var bytes = PhotoFixtures.jpeg(width: 16, height: 16, seed: 3)
        let sof = try #require((2..<bytes.count - 1).first { bytes[$0] == 0xFF && [0xC0, 0xC2].contains(bytes[$0 + 1]) })
        bytes[sof + 5] = UInt8(height >> 8); bytes[sof + 6] = UInt8(height & 0xFF)
        bytes[sof + 7] = UInt8(width >> 8); bytes[sof + 8] = UInt8(width & 0xFF)
        return bytes
    }

    /// A real 16×16 PNG whose IHDR says `width`×`height`, with its CRC recomputed.
    static func png(declaring width: Int, _ height: Int) -> [UInt8] {
        var bytes = PhotoFixtures.png(width: 16, height: 16)
        func put(_ value: Int, at offset: Int) {
            for i in 0..<4 { bytes[offset + i] = UInt8((value >> (24 - 8 * i)) & 0xFF) }
        }
        put(width, at: 16)
        put(height, at: 20)
        put(Int(CRC32.checksum(bytes[12..<29])), at: 29)
        return bytes
    }

    @Test("A JPEG at the limits passes; one pixel past a side or past 40 megapixels is refused", arguments: [
        (8_192, 4_882, true), (4_882, 8_192, true), (8_193, 16, false), (16, 8_193, false), (8_000, 5_001, false),
        (65_535, 65_535, false), (0, 16, false),
    ])
    func jpegLimits(width: Int, height: Int, accepted: Bool) throws {
        let bytes = try Self.jpeg(declaring: width, height)
        if accepted {
            _ = try PhotoCheck.check(bytes)
        } else {
            #expect(throws: PhotoError.self) { try PhotoCheck.check(bytes) }
        }
    }

    @Test("A PNG at the limits passes; 50000×50000 and 2^31-1 square are refused", arguments: [
        (8_192, 4_882, true), (8_193, 1, false), (50_000, 50_000, false), (0x7FFF_FFFF, 0x7FFF_FFFF, false), (0, 1, false),
    ])
    func pngLimits(width: Int, height: Int, accepted: Bool) throws {
        let bytes = Self.png(declaring: width, height)
        if accepted {
            _ = try PhotoCheck.check(bytes)
        } else {
            #expect(throws: PhotoError.self) { try PhotoCheck.check(bytes) }
        }
    }

    @Test("The refusal is bad input (65) and names the declared size and the limits")
    func message() {
        let error = PhotoError.dimensionsTooLarge(width: 50_000, height: 50_000)
        #expect(error.category == .invalidInput)
        #expect(error.text.rendered(in: .en).contains("50000×50000"))
        #expect(error.text.rendered(in: .en).contains("8192"))
        #expect(error.text.rendered(in: .zh).contains("百万像素"))
    }
}
