import PhotoFixtures
import PhotoStore
import Testing

@Suite("JPEG metadata stripping")
struct JPEGSanitizerTests {
    @Test("A phone JPEG loses its EXIF, GPS and comment, keeps its ICC profile, and its image bytes are unchanged")
    func stripsPersonalMetadata() throws {
        // Given a JPEG as a phone writes it
        let original = Samples.phoneJPEG
        let before = PhotoMetadata(reading: original)
        #expect(before.hasExif && before.gps != nil && before.hasText && before.hasColorProfile)

        // When it is sanitized
        let sanitized = try JPEGSanitizer.sanitize(original)

        // Then nothing personal is left, the colour profile is, and the picture itself is byte for byte the same
        let after = PhotoMetadata(reading: sanitized)
        #expect(!after.hasExif)
        #expect(after.gps == nil)
        #expect(!after.hasText)
        #expect(after.hasColorProfile)
        #expect(FixtureInspection.jpegPayloads(sanitized, marker: 0xE1).isEmpty)
        #expect(FixtureInspection.jpegPayloads(sanitized, marker: 0xFE).isEmpty)
        #expect(FixtureInspection.jpegPayloads(sanitized, marker: 0xE2) == FixtureInspection.jpegPayloads(original, marker: 0xE2))
        let image = try #require(FixtureInspection.jpegFrameAndScans(original))
        #expect(FixtureInspection.jpegFrameAndScans(sanitized) == image)
        #expect(FixtureInspection.jpegMarkers(sanitized) == [0xD8, 0xE0, 0xE2, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9])
        #expect(!String(decoding: sanitized, as: UTF8.self).contains("Xiaomi"))
        #expect(sanitized.count < original.count)
    }

    @Test("A sanitized JPEG is sanitized already: a second pass changes nothing")
    func idempotent() throws {
        let once = try JPEGSanitizer.sanitize(Samples.phoneJPEG)
        #expect(try JPEGSanitizer.sanitize(once) == once)
    }

    @Test("A progressive JPEG with restart markers keeps every scan")
    func progressive() throws {
        let original = Samples.progressiveJPEG
        let sanitized = try JPEGSanitizer.sanitize(original)
        let markers = try #require(FixtureInspection.jpegMarkers(sanitized))
        #expect(markers.filter { $0 == 0xDA }.count == 7)
        #expect(markers.contains(0xC2))
        #expect(!PhotoMetadata(reading: sanitized).hasExif)
        #expect(FixtureInspection.jpegFrameAndScans(sanitized) == FixtureInspection.jpegFrameAndScans(original))
    }

    @Test("Bytes after the end-of-image marker are dropped")
    func trailingBytesDropped() throws {
        let clean = try JPEGSanitizer.sanitize(Samples.phoneJPEG)
        let withPayload = Samples.phoneJPEG + Array("<?php system($_GET['c']); ?>".utf8)
        #expect(try JPEGSanitizer.sanitize(withPayload) == clean)
    }

    @Test("XMP and other application segments are dropped, the JFIF thumbnail too")
    func otherApplicationSegments() throws {
        // Given a JPEG with an XMP APP1, a Photoshop APP13 and a JFIF header carrying a 1×1 thumbnail
        var bytes = Samples.phoneJPEG
        let jfifEnd = 2 + 18
        let jfifWithThumbnail: [UInt8] = [0xFF, 0xE0, 0x00, 0x13] + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 1, 1, 9, 9, 9]
        let xmp: [UInt8] = Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".utf8)
        let xmpSegment = [0xFF, 0xE1, 0x00, UInt8(xmp.count + 2)] + xmp
        let photoshop: [UInt8] = [0xFF, 0xED, 0x00, 0x06] + Array("8BIM".utf8)
        bytes.replaceSubrange(2..<jfifEnd, with: jfifWithThumbnail + xmpSegment + photoshop)
        #expect(PhotoMetadata(reading: bytes).hasText)

        // When it is sanitized, then only the JFIF header is left of them, without the thumbnail
        let sanitized = try JPEGSanitizer.sanitize(bytes)
        #expect(!PhotoMetadata(reading: sanitized).hasText)
        #expect(FixtureInspection.jpegPayloads(sanitized, marker: 0xED).isEmpty)
        #expect(FixtureInspection.jpegPayloads(sanitized, marker: 0xE0).map(Array.init)
            == [Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]])
    }

    @Test("A JPEG cut short anywhere is refused with a reason", arguments: [3, 4, 5, 21, 100, 400, -300, -40, -3, -2, -1])
    func truncated(cut: Int) {
        let original = Samples.phoneJPEG
        let keep = cut > 0 ? cut : original.count + cut
        let error = thrownError { try JPEGSanitizer.sanitize(Array(original.prefix(keep))) } as? PhotoError
        #expect(error != nil)
        #expect(error?.code == "invalid_input")
        #expect(error?.category == .invalidInput)
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test("A segment claiming more bytes than the file has is refused, naming the segment")
    func segmentPastEnd() {
        var bytes = Samples.phoneJPEG
        // The JFIF APP0 at offset 2 claims 0xFFFF bytes.
        bytes[4] = 0xFF
        bytes[5] = 0xFF
        #expect(throws: PhotoError.jpegSegmentPastEnd(marker: 0xE0, offset: 2, length: 0xFFFF)) {
            try JPEGSanitizer.sanitize(bytes)
        }
        #expect(PhotoError.jpegSegmentPastEnd(marker: 0xE0, offset: 2, length: 0xFFFF).message.contains("0xFFE0"))
    }

    @Test("Structural damage is refused: garbage between segments, a scan before the frame, no image")
    func structuralDamage() {
        let original = Samples.phoneJPEG
        var garbage = original
        garbage.insert(contentsOf: [0x12, 0x34], at: 20)
        #expect(throws: PhotoError.jpegMarkerExpected(offset: 20)) { try JPEGSanitizer.sanitize(garbage) }

        let onlyHeaders: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9]
        #expect(throws: PhotoError.jpegNoImage) { try JPEGSanitizer.sanitize(onlyHeaders) }

        let scanFirst: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0xFF, 0xD9]
        #expect(throws: PhotoError.jpegMarkerUnexpected(marker: 0xDA, offset: 2)) { try JPEGSanitizer.sanitize(scanFirst) }

        let zeroLength: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x00]
        #expect(throws: PhotoError.jpegSegmentLengthInvalid(marker: 0xFE, offset: 2, length: 0)) {
            try JPEGSanitizer.sanitize(zeroLength)
        }
    }
}
