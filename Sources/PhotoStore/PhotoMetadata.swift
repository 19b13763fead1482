import TuanjuCore

/// What a photo carries besides its pixels, read without trusting it: a malformed file gives "nothing
/// found", never a crash. Read from the upload to learn where it was taken; read from the stored copy
/// to show that nothing personal is left.
public struct PhotoMetadata: Sendable, Equatable {
    /// An EXIF block is present (JPEG APP1 `Exif\0\0`, PNG `eXIf`), whatever it holds.
    public let hasExif: Bool
    /// The position in the EXIF GPS tags, south and west negative.
    public let gps: Coordinate?
    /// Free text is present: JPEG COM segments, XMP, IPTC (APP13), PNG tEXt/zTXt/iTXt chunks.
    public let hasText: Bool
    /// An ICC colour profile is present (JPEG APP2 `ICC_PROFILE`, PNG `iCCP`).
    public let hasColorProfile: Bool
    /// The EXIF Orientation (1…8) of a JPEG, if it has one: how a viewer must turn its pixels.
    public var orientation: Int? = nil

    static let exifIdentifier: [UInt8] = Array("Exif\0\0".utf8)
    static let xmpIdentifier: [UInt8] = Array("http://ns.adobe.com/xap/1.0/\0".utf8)

    public init(reading bytes: [UInt8]) {
        switch ImageFormat(detecting: bytes) {
        case .jpeg: self = Self.jpeg(bytes)
        case .png: self = Self.png(bytes)
        case nil: self.init(hasExif: false, gps: nil, hasText: false, hasColorProfile: false)
        }
    }

    init(hasExif: Bool, gps: Coordinate?, hasText: Bool, hasColorProfile: Bool) {
        self.hasExif = hasExif
        self.gps = gps
        self.hasText = hasText
        self.hasColorProfile = hasColorProfile
    }

    static func jpeg(_ bytes: [UInt8]) -> PhotoMetadata {
        // Metadata precedes the image data, so a scan that is cut short does not hide it.
        let segments = (try? JPEGStructure.segments(of: bytes, headersOnly: true)) ?? []
        func payloads(_ marker: UInt8) -> [ArraySlice<UInt8>] {
            segments.filter { $0.marker == marker }.map { bytes[$0.payload] }
        }
        let exif = payloads(JPEGStructure.app1).first { $0.starts(with: exifIdentifier) }
        var metadata = PhotoMetadata(
            hasExif: exif != nil,
            gps: exif.flatMap { ExifGPS.position(inTIFF: $0.dropFirst(exifIdentifier.count)) },
            hasText: !payloads(JPEGStructure.com).isEmpty || !payloads(JPEGStructure.app13).isEmpty
                || payloads(JPEGStructure.app1).contains { $0.starts(with: xmpIdentifier) },
            hasColorProfile: payloads(JPEGStructure.app2).contains { $0.starts(with: JPEGSanitizer.iccIdentifier) })
        metadata.orientation = exif.flatMap { ExifOrientation.value(inTIFF: $0.dropFirst(exifIdentifier.count)) }
        return metadata
    }

    static func png(_ bytes: [UInt8]) -> PhotoMetadata {
        let chunks = (try? PNGStructure.chunks(of: bytes)) ?? []
        var exif = chunks.first { $0.type == "eXIf" }.map { bytes[$0.data] }
        // Some writers put the JPEG-style `Exif\0\0` prefix in front of the TIFF data.
        if let data = exif, data.starts(with: exifIdentifier) { exif = data.dropFirst(exifIdentifier.count) }
        return PhotoMetadata(
            hasExif: exif != nil,
            gps: exif.flatMap { ExifGPS.position(inTIFF: $0) },
            hasText: chunks.contains { ["tEXt", "zTXt", "iTXt"].contains($0.type) },
            hasColorProfile: chunks.contains { $0.type == "iCCP" })
    }
}
