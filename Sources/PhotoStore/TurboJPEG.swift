import CTurboJPEG

/// The calls Tuanju makes into libjpeg-turbo's TurboJPEG API. Each call gets its own handle (TurboJPEG
/// handles are not thread-safe; creating one costs microseconds). Every size is checked against
/// `PixelLimits` before anything is decoded, so no allocation here exceeds what the limits allow.
public enum TurboJPEG {
    /// Progressive JPEGs with more scans than this are refused (TJFLAG_LIMITSCANS: 500), a known CPU sink.
    static let decodeFlags = TJFLAG_LIMITSCANS

    /// The dimensions in the JPEG's frame header, refused when outside `PixelLimits`.
    public static func dimensions(_ bytes: [UInt8]) throws(PhotoError) -> (width: Int, height: Int) {
        let handle = try handle(tjInitDecompress())
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let status = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorspace)
        }
        guard status == 0 else { throw failure(handle) }
        try PixelLimits.check(width: Int(width), height: Int(height))
        return (Int(width), Int(height))
    }

    /// The picture turned as EXIF `orientation` (2…8) asks, losslessly (the DCT blocks are rearranged, nothing
    /// is re-encoded). Where the turn would move a partial MCU (the right or bottom edge, when a side is not a
    /// multiple of 8 or 16 pixels) to the top or left, those few edge pixels are trimmed (TJXOPT_TRIM): at most
    /// 15 rows or columns of a phone photo, which a reviewer never misses, instead of keeping an EXIF block.
    public static func turned(_ bytes: [UInt8], orientation: Int) throws(PhotoError) -> [UInt8] {
        let operation: TJXOP
        switch orientation {
        case 2: operation = TJXOP_HFLIP
        case 3: operation = TJXOP_ROT180
        case 4: operation = TJXOP_VFLIP
        case 5: operation = TJXOP_TRANSPOSE
        case 6: operation = TJXOP_ROT90
        case 7: operation = TJXOP_TRANSVERSE
        case 8: operation = TJXOP_ROT270
        default: return bytes
        }
        _ = try dimensions(bytes)
        let handle = try handle(tjInitTransform())
        defer { tjDestroy(handle) }
        var transform = tjtransform()
        transform.op = Int32(operation.rawValue)
        transform.options = TJXOPT_TRIM
        var output: UnsafeMutablePointer<UInt8>? = nil
        var outputSize: UInt = 0
        let status = bytes.withUnsafeBufferPointer {
            tjTransform(handle, $0.baseAddress, UInt($0.count), 1, &output, &outputSize, &transform, decodeFlags)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else { throw failure(handle) }
        return Array(UnsafeBufferPointer(start: output, count: Int(outputSize)))
    }

    /// The picture decoded to RGB at the smallest of libjpeg-turbo's scaling factors (1/8 … 1) that keeps its
    /// longest side at least `side` pixels (or whole, when it is smaller): a 12-megapixel photo decodes to
    /// about 500 × 375 for a 320-pixel thumbnail, in a fraction of the time and memory of a full decode.
    public static func decode(_ bytes: [UInt8], atLeast side: Int) throws(PhotoError) -> PixelImage {
        let (width, height) = try dimensions(bytes)
        var count: Int32 = 0
        guard let factors = tjGetScalingFactors(&count) else { throw .decodeFailed(detail: "no scaling factors") }
        var best = (width: width, height: height)
        for factor in UnsafeBufferPointer(start: factors, count: Int(count)) where factor.num <= factor.denom {
            let scaled = (width: scaledSize(width, factor), height: scaledSize(height, factor))
            if max(scaled.width, scaled.height) >= min(side, max(width, height)), scaled.width * scaled.height < best.width * best.height {
                best = scaled
            }
        }
        let handle = try handle(tjInitDecompress())
        defer { tjDestroy(handle) }
        var pixels = [UInt8](repeating: 0, count: best.width * best.height * 3)
        let status = bytes.withUnsafeBufferPointer { jpeg in
            pixels.withUnsafeMutableBufferPointer { output in
                tjDecompress2(handle, jpeg.baseAddress, UInt(jpeg.count), output.baseAddress, Int32(best.width), 0,
                              Int32(best.height), Int32(TJPF_RGB.rawValue), decodeFlags)
            }
        }
        // A warning (a corrupt scan that libjpeg-turbo recovered from) still gives a picture to show.
        guard status == 0 || tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue) else { throw failure(handle) }
        return PixelImage(width: best.width, height: best.height, channels: 3, pixels: pixels)
    }

    /// A baseline JPEG of `image` (4:2:0 for colour) with no metadata but the JFIF header.
    public static func encode(_ image: PixelImage, quality: Int) throws(PhotoError) -> [UInt8] {
        let handle = try handle(tjInitCompress())
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>? = nil
        var outputSize: UInt = 0
        let format = image.channels == 1 ? TJPF_GRAY : TJPF_RGB
        let subsampling = image.channels == 1 ? TJSAMP_GRAY : TJSAMP_420
        let status = image.pixels.withUnsafeBufferPointer {
            tjCompress2(handle, $0.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(format.rawValue),
                        &output, &outputSize, Int32(subsampling.rawValue), Int32(quality), 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else { throw failure(handle) }
        return Array(UnsafeBufferPointer(start: output, count: Int(outputSize)))
    }

    static func scaledSize(_ dimension: Int, _ factor: tjscalingfactor) -> Int {
        (dimension * Int(factor.num) + Int(factor.denom) - 1) / Int(factor.denom)
    }

    static func handle(_ handle: tjhandle?) throws(PhotoError) -> tjhandle {
        guard let handle else { throw .decodeFailed(detail: String(cString: tjGetErrorStr2(nil))) }
        return handle
    }

    static func failure(_ handle: tjhandle) -> PhotoError {
        .decodeFailed(detail: String(cString: tjGetErrorStr2(handle)))
    }
}
