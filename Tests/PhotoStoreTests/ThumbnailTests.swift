import Foundation
import PhotoFixtures
import PhotoStore
import Testing

@Suite("Thumbnails")
struct ThumbnailTests {
    @Test("A thumbnail is a JPEG of at most 320 px, upright, with no metadata, stored durably beside its photo")
    func thumbnail() throws {
        try withTemporaryDirectory { directory in
            // Given a 640×480 photo taken upright (Orientation 6) with GPS
            let upload = PhotoFixtures.jpeg(width: 640, height: 480, seed: 41, exif: ExifSpec(
                latitude: 30.29, longitude: 120.17, make: "Xiaomi", orientation: 6))
            let checked = try PhotoCheck.check(upload)

            let print = try PhotoPrint.make(checked.bytes, format: checked.format)
            let store = PhotoStore(root: directory.appendingPathComponent("photos"))
            _ = try store.store(checked)
            let url = try store.storeThumbnail(print.thumbnail, of: checked.sha256)

            #expect(print.width == 480 && print.height == 640)
            let size = try TurboJPEG.dimensions(print.thumbnail)
            #expect(size.width == 240 && size.height == 320)
            let metadata = PhotoMetadata(reading: print.thumbnail)
            #expect(!metadata.hasExif && !metadata.hasText && metadata.gps == nil)
            #expect(url.lastPathComponent == "\(checked.sha256).thumb.jpg")
            #expect(store.hasThumbnail(checked.sha256))
            #expect(try store.allHashes() == [checked.sha256])
            // Removing the photo removes its thumbnail
            #expect(try store.remove(checked.sha256))
            #expect(!store.hasThumbnail(checked.sha256))
        }
    }

    @Test("A PNG gets a JPEG thumbnail through libpng; a small photo is not enlarged")
    func pngThumbnail() throws {
        let png = PhotoFixtures.png(width: 200, height: 100, seed: 42)
        let print = try PhotoPrint.make(png, format: .png)
        let size = try TurboJPEG.dimensions(print.thumbnail)
        #expect(size.width == 200 && size.height == 100)
    }

    @Test("A picture that libjpeg-turbo cannot decode is refused with invalid_input")
    func undecodable() {
        var broken = PhotoFixtures.jpeg(width: 32, height: 32, seed: 43)
        broken.replaceSubrange(2..<broken.count, with: [UInt8](repeating: 0x41, count: 40))
        let error = thrownError { try PhotoPrint.make(broken, format: .jpeg) } as? PhotoError
        #expect(error?.code == "invalid_input")
    }
}
