import PhotoFixtures
import PhotoStore
import Testing

@Suite("Photos are stored upright")
struct OrientationTests {
    /// What a viewer that honours EXIF shows for `orientation`: the display pixel (x, y) comes from the stored
    /// pixel this returns (EXIF 2.32, Orientation).
    static func displayed(_ image: PixelImage, orientation: Int) -> PixelImage {
        let (w, h) = (image.width, image.height)
        let swaps = orientation >= 5
        let (outW, outH) = swaps ? (h, w) : (w, h)
        var pixels = [UInt8](repeating: 0, count: outW * outH * 3)
        for y in 0..<outH {
            for x in 0..<outW {
                let (sx, sy): (Int, Int)
                switch orientation {
                case 2: (sx, sy) = (w - 1 - x, y)
                case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                case 4: (sx, sy) = (x, h - 1 - y)
                case 5: (sx, sy) = (y, x)
                case 6: (sx, sy) = (y, h - 1 - x)
                case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                case 8: (sx, sy) = (w - 1 - y, x)
                default: (sx, sy) = (x, y)
                }
                for c in 0..<3 { pixels[(y * outW + x) * 3 + c] = image.pixels[(sy * w + sx) * 3 + c] }
            }
        }
        return PixelImage(width: outW, height: outH, channels: 3, pixels: pixels)
    }

    static func meanDifference(_ a: PixelImage, _ b: PixelImage) -> Double {
        zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(a.pixels.count)
    }

    @Test("Each EXIF orientation 1-8 is turned losslessly: the stored pixels are what the phone showed, with no EXIF left",
          arguments: 1...8)
    func everyOrientation(orientation: Int) throws {
        // Given a 64×48 JPEG (whole MCUs) whose EXIF says how to show it
        let upload = PhotoFixtures.jpeg(width: 64, height: 48, seed: 31, exif: ExifSpec(make: "Xiaomi", orientation: orientation))
        #expect(PhotoMetadata(reading: upload).orientation == orientation)
        let asSent = try TurboJPEG.decode(upload, atLeast: 10_000)

        // When it is checked
        let checked = try PhotoCheck.check(upload)

        // Then the stored copy decodes to the upright picture a viewer showed, and carries no EXIF
        let stored = try TurboJPEG.decode(checked.bytes, atLeast: 10_000)
        let expected = Self.displayed(asSent, orientation: orientation)
        #expect(stored.width == expected.width && stored.height == expected.height)
        #expect(Self.meanDifference(stored, expected) < 1.0)
        #expect(!PhotoMetadata(reading: checked.bytes).hasExif)
        #expect(checked.orientation == orientation)
    }

    @Test("A side that is not a whole number of MCUs is trimmed to one when the turn would move it to the top or left")
    func partialEdgeIsTrimmed() throws {
        // Given a 70×50 photo taken upright (Orientation 6): the bottom 2 rows are a partial 8-pixel MCU
        let upload = PhotoFixtures.jpeg(width: 70, height: 50, seed: 32, exif: ExifSpec(orientation: 6))

        let checked = try PhotoCheck.check(upload)

        // Then turned, it is 48 wide (those 2 rows would have become a partial left column) and 70 high
        let size = try TurboJPEG.dimensions(checked.bytes)
        #expect(size.width == 48 && size.height == 70)
    }

    @Test("A PNG and a JPEG without orientation are stored as sent")
    func untouched() throws {
        let jpeg = PhotoFixtures.jpeg(width: 40, height: 24, seed: 33)
        #expect(try PhotoCheck.check(jpeg).bytes == JPEGSanitizer.sanitize(jpeg))
        let png = PhotoFixtures.png(width: 20, height: 10, seed: 34)
        #expect(try PhotoCheck.check(png).bytes == PNGSanitizer.sanitize(png))
    }
}
