/// Real JPEG and PNG files built in memory for tests and benchmarks: deterministic per seed, with or
/// without the metadata (EXIF GPS, comments, text chunks) that Tuanju must strip.
///
/// Regenerating `Seed/data/sample-photo.jpg.b64` (a demo photo taken in Wenhui subdistrict, Hangzhou):
///
///     TUANJU_WRITE_SAMPLE_PHOTO=1 swift test --filter PhotoStoreTests.SamplePhotoTests
///
/// The test `The seed sample photo is the fixture's output` fails when the file and `samplePhoto()` differ.
public enum PhotoFixtures {
    /// Noise that makes a 550×550 JPEG at quality 90 about 300 KB, like a phone photo of a street.
    public static let defaultNoise = 60

    /// A colour JPEG (YCbCr 4:4:4) that any decoder shows: soft colour waves under noise.
    /// - Parameters:
    ///   - exif: an APP1 EXIF block (camera, time, GPS) after the JFIF header.
    ///   - comment: a COM segment.
    ///   - iccProfile: an APP2 `ICC_PROFILE` segment (`sampleICCProfile` is a small one).
    ///   - progressive: SOF2 with seven scans instead of one baseline scan.
    ///   - restartInterval: MCUs between RST markers; 0 for none.
    public static func jpeg(width: Int, height: Int, seed: UInt64, quality: Int = 90, exif: ExifSpec? = nil,
                            comment: String? = nil, iccProfile: [UInt8]? = nil, progressive: Bool = false,
                            restartInterval: Int = 0, noise: Int = defaultNoise) -> [UInt8] {
        precondition(width > 0 && height > 0 && width <= 0xFFFF && height <= 0xFFFF, "JPEG sizes are 1…65535")
        var metadata: [[UInt8]] = []
        if let exif { metadata.append(JPEGSegments.exif(exif)) }
        if let iccProfile { metadata.append(JPEGSegments.iccProfile(iccProfile)) }
        if let comment { metadata.append(JPEGSegments.comment(comment)) }
        let picture = FixturePicture(width: width, height: height, seed: seed, noise: noise)
        return JPEGEncoder(picture: picture, quality: quality, progressive: progressive, restartInterval: restartInterval)
            .encode(metadata: metadata)
    }

    /// A square quality-90 JPEG of about `approximateBytes` (within a few per cent), for benchmarks that
    /// need "300 KB photos". The side is estimated from a small calibration picture, then corrected once.
    public static func jpeg(approximateBytes: Int, seed: UInt64) -> [UInt8] {
        let calibrationSide = 64
        let calibration = jpeg(width: calibrationSide, height: calibrationSide, seed: seed)
        let bytesPerPixel = Double(calibration.count) / Double(calibrationSide * calibrationSide)
        var side = max(8, Int((Double(approximateBytes) / bytesPerPixel).squareRoot()))
        var result = jpeg(width: side, height: side, seed: seed)
        let error = Double(result.count) / Double(approximateBytes)
        if abs(error - 1) > 0.03 {
            side = max(8, Int((Double(side) / error.squareRoot()).rounded()))
            result = jpeg(width: side, height: side, seed: seed)
        }
        return result
    }

    /// The RGB pixels (row-major, 3 bytes each) that `jpeg` encodes and `png` stores for these arguments,
    /// for tests that decode a fixture and compare.
    public static func pixels(width: Int, height: Int, seed: UInt64, noise: Int = defaultNoise) -> [UInt8] {
        FixturePicture(width: width, height: height, seed: seed, noise: noise).rgb
    }

    /// An 8-bit RGB PNG with `chunks` between IHDR and the image data.
    public static func png(width: Int, height: Int, seed: UInt64 = 0, chunks: [PNGExtraChunk] = []) -> [UInt8] {
        precondition(width > 0 && height > 0, "PNG sizes start at 1")
        return PNGEncoder.encode(FixturePicture(width: width, height: height, seed: seed, noise: defaultNoise), extras: chunks)
    }

    /// A 132-byte ICC profile header (sRGB-like, no tags): enough to test that colour profiles survive.
    public static let sampleICCProfile: [UInt8] = {
        var profile = [UInt8](repeating: 0, count: 132)
        func put(_ bytes: [UInt8], at offset: Int) { profile.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        put([0, 0, 0, 132], at: 0)
        put(Array("lcms".utf8), at: 4)
        put([2, 0x10, 0, 0], at: 8)
        put(Array("mntrRGB XYZ ".utf8), at: 12)
        put(Array("acsp".utf8), at: 36)
        put([0, 0, 0xF6, 0xD6, 0, 1, 0, 0, 0, 0, 0xD3, 0x2D], at: 68)  // PCS illuminant D50, as ICC requires
        return profile
    }()

    /// Where the seed sample photo was taken: Wenhui subdistrict, Gongshu district, Hangzhou.
    public static let sampleLatitude = 30.2925
    public static let sampleLongitude = 120.1710

    /// The demo photo of `Seed/data/sample-photo.jpg.b64`: 240×180, quality 85, with camera make, model,
    /// time and GPS in its EXIF, so a demo can show the stored copy has none of them.
    public static func samplePhoto() -> [UInt8] {
        jpeg(width: 240, height: 180, seed: 20_240_501, quality: 85,
             exif: ExifSpec(latitude: sampleLatitude, longitude: sampleLongitude, make: "Xiaomi", model: "Redmi Note 12",
                            dateTimeOriginal: "2024:05:01 14:32:07"))
    }
}
