import Foundation
import PhotoFixtures
import PhotoStore
import Testing

@Suite("The seed sample photo", .serialized)
struct SamplePhotoTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seed/data/sample-photo.jpg.b64")

    static var regenerate: Bool { ProcessInfo.processInfo.environment["TUANJU_WRITE_SAMPLE_PHOTO"] != nil }

    @Test("Regenerate Seed/data/sample-photo.jpg.b64 (only with TUANJU_WRITE_SAMPLE_PHOTO=1)", .enabled(if: regenerate))
    func write() throws {
        let text = Data(PhotoFixtures.samplePhoto()).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        try (text + "\n").write(to: Self.file, atomically: true, encoding: .utf8)
    }

    @Test("The seed sample photo is the fixture's output: GPS in Wenhui subdistrict, which the stored copy lacks")
    func matchesFixture() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.dropLast(2).allSatisfy { $0.count == 76 } && lines.last == "")
        let bytes = try [UInt8](#require(Data(base64Encoded: text, options: .ignoreUnknownCharacters)))
        #expect(bytes == PhotoFixtures.samplePhoto(), "regenerate with TUANJU_WRITE_SAMPLE_PHOTO=1")
        #expect((20_000...60_000).contains(bytes.count))

        let gps = try #require(PhotoMetadata(reading: bytes).gps)
        #expect(abs(gps.lat - 30.2925) < 1e-6 && abs(gps.lon - 120.1710) < 1e-6)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Redmi Note 12"))
        let checked = try PhotoCheck.check(bytes)
        #expect(!PhotoMetadata(reading: checked.bytes).hasExif)
        #expect(!String(decoding: checked.bytes, as: UTF8.self).contains("Redmi"))
    }
}
