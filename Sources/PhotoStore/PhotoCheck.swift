import Crypto
import Foundation
import TuanjuCore

/// A photo that passed the checks: its format, its bytes without metadata and turned upright, where it was
/// taken (read before stripping) and the SHA-256 of the stored bytes, which is its name in the store.
public struct CheckedPhoto: Sendable, Equatable {
    public let format: ImageFormat
    /// The sanitized bytes: what gets stored and served.
    public let bytes: [UInt8]
    /// The EXIF GPS position of the upload, if it had one.
    public let gps: Coordinate?
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String
    /// The EXIF Orientation the upload carried (1 when none); the stored pixels are already turned.
    public var orientation: Int = 1
}

/// The one entry point for an uploaded photo: size limits, format by content, structure, metadata stripping.
public enum PhotoCheck {
    /// 10 MiB: larger uploads are refused before a single byte is parsed.
    public static let maximumBytes = 10 * 1024 * 1024
    /// How many photos one report carries.
    public static let photosPerReport: ClosedRange<Int> = 1...5

    /// Checks and strips one photo held in memory.
    public static func check(_ bytes: [UInt8]) throws(PhotoError) -> CheckedPhoto {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        guard let format = ImageFormat(detecting: bytes) else { throw .unknownFormat }
        var sanitized: [UInt8]
        // Read before stripping: the orientation and the position live in the EXIF block that stripping drops.
        let metadata = PhotoMetadata(reading: bytes)
        let orientation = format == .jpeg ? metadata.orientation ?? 1 : 1
        switch format {
        case .jpeg: sanitized = try JPEGSanitizer.sanitize(bytes)
        case .png: sanitized = try PNGSanitizer.sanitize(bytes)
        }
        // Without its EXIF block, a viewer would show a photo taken upright on its side: turn the pixels instead.
        if orientation != 1 { sanitized = try TurboJPEG.turned(sanitized, orientation: orientation) }
        return CheckedPhoto(
            format: format, bytes: sanitized, gps: metadata.gps, sha256: sha256Hex(sanitized), orientation: orientation)
    }

    /// Checks the photo in a file (symbolic links followed). The size comes from the file system, so an
    /// oversized file is refused unread; and never more than `maximumBytes + 1` bytes are read, even from
    /// a file that grows meanwhile.
    /// - Throws: `InputError.missingFile` when the file cannot be read, else `PhotoError`.
    public static func check(contentsOf url: URL) throws -> CheckedPhoto {
        let path = url.path
        let resolved = url.resolvingSymlinksInPath()
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: resolved.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw InputError.missingFile(path: path, reason: PhotoMsg.photoFileNotRegular.text)
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError.missingFile(path: path, reason: PhotoMsg.photoFileMissing.text)
        }
        guard size <= maximumBytes else { throw PhotoError.tooLarge(bytes: size, limit: maximumBytes) }
        guard let bytes = readFile(resolved.path, expected: size, limit: maximumBytes + 1) else {
            throw InputError.missingFile(path: path, reason: PhotoMsg.photoFileUnreadable.text)
        }
        return try check(bytes)
    }

    /// At most `limit` bytes of the file, read straight into the array in as few calls as its size allows
    /// (FileHandle read a 300 KB photo 4 KB at a time); nil when it cannot be opened or read.
    static func readFile(_ path: String, expected: Int, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One more byte than the size said, so a file that grew meanwhile shows it in the first pass.
        var bytes = [UInt8](repeating: 0, count: min(limit, expected + 1))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(limit, bytes.count * 2) - bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Refuses a report with no photo or more than `photosPerReport.upperBound`.
    public static func checkCount(_ count: Int) throws(PhotoError) {
        guard photosPerReport.contains(count) else { throw .countOutOfRange(count: count, allowed: photosPerReport) }
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
