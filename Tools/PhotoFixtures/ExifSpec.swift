import Foundation

/// What a fixture's EXIF block says: the camera, when, and where (the part Tuanju must strip).
public struct ExifSpec: Sendable, Equatable {
    public enum ByteOrder: Sendable, Equatable {
        /// `II`, as most phones write.
        case littleEndian
        /// `MM`, as some cameras write.
        case bigEndian
    }

    /// Signed decimal degrees; south negative. GPS tags are written only when both are set.
    public var latitude: Double?
    /// Signed decimal degrees; west negative.
    public var longitude: Double?
    public var make: String?
    public var model: String?
    /// `YYYY:MM:DD HH:MM:SS`, in the EXIF sub-IFD.
    public var dateTimeOriginal: String?
    public var byteOrder: ByteOrder
    /// The Orientation tag (1…8): 6 is what a phone held upright writes beside landscape pixels.
    public var orientation: Int

    public init(latitude: Double? = nil, longitude: Double? = nil, make: String? = nil, model: String? = nil,
                dateTimeOriginal: String? = nil, byteOrder: ByteOrder = .littleEndian, orientation: Int = 1) {
        self.orientation = orientation
        self.latitude = latitude
        self.longitude = longitude
        self.make = make
        self.model = model
        self.dateTimeOriginal = dateTimeOriginal
        self.byteOrder = byteOrder
    }

    /// The TIFF structure: header, IFD0 (Make, Model, Orientation, pointers), the EXIF IFD, the GPS IFD.
    /// This is the body of a JPEG APP1 after `Exif\0\0`, and the whole of a PNG eXIf chunk.
    public func tiff() -> [UInt8] {
        let writer = TIFFWriter(bigEndian: byteOrder == .bigEndian)
        var gpsFields: [TIFFWriter.Field] = []
        if let latitude, let longitude {
            gpsFields = [
                writer.bytes(0x0000, [2, 3, 0, 0]),
                writer.ascii(0x0001, latitude < 0 ? "S" : "N"),
                writer.rationals(0x0002, Self.degreesMinutesSeconds(latitude)),
                writer.ascii(0x0003, longitude < 0 ? "W" : "E"),
                writer.rationals(0x0004, Self.degreesMinutesSeconds(longitude)),
            ]
        }
        var exifFields: [TIFFWriter.Field] = []
        if let dateTimeOriginal {
            exifFields = [writer.undefined(0x9000, Array("0232".utf8)), writer.ascii(0x9003, dateTimeOriginal)]
        }
        var ifd0: [TIFFWriter.Field] = []
        if let make { ifd0.append(writer.ascii(0x010F, make)) }
        if let model { ifd0.append(writer.ascii(0x0110, model)) }
        ifd0.append(writer.short(0x0112, orientation))
        // Pointers are 4-byte values, so IFD0's size does not depend on where the sub-IFDs land.
        let hasExif = !exifFields.isEmpty, hasGPS = !gpsFields.isEmpty
        let pointerCount = (hasExif ? 1 : 0) + (hasGPS ? 1 : 0)
        let ifd0Size = TIFFWriter.size(of: ifd0 + Array(repeating: writer.long(0, 0), count: pointerCount))
        let exifOffset = 8 + ifd0Size
        let gpsOffset = exifOffset + (hasExif ? TIFFWriter.size(of: exifFields) : 0)
        if hasExif { ifd0.append(writer.long(0x8769, exifOffset)) }
        if hasGPS { ifd0.append(writer.long(0x8825, gpsOffset)) }

        var tiff = writer.header(firstIFD: 8)
        tiff += writer.ifd(ifd0, at: 8)
        if hasExif { tiff += writer.ifd(exifFields, at: exifOffset) }
        if hasGPS { tiff += writer.ifd(gpsFields, at: gpsOffset) }
        return tiff
    }

    /// Whole degrees, whole minutes, seconds to 1/10000 — as phones write them.
    static func degreesMinutesSeconds(_ value: Double) -> [(UInt32, UInt32)] {
        let magnitude = abs(value)
        let degrees = magnitude.rounded(.down)
        let minutes = ((magnitude - degrees) * 60).rounded(.down)
        let seconds = ((magnitude - degrees) * 60 - minutes) * 60
        return [(UInt32(degrees), 1), (UInt32(minutes), 1), (UInt32((seconds * 10_000).rounded()), 10_000)]
    }
}

/// Writes TIFF 6.0 image file directories in either byte order.
struct TIFFWriter {
    /// One IFD entry with its values already encoded in the writer's byte order.
    struct Field {
        let tag: Int
        let type: Int
        let count: Int
        let values: [UInt8]
    }

    let bigEndian: Bool

    func u16(_ value: Int) -> [UInt8] {
        let bytes = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
        return bigEndian ? bytes.reversed() : bytes
    }

    func u32(_ value: Int) -> [UInt8] {
        let bytes = (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) }
        return bigEndian ? bytes.reversed() : bytes
    }

    func header(firstIFD: Int) -> [UInt8] { (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(firstIFD) }

    func bytes(_ tag: Int, _ values: [UInt8]) -> Field { Field(tag: tag, type: 1, count: values.count, values: values) }
    func undefined(_ tag: Int, _ values: [UInt8]) -> Field { Field(tag: tag, type: 7, count: values.count, values: values) }
    func ascii(_ tag: Int, _ text: String) -> Field {
        let values = Array(text.utf8) + [0]
        return Field(tag: tag, type: 2, count: values.count, values: values)
    }
    func short(_ tag: Int, _ value: Int) -> Field { Field(tag: tag, type: 3, count: 1, values: u16(value)) }
    func long(_ tag: Int, _ value: Int) -> Field { Field(tag: tag, type: 4, count: 1, values: u32(value)) }
    func rationals(_ tag: Int, _ values: [(UInt32, UInt32)]) -> Field {
        Field(tag: tag, type: 5, count: values.count, values: values.flatMap { u32(Int($0.0)) + u32(Int($0.1)) })
    }

    /// Entry count, entries, next-IFD offset, then the values longer than 4 bytes (each at an even offset).
    static func size(of fields: [Field]) -> Int {
        2 + 12 * fields.count + 4 + fields.reduce(0) { $0 + ($1.values.count > 4 ? ($1.values.count + 1) / 2 * 2 : 0) }
    }

    func ifd(_ fields: [Field], at offset: Int) -> [UInt8] {
        let sorted = fields.sorted { $0.tag < $1.tag }
        var entries = u16(sorted.count)
        var data: [UInt8] = []
        let dataStart = offset + 2 + 12 * sorted.count + 4
        for field in sorted {
            entries += u16(field.tag) + u16(field.type) + u32(field.count)
            if field.values.count <= 4 {
                entries += field.values + [UInt8](repeating: 0, count: 4 - field.values.count)
            } else {
                entries += u32(dataStart + data.count)
                data += field.values
                if data.count % 2 == 1 { data.append(0) }
            }
        }
        return entries + u32(0) + data
    }
}
