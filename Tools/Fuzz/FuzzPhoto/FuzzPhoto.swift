import FuzzSupport
import PhotoFixtures
import PhotoStore

/// The photo checks on any bytes: `PhotoMetadata(reading:)` and `PhotoCheck.check` (format detection,
/// JPEG/PNG structure, metadata stripping, turning upright with tjTransform) must refuse or succeed, never
/// crash, and what they accept must come out clean and stable; then `PhotoPrint.make` (scaled decoding with
/// libjpeg-turbo or libpng, thumbnail encoding, perceptual hash) must refuse or give a thumbnail within bounds. A PNG is also tried with its CRCs repaired, as a careful forger
/// would send it, so mutations reach the chunk rules behind the checksums.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPhoto(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    checkPhoto(bytes)
    if ImageFormat(detecting: bytes) == .png { checkPhoto(PNGRepair.withValidCRCs(bytes)) }
    return 0
}

func checkPhoto(_ bytes: [UInt8]) {
    if let gps = PhotoMetadata(reading: bytes).gps {
        FuzzInput.require((-90...90).contains(gps.lat) && (-180...180).contains(gps.lon), "GPS out of range: \(gps)")
    }
    guard let checked = try? PhotoCheck.check(bytes) else { return }
    let left = PhotoMetadata(reading: checked.bytes)
    FuzzInput.require(!left.hasExif && left.gps == nil && !left.hasText, "metadata left after stripping")
    FuzzInput.require(ImageFormat(detecting: checked.bytes) == checked.format, "format changed by stripping")
    let again = try? PhotoCheck.check(checked.bytes)
    FuzzInput.require(again?.bytes == checked.bytes, "stripping a stripped photo changed it or refused it")
    guard let print = try? PhotoPrint.make(checked.bytes, format: checked.format) else { return }
    let thumbnail = try? TurboJPEG.dimensions(print.thumbnail)
    FuzzInput.require(thumbnail.map { max($0.width, $0.height) <= PhotoPrint.thumbnailSide } == true, "thumbnail too large or unreadable")
    FuzzInput.require(PhotoMetadata(reading: print.thumbnail) == PhotoMetadata(reading: []), "thumbnail carries metadata")
}

/// Recomputes the CRC of every chunk that fits in the bytes.
enum PNGRepair {
    static func withValidCRCs(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        var position = 8
        while position + 12 <= bytes.count {
            let length = bytes[position..<position + 4].reduce(0) { $0 << 8 | Int($1) }
            let crcAt = position + 8 + length
            guard length <= bytes.count, crcAt + 4 <= bytes.count else { break }
            let crc = FixtureCRC32.checksum(bytes[position + 4..<crcAt])
            for index in 0..<4 { bytes[crcAt + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(index))) }
            position = crcAt + 4
        }
        return bytes
    }
}

/// Small photos with every kind of metadata the checks strip (a few KB each, so mutations stay quick).
func photoSeeds() -> [(name: String, bytes: [UInt8])] {
    let gps = ExifSpec(latitude: 30.2925, longitude: 120.1710, make: "Xiaomi", model: "Redmi", dateTimeOriginal: "2024:05:01 14:32:07")
    return [
        ("phone.jpg", PhotoFixtures.jpeg(width: 16, height: 16, seed: 1, quality: 50, exif: gps, comment: "near the stop",
                                         iccProfile: PhotoFixtures.sampleICCProfile, noise: 10)),
        ("progressive-restarts.jpg", PhotoFixtures.jpeg(
            width: 16, height: 8, seed: 2, quality: 50, exif: ExifSpec(latitude: -1.5, longitude: -2.5, byteOrder: .bigEndian),
            progressive: true, restartInterval: 1, noise: 10)),
        ("plain.jpg", PhotoFixtures.jpeg(width: 8, height: 8, seed: 3, quality: 30, noise: 0)),
        ("upright.jpg", PhotoFixtures.jpeg(width: 24, height: 16, seed: 5, quality: 50, exif: ExifSpec(orientation: 6), noise: 10)),
        ("phone.png", PhotoFixtures.png(width: 4, height: 3, seed: 4, chunks: [
            .text(keyword: "Comment", text: "near the stop"),
            .time(year: 2024, month: 5, day: 1, hour: 6, minute: 32, second: 7),
            .exif(gps),
            .iccProfile(name: "sRGB", profile: PhotoFixtures.sampleICCProfile),
            .custom(type: "zzZz", data: [1, 2, 3]),
        ])),
        ("plain.png", PhotoFixtures.png(width: 2, height: 2, seed: 5)),
    ]
}

@main
enum FuzzPhotoMain {
    static func main() { FuzzDriver.main("FuzzPhoto", fuzzPhoto, seeds: photoSeeds) }
}
