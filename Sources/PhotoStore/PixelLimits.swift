/// How large a picture may say it is. A few hundred kilobytes of PNG or JPEG can declare 50,000 × 50,000
/// pixels; whoever decodes it (a reviewer's viewer, a thumbnailer) would need gigabytes. The limits are
/// checked on the dimensions the file declares (JPEG SOF, PNG IHDR) before anything is stored or decoded.
public enum PixelLimits {
    /// The longest side accepted: 8,192 px (a 48-megapixel phone sensor is 8,000 × 6,000).
    public static let maximumSide = 8_192
    /// The most pixels accepted: 40 megapixels.
    public static let maximumPixels = 40_000_000

    /// Refuses dimensions outside the limits. Widths and heights come from 16- or 32-bit fields, so the
    /// product cannot overflow `Int` (64-bit); it is still computed with overflow reported, to be sure.
    static func check(width: Int, height: Int) throws(PhotoError) {
        guard width >= 1, height >= 1 else { throw .dimensionsInvalid(width: width, height: height) }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard width <= maximumSide, height <= maximumSide, !overflow, pixels <= maximumPixels else {
            throw .dimensionsTooLarge(width: width, height: height)
        }
    }
}
