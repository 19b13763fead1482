/// The photo formats Tuanju accepts, recognised by their first bytes. A file's name says nothing:
/// a text file called `photo.jpg` is refused and a PNG called `photo.jpg` is a PNG.
public enum ImageFormat: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case jpeg
    case png

    static let jpegMagic: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The format whose magic bytes start `bytes`, or nil.
    public init?(detecting bytes: [UInt8]) {
        if bytes.starts(with: Self.jpegMagic) {
            self = .jpeg
        } else if bytes.starts(with: Self.pngSignature) {
            self = .png
        } else {
            return nil
        }
    }

    /// The extension of stored files: `jpg` or `png`.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    /// The media type to serve the photo with.
    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }
}
