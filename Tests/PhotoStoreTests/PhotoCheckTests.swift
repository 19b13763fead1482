import Crypto
import Foundation
import PhotoFixtures
import PhotoStore
import Testing
import TuanjuCore

@Suite("Photo checks: format by content, size limits, count limits")
struct PhotoCheckTests {
    @Test("A checked photo carries its format, stripped bytes, GPS and the SHA-256 of the stripped bytes")
    func checkedPhoto() throws {
        let checked = try PhotoCheck.check(Samples.phoneJPEG)
        #expect(checked.format == .jpeg)
        #expect(try checked.bytes == JPEGSanitizer.sanitize(Samples.phoneJPEG))
        let gps = try #require(checked.gps)
        #expect(abs(gps.lat - 30.2925) < 1e-6 && abs(gps.lon - 120.1710) < 1e-6)
        let expected = SHA256.hash(data: checked.bytes).map { String(format: "%02x", $0) }.joined()
        #expect(checked.sha256 == expected)
        #expect(checked.sha256.count == 64)
    }

    @Test("A text file named .jpg is refused as not a photo")
    func textNamedJPEG() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("pothole.jpg")
            try Data("This is not a picture of a pothole.\n".utf8).write(to: file)
            #expect(throws: PhotoError.unknownFormat) { try PhotoCheck.check(contentsOf: file) }
        }
        #expect(PhotoError.unknownFormat.category == .invalidInput)
        #expect(PhotoError.unknownFormat.code == "invalid_input")
    }

    @Test("An empty photo is refused")
    func empty() throws {
        #expect(throws: PhotoError.empty) { try PhotoCheck.check([]) }
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("empty.png")
            #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
            #expect(throws: PhotoError.empty) { try PhotoCheck.check(contentsOf: file) }
        }
    }

    @Test("10 MB + 1 byte is refused before parsing; exactly 10 MB is parsed")
    func tooLarge() throws {
        // A valid JPEG padded after EOI: parsing would accept it, so only the size check can refuse it.
        let limit = 10 * 1024 * 1024
        #expect(PhotoCheck.maximumBytes == limit)
        let padded = Samples.phoneJPEG + [UInt8](repeating: 0, count: limit + 1 - Samples.phoneJPEG.count)
        #expect(throws: PhotoError.tooLarge(bytes: limit + 1, limit: limit)) { try PhotoCheck.check(padded) }
        #expect(try PhotoCheck.check(Array(padded.dropLast())).format == .jpeg)
        // Bytes that are not even a photo still get the size refusal: the size comes first.
        #expect(throws: PhotoError.tooLarge(bytes: limit + 1, limit: limit)) {
            try PhotoCheck.check([UInt8](repeating: 0x41, count: limit + 1))
        }
        // A file is refused by its size on disk without being read: a sparse file of zeros.
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("huge.jpg")
            #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: UInt64(limit + 1))
            try handle.close()
            #expect(throws: PhotoError.tooLarge(bytes: limit + 1, limit: limit)) { try PhotoCheck.check(contentsOf: file) }
        }
    }

    @Test("A photo behind a symbolic link is read; a directory is not a photo file")
    func linksAndDirectories() throws {
        try withTemporaryDirectory { directory in
            let photo = directory.appendingPathComponent("IMG_0001.JPG")
            let link = directory.appendingPathComponent("latest.jpg")
            try Data(Samples.phoneJPEG).write(to: photo)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: photo)
            #expect(try PhotoCheck.check(contentsOf: link) == PhotoCheck.check(contentsOf: photo))
            #expect((thrownError { try PhotoCheck.check(contentsOf: directory) } as? InputError)?.category == .noInput)
        }
    }

    @Test("A missing file is a missing input (exit 66), not a bad photo")
    func missingFile() {
        let error = thrownError { try PhotoCheck.check(contentsOf: URL(fileURLWithPath: "/nonexistent/photo.jpg")) }
        let inputError = error as? InputError
        #expect(inputError?.category == .noInput)
        guard case .missingFile(let path, _) = inputError else { Issue.record("got \(String(describing: error))"); return }
        #expect(path == "/nonexistent/photo.jpg")
    }

    @Test("A report takes 1 to 5 photos", arguments: [-1, 0, 1, 3, 5, 6, 100])
    func count(count: Int) {
        #expect(PhotoCheck.photosPerReport == 1...5)
        let error = thrownError { try PhotoCheck.checkCount(count) } as? PhotoError
        if (1...5).contains(count) {
            #expect(error == nil)
        } else {
            #expect(error == .countOutOfRange(count: count, allowed: 1...5))
            #expect(error?.message == "a report takes 1 to 5 photos, not \(count)")
        }
    }

    @Test("Error messages are in both languages")
    func bilingual() {
        let error = PhotoError.pngCRCMismatch(chunk: "IDAT", offset: 1234)
        #expect(error.text.rendered(in: .en) == "the PNG chunk IDAT at byte 1234 fails its CRC check (damaged file)")
        #expect(error.text.rendered(in: .zh).contains("IDAT"))
        #expect(error.text.rendered(in: .zh).contains("校验"))
    }
}
