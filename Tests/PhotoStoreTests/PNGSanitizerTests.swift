import Foundation
import PhotoFixtures
import PhotoStore
import Testing

@Suite("PNG metadata stripping")
struct PNGSanitizerTests {
    @Test("A PNG loses its tEXt, tIME and eXIf chunks, keeps its colour profile, and every CRC stays valid")
    func stripsTextTimeAndExif() throws {
        let original = Samples.phonePNG
        #expect(PhotoMetadata(reading: original).gps != nil)

        let sanitized = try PNGSanitizer.sanitize(original)

        let chunks = try #require(FixtureInspection.pngChunks(sanitized))
        #expect(chunks.map(\.type) == ["IHDR", "iCCP", "IDAT", "IEND"])
        #expect(chunks.allSatisfy { $0.crcValid })
        let metadata = PhotoMetadata(reading: sanitized)
        #expect(!metadata.hasExif && metadata.gps == nil && !metadata.hasText && metadata.hasColorProfile)
        #expect(try PNGSanitizer.sanitize(sanitized) == sanitized)
    }

    @Test("A PNG is recognised by its bytes, whatever it is called, and bytes after IEND are dropped")
    func recognisedByContent() throws {
        let checked = try PhotoCheck.check(Samples.phonePNG + [1, 2, 3])
        #expect(checked.format == .png)
        #expect(try checked.bytes == PNGSanitizer.sanitize(Samples.phonePNG))
        try withTemporaryDirectory { directory in
            let misnamed = directory.appendingPathComponent("photo.jpg")
            try Data(Samples.phonePNG).write(to: misnamed)
            #expect(try PhotoCheck.check(contentsOf: misnamed).format == .png)
        }
    }

    @Test("A chunk with a bad CRC is refused, naming the chunk")
    func badCRC() throws {
        var bytes = Samples.phonePNG
        bytes[bytes.count - 20] ^= 0x01  // inside the last IDAT's data
        let error = try #require(thrownError { try PNGSanitizer.sanitize(bytes) } as? PhotoError)
        guard case .pngCRCMismatch(let chunk, _) = error else { Issue.record("got \(error)"); return }
        #expect(chunk == "IDAT")
        #expect(error.message.contains("IDAT"))
    }

    @Test("Unknown critical chunks are refused, unknown ancillary chunks kept")
    func unknownChunks() throws {
        let ancillary = PhotoFixtures.png(width: 3, height: 3, chunks: [.custom(type: "prVt", data: [1, 2, 3])])
        #expect(try FixtureInspection.pngChunks(PNGSanitizer.sanitize(ancillary))?.map(\.type) == ["IHDR", "prVt", "IDAT", "IEND"])
        let critical = PhotoFixtures.png(width: 3, height: 3, chunks: [.custom(type: "CgBI", data: [0, 0, 0, 0])])
        #expect(throws: PhotoError.pngCriticalChunkUnknown(chunk: "CgBI")) { try PNGSanitizer.sanitize(critical) }
    }

    @Test("A PNG cut short anywhere is refused", arguments: [8, 12, 20, 33, 60, -13, -12, -1])
    func truncated(cut: Int) {
        let original = Samples.phonePNG
        let bytes = Array(original.prefix(cut > 0 ? cut : original.count + cut))
        let error = thrownError { try PNGSanitizer.sanitize(bytes) } as? PhotoError
        #expect(error != nil)
        #expect(error?.category == .invalidInput)
    }

    @Test("IHDR must come first and only once; an image needs image data")
    func structure() {
        let ihdr = Array(Samples.phonePNG[8..<33])
        let iend = PhotoFixtures.png(width: 1, height: 1).suffix(12)
        let signature = Array(Samples.phonePNG.prefix(8))
        #expect(throws: PhotoError.pngHeaderNotFirst(chunk: "IEND")) { try PNGSanitizer.sanitize(signature + iend) }
        #expect(throws: PhotoError.pngNoImageData) { try PNGSanitizer.sanitize(signature + ihdr + iend) }
        #expect(throws: PhotoError.pngHeaderInvalid) { try PNGSanitizer.sanitize(signature + ihdr + ihdr + iend) }
    }
}
