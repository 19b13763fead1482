/// Rewrites a JPEG without the metadata a rider's phone puts in it (EXIF with GPS position, camera
/// serials, XMP, comments, thumbnails), keeping everything needed to show the picture as it was taken.
public enum JPEGSanitizer {
    /// The image without metadata: SOI, the JFIF header (without thumbnail), ICC colour profiles, the
    /// Adobe colour-transform flag, tables, frame, every scan with its data, EOI. Bytes after EOI are dropped.
    /// - Throws: `PhotoError` naming the first structural problem (truncation, impossible lengths).
    public static func sanitize(_ bytes: [UInt8]) throws(PhotoError) -> [UInt8] {
        let segments = try JPEGStructure.segments(of: bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for segment in segments {
            switch disposition(of: segment, in: bytes) {
            case .keep: output.append(contentsOf: bytes[segment.range])
            case .drop: continue
            case .replace(let replacement): output.append(contentsOf: replacement)
            }
        }
        return output
    }

    enum Disposition: Equatable {
        case keep, drop
        case replace([UInt8])
    }

    static let jfifIdentifier: [UInt8] = Array("JFIF\0".utf8)
    static let iccIdentifier: [UInt8] = Array("ICC_PROFILE\0".utf8)
    static let adobeIdentifier: [UInt8] = Array("Adobe".utf8)
    /// JFIF payload without thumbnail: identifier (5), version (2), units (1), densities (4), thumbnail size (2).
    static let jfifHeaderLength = 14
    /// Adobe APP14 payload: identifier (5), version (2), flags (4), transform (1) — nothing personal.
    static let adobeLength = 12

    static func disposition(of segment: JPEGSegment, in bytes: [UInt8]) -> Disposition {
        let marker = segment.marker
        let payload = bytes[segment.payload]
        switch marker {
        case JPEGStructure.com:
            return .drop
        case JPEGStructure.app0:
            guard payload.starts(with: jfifIdentifier), payload.count >= jfifHeaderLength else { return .drop }
            guard payload.count > jfifHeaderLength else { return .keep }
            // Keep the header, drop the embedded thumbnail: it may show what the photo was cropped from.
            var header = Array(payload.prefix(jfifHeaderLength))
            header[12] = 0
            header[13] = 0
            let length = jfifHeaderLength + 2
            return .replace([0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + header)
        case JPEGStructure.app2:
            return payload.starts(with: iccIdentifier) ? .keep : .drop
        case JPEGStructure.app14:
            // Without it, decoders may mistake an RGB or CMYK JPEG's colours; it carries no personal data.
            return payload.starts(with: adobeIdentifier) && payload.count == adobeLength ? .keep : .drop
        case let other where JPEGStructure.isApplication(other):
            return .drop
        default:
            return .keep
        }
    }
}
