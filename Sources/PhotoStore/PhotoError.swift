import TuanjuCore

/// Why a photo is refused or could not be stored. Structural problems name the byte offset where the
/// file stops making sense, so a rider's app (or a support person) can tell a cut-off upload from junk.
public enum PhotoError: TuanjuError, Equatable {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case unknownFormat
    /// The declared picture is larger than `PixelLimits` allow.
    case dimensionsTooLarge(width: Int, height: Int)
    /// The declared picture has no pixels (a zero width or height, or a JPEG whose height comes later in DNL).
    case dimensionsInvalid(width: Int, height: Int)
    case countOutOfRange(count: Int, allowed: ClosedRange<Int>)
    /// libjpeg-turbo or libpng could not decode, turn or encode the picture; `detail` is the library's words.
    case decodeFailed(detail: String)
    /// A file-system call failed; `detail` is the operating system's own words (strerror).
    case storeFailed(path: String, step: PhotoMsg, detail: String)
    /// The machine failed the photo store: a full disk, a read-only or unreadable photo directory.
    case machine(MachineError)

    case jpegTruncated(offset: Int)
    case jpegSegmentPastEnd(marker: UInt8, offset: Int, length: Int)
    case jpegSegmentLengthInvalid(marker: UInt8, offset: Int, length: Int)
    case jpegMarkerExpected(offset: Int)
    case jpegMarkerUnexpected(marker: UInt8, offset: Int)
    case jpegNoImage

    case pngTruncated(offset: Int)
    case pngChunkTooLong(offset: Int, length: Int)
    case pngChunkTypeInvalid(offset: Int)
    case pngCRCMismatch(chunk: String, offset: Int)
    case pngHeaderNotFirst(chunk: String)
    case pngHeaderInvalid
    case pngCriticalChunkUnknown(chunk: String)
    case pngNoImageData

    public var code: String {
        switch self {
        case .storeFailed: "photo_store_failed"
        case .machine(let fault): fault.code
        default: "invalid_input"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .empty: LocalizedText(PhotoMsg.photoEmpty)
        case .tooLarge(let bytes, let limit): LocalizedText(PhotoMsg.photoTooLarge, ["bytes": "\(bytes)", "max": "\(limit)"])
        case .unknownFormat: LocalizedText(PhotoMsg.photoUnknownFormat)
        case .dimensionsTooLarge(let width, let height):
            LocalizedText(PhotoMsg.photoDimensionsTooLarge, [
                "width": "\(width)", "height": "\(height)", "side": "\(PixelLimits.maximumSide)",
                "megapixels": "\(PixelLimits.maximumPixels / 1_000_000)",
            ])
        case .dimensionsInvalid(let width, let height):
            LocalizedText(PhotoMsg.photoDimensionsInvalid, ["width": "\(width)", "height": "\(height)"])
        case .countOutOfRange(let count, let allowed):
            LocalizedText(PhotoMsg.photoCountOutOfRange,
                          ["count": "\(count)", "min": "\(allowed.lowerBound)", "max": "\(allowed.upperBound)"])
        case .decodeFailed(let detail): LocalizedText(PhotoMsg.decodeFailed, ["detail": detail])
        case .storeFailed(let path, let step, let detail):
            LocalizedText(PhotoMsg.photoStoreFailed, ["path": path, "step": step.text, "detail": detail])
        case .machine(let fault): fault.text
        case .jpegTruncated(let offset): LocalizedText(PhotoMsg.jpegTruncated, ["offset": "\(offset)"])
        case .jpegSegmentPastEnd(let marker, let offset, let length):
            LocalizedText(PhotoMsg.jpegSegmentPastEnd, ["marker": Self.name(marker), "offset": "\(offset)", "length": "\(length)"])
        case .jpegSegmentLengthInvalid(let marker, let offset, let length):
            LocalizedText(PhotoMsg.jpegSegmentLengthInvalid, ["marker": Self.name(marker), "offset": "\(offset)", "length": "\(length)"])
        case .jpegMarkerExpected(let offset): LocalizedText(PhotoMsg.jpegMarkerExpected, ["offset": "\(offset)"])
        case .jpegMarkerUnexpected(let marker, let offset):
            LocalizedText(PhotoMsg.jpegMarkerUnexpected, ["marker": Self.name(marker), "offset": "\(offset)"])
        case .jpegNoImage: LocalizedText(PhotoMsg.jpegNoImage)
        case .pngTruncated(let offset): LocalizedText(PhotoMsg.pngTruncated, ["offset": "\(offset)"])
        case .pngChunkTooLong(let offset, let length): LocalizedText(PhotoMsg.pngChunkTooLong, ["offset": "\(offset)", "length": "\(length)"])
        case .pngChunkTypeInvalid(let offset): LocalizedText(PhotoMsg.pngChunkTypeInvalid, ["offset": "\(offset)"])
        case .pngCRCMismatch(let chunk, let offset): LocalizedText(PhotoMsg.pngCRCMismatch, ["chunk": chunk, "offset": "\(offset)"])
        case .pngHeaderNotFirst(let chunk): LocalizedText(PhotoMsg.pngHeaderNotFirst, ["chunk": chunk])
        case .pngHeaderInvalid: LocalizedText(PhotoMsg.pngHeaderInvalid)
        case .pngCriticalChunkUnknown(let chunk): LocalizedText(PhotoMsg.pngCriticalChunkUnknown, ["chunk": chunk])
        case .pngNoImageData: LocalizedText(PhotoMsg.pngNoImageData)
        }
    }

    /// A bad photo is bad input (exit 65); a failed write is a problem of the data directory (exit 66).
    public var category: ErrorCategory {
        switch self {
        case .storeFailed: .noInput
        case .machine: .machine
        default: .invalidInput
        }
    }

    /// `0xFFE1` style name of a JPEG marker.
    static func name(_ marker: UInt8) -> String {
        let hex = String(marker, radix: 16, uppercase: true)
        return "0xFF" + (hex.count == 1 ? "0" + hex : hex)
    }
}
