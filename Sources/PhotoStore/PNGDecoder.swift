import CPNG

/// PNG decoding through libpng's simplified API (png_image), which reports errors by return value, not longjmp.
enum PNGDecoder {
    /// The picture as 8-bit RGB (alpha composited onto black, 16-bit and palette images converted). The size
    /// in IHDR is checked against `PixelLimits` before the pixel buffer (at most 120 MB) is allocated.
    static func decode(_ bytes: [UInt8]) throws(PhotoError) -> PixelImage {
        var image = png_image()
        image.version = tj_png_image_version
        defer { png_image_free(&image) }
        let begun = bytes.withUnsafeBufferPointer { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw .decodeFailed(detail: message(image)) }
        let width = Int(image.width), height = Int(image.height)
        try PixelLimits.check(width: width, height: height)
        image.format = tj_png_format_rgb
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { throw .decodeFailed(detail: message(image)) }
        return PixelImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
