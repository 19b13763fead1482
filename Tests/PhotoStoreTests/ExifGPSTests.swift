import PhotoFixtures
import PhotoStore
import Testing

@Suite("EXIF GPS reading")
struct ExifGPSTests {
    static let places: [(latitude: Double, longitude: Double, order: ExifSpec.ByteOrder)] = [
        (30.2925, 120.1710, .littleEndian),  // Wenhui subdistrict, Hangzhou
        (30.2925, 120.1710, .bigEndian),
        (-33.8568, 151.2153, .bigEndian),  // south: negative latitude
        (40.7128, -74.0060, .littleEndian),  // west: negative longitude
        (-22.9519, -43.2105, .littleEndian),  // both
        (0, 0, .bigEndian),
    ]

    @Test("GPS is read from a JPEG in both byte orders; south and west are negative", arguments: 0..<places.count)
    func jpeg(index: Int) throws {
        let place = Self.places[index]
        let bytes = PhotoFixtures.jpeg(width: 16, height: 16, seed: UInt64(index), exif: ExifSpec(
            latitude: place.latitude, longitude: place.longitude, make: "Huawei", byteOrder: place.order))
        let gps = try #require(PhotoMetadata(reading: bytes).gps)
        #expect(abs(gps.lat - place.latitude) < 1e-6)
        #expect(abs(gps.lon - place.longitude) < 1e-6)
        #expect(try PhotoCheck.check(bytes).gps == gps)
    }

    @Test("GPS is read from a PNG eXIf chunk in both byte orders", arguments: [ExifSpec.ByteOrder.littleEndian, .bigEndian])
    func png(order: ExifSpec.ByteOrder) throws {
        let bytes = PhotoFixtures.png(width: 4, height: 4, chunks: [.exif(ExifSpec(latitude: -30.2925, longitude: -120.171, byteOrder: order))])
        let gps = try #require(PhotoMetadata(reading: bytes).gps)
        #expect(abs(gps.lat + 30.2925) < 1e-6 && abs(gps.lon + 120.171) < 1e-6)
    }

    @Test("EXIF without GPS is reported as EXIF, with no position; no EXIF at all is reported as none")
    func withoutGPS() {
        let cameraOnly = PhotoMetadata(reading: PhotoFixtures.jpeg(width: 8, height: 8, seed: 1, exif: ExifSpec(make: "OPPO")))
        #expect(cameraOnly.hasExif && cameraOnly.gps == nil)
        let plain = PhotoMetadata(reading: PhotoFixtures.jpeg(width: 8, height: 8, seed: 1))
        #expect(!plain.hasExif && plain.gps == nil)
        #expect(PhotoMetadata(reading: Array("not a photo".utf8)) == plain)
    }

    /// Offsets inside the TIFF block of `Samples.phoneJPEG` (little-endian, TIFF starts after `Exif\0\0`).
    static func tiffStart(_ bytes: [UInt8]) -> Int {
        let exif = FixtureInspection.jpegPayloads(bytes, marker: 0xE1)[0]
        return exif.startIndex + 6
    }

    @Test("Malformed offsets and values give no position, never a crash")
    func malformed() throws {
        let original = Samples.phoneJPEG
        let tiff = Self.tiffStart(original)
        func gps(after change: (inout [UInt8]) -> Void) -> PhotoMetadata {
            var bytes = original
            change(&bytes)
            return PhotoMetadata(reading: bytes)
        }
        // IFD0 offset past the end, and pointing at its own header
        #expect(gps { $0.replaceSubrange(tiff + 4..<tiff + 8, with: [0xF0, 0xFF, 0xFF, 0x7F]) }.gps == nil)
        #expect(gps { $0.replaceSubrange(tiff + 4..<tiff + 8, with: [0, 0, 0, 0]) }.gps == nil)
        // Entry count of IFD0 far larger than the block
        #expect(gps { $0.replaceSubrange(tiff + 8..<tiff + 10, with: [0xFF, 0xFF]) }.gps == nil)
        // Unknown byte order mark
        #expect(gps { $0[tiff] = UInt8(ascii: "X") }.gps == nil)
        // Every 4-byte window set to 0xFFFFFFFF, one at a time: pointers, counts, rationals all break somewhere
        let exifLength = FixtureInspection.jpegPayloads(original, marker: 0xE1)[0].count - 6
        for offset in stride(from: 0, to: exifLength - 4, by: 2) {
            _ = gps { $0.replaceSubrange(tiff + offset..<tiff + offset + 4, with: [0xFF, 0xFF, 0xFF, 0xFF]) }
            _ = gps { $0.replaceSubrange(tiff + offset..<tiff + offset + 4, with: [0, 0, 0, 0]) }
        }
        #expect(PhotoMetadata(reading: original).gps != nil)
    }

    @Test("A zero denominator or a reference other than N/S/E/W gives no position")
    func badValues() {
        var zeroDenominator = ExifSpec(latitude: 30.2925, longitude: 120.1710).tiff()
        var badReference = zeroDenominator
        // Little-endian: find the latitude reference "N\0" and the latitude's first denominator (1)
        let nIndex = zeroDenominator.firstIndex(of: UInt8(ascii: "N"))!
        badReference[nIndex] = UInt8(ascii: "Q")
        let rationalStart = zeroDenominator.count - 48  // two sets of three rationals at the very end
        zeroDenominator.replaceSubrange(rationalStart + 4..<rationalStart + 8, with: [0, 0, 0, 0])
        for tiff in [zeroDenominator, badReference] {
            let png = PhotoFixtures.png(width: 2, height: 2, chunks: [.custom(type: "eXIf", data: tiff)])
            let metadata = PhotoMetadata(reading: png)
            #expect(metadata.hasExif && metadata.gps == nil)
        }
    }
}
