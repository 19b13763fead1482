import TuanjuCore

/// The GPS position in EXIF data: IFD0 → GPS IFD (tag 0x8825) → latitude and longitude as
/// degrees/minutes/seconds rationals with N/S and E/W references (EXIF 2.32 section 4.6.6).
enum ExifGPS {
    static let gpsIFDPointerTag = 0x8825
    static let latitudeRefTag = 1, latitudeTag = 2, longitudeRefTag = 3, longitudeTag = 4

    /// The position in decimal degrees (south and west negative), or nil when the data has none or is
    /// malformed in any way: bad offsets, zero denominators, a missing reference, out-of-range values.
    static func position(inTIFF tiff: ArraySlice<UInt8>) -> Coordinate? {
        guard let reader = TIFFReader(tiff), let ifd0 = reader.firstIFDOffset,
              let pointer = reader.entries(ofIFDAt: ifd0)?.first(where: { $0.tag == gpsIFDPointerTag }),
              pointer.type == 4 || pointer.type == 13, pointer.count == 1,
              let gpsOffset = reader.uint32(at: pointer.valueFieldOffset),
              let gpsEntries = reader.entries(ofIFDAt: gpsOffset)
        else { return nil }
        func entry(_ tag: Int) -> TIFFReader.Entry? { gpsEntries.first { $0.tag == tag } }

        guard let latitudeRef = entry(latitudeRefTag).flatMap(reader.firstCharacter),
              let longitudeRef = entry(longitudeRefTag).flatMap(reader.firstCharacter),
              let latitude = entry(latitudeTag).flatMap({ degrees($0, reader) }),
              let longitude = entry(longitudeTag).flatMap({ degrees($0, reader) })
        else { return nil }

        let latitudeSign: Double, longitudeSign: Double
        switch latitudeRef {
        case UInt8(ascii: "N"): latitudeSign = 1
        case UInt8(ascii: "S"): latitudeSign = -1
        default: return nil
        }
        switch longitudeRef {
        case UInt8(ascii: "E"): longitudeSign = 1
        case UInt8(ascii: "W"): longitudeSign = -1
        default: return nil
        }
        return try? Coordinate(lat: latitudeSign * latitude, lon: longitudeSign * longitude)
    }

    /// Degrees + minutes/60 + seconds/3600 from one to three rationals; each part must be non-negative.
    static func degrees(_ entry: TIFFReader.Entry, _ reader: TIFFReader) -> Double? {
        guard (1...3).contains(entry.count) else { return nil }
        var total = 0.0
        for (index, scale) in [1.0, 60.0, 3600.0].enumerated().prefix(entry.count) {
            guard let part = reader.rational(entry, index: index), part >= 0, part.isFinite else { return nil }
            total += part / scale
        }
        return total
    }
}
