/// Decoded pixels: row-major, 1 (grey) or 3 (RGB) bytes per pixel. Always small here: pictures are decoded
/// scaled down to about the thumbnail size, except PNGs, which libpng decodes whole (within `PixelLimits`).
public struct PixelImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// 1 for grey, 3 for RGB.
    public let channels: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && (channels == 1 || channels == 3) && pixels.count == width * height * channels,
                     "PixelImage \(width)×\(height)×\(channels) with \(pixels.count) bytes")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Luma (BT.601 weights, as JPEG's Y), one byte per pixel.
    public func greyscale() -> PixelImage {
        guard channels == 3 else { return self }
        var grey = [UInt8](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { rgb in
            for index in 0..<(width * height) {
                let value = 299 * Int(rgb[index * 3]) + 587 * Int(rgb[index * 3 + 1]) + 114 * Int(rgb[index * 3 + 2])
                grey[index] = UInt8((value + 500) / 1000)
            }
        }
        return PixelImage(width: width, height: height, channels: 1, pixels: grey)
    }

    /// The picture shrunk so its longest side is at most `side`, keeping its shape; each output pixel is the
    /// mean of the input pixels it covers (a box filter: no aliasing from skipped pixels). Never enlarges.
    public func shrunk(toFit side: Int) -> PixelImage {
        let longest = max(width, height)
        guard longest > side else { return self }
        let newWidth = max(1, (width * side + longest / 2) / longest)
        let newHeight = max(1, (height * side + longest / 2) / longest)
        return resampled(width: newWidth, height: newHeight)
    }

    /// The picture resampled to exactly `newWidth` × `newHeight` by box averaging (for shrinking; enlarging
    /// repeats pixels).
    public func resampled(width newWidth: Int, height newHeight: Int) -> PixelImage {
        let channels = self.channels, width = self.width, height = self.height
        // Each output column's span of input columns, computed once (not once per row and channel).
        let lefts = (0..<newWidth).map { $0 * width / newWidth }
        let rights = (0..<newWidth).map { max(lefts[$0] + 1, ($0 + 1) * width / newWidth) }
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        var sums = [Int](repeating: 0, count: newWidth * channels)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 0..<newHeight {
                        let top = y * height / newHeight
                        let bottom = max(top + 1, (y + 1) * height / newHeight)
                        for index in sums.indices { sums[index] = 0 }
                        // Row by row, each output pixel's box sum grows by its span of the row.
                        for row in top..<bottom {
                            let base = row * width * channels
                            for x in 0..<newWidth {
                                var index = base + lefts[x] * channels
                                for _ in lefts[x]..<rights[x] {
                                    for channel in 0..<channels { sums[x * channels + channel] += Int(source[index + channel]) }
                                    index += channels
                                }
                            }
                        }
                        let rows = bottom - top
                        for x in 0..<newWidth {
                            let count = rows * (rights[x] - lefts[x])
                            for channel in 0..<channels {
                                target[(y * newWidth + x) * channels + channel] = UInt8((sums[x * channels + channel] + count / 2) / count)
                            }
                        }
                    }
                }
            }
        }
        return PixelImage(width: newWidth, height: newHeight, channels: channels, pixels: output)
    }
}
