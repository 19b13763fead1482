/// The EXIF Orientation tag (IFD0, 0x0112): how a viewer must turn the stored pixels to show the picture as
/// the phone showed it. A phone held upright stores landscape pixels and says 6 ("turn 90° clockwise").
public enum ExifOrientation {
    static let tag = 0x0112

    /// The orientation in TIFF data (1…8), or nil when it is absent, malformed or out of range.
    static func value(inTIFF tiff: ArraySlice<UInt8>) -> Int? {
        guard let reader = TIFFReader(tiff), let ifd0 = reader.firstIFDOffset,
              let entry = reader.entries(ofIFDAt: ifd0)?.first(where: { $0.tag == tag }),
              entry.type == 3, entry.count == 1, let value = reader.uint16(at: entry.valueFieldOffset),
              (1...8).contains(value)
        else { return nil }
        return value
    }
}
