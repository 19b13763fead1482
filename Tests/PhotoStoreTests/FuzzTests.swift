import PhotoFixtures
import PhotoStore
import Testing

/// Random damage to valid photos must only ever lead to a refusal or a clean result — never a crash,
/// a hang or an out-of-bounds read.
@Suite("Fuzzing the checks with damaged photos")
struct FuzzTests {
    static let bases: [(name: String, bytes: [UInt8])] = [
        ("phone JPEG", Samples.phoneJPEG),
        ("progressive JPEG", Samples.progressiveJPEG),
        ("big-endian EXIF JPEG", PhotoFixtures.jpeg(width: 16, height: 8, seed: 3, exif: ExifSpec(
            latitude: -1.5, longitude: -2.5, make: "M", model: "N", dateTimeOriginal: "2024:01:01 00:00:00", byteOrder: .bigEndian))),
        ("PNG", Samples.phonePNG),
    ]

    @Test("Thousands of random mutations never crash sanitize or the GPS reader", arguments: 0..<bases.count)
    func mutations(baseIndex: Int) {
        let base = Self.bases[baseIndex].bytes
        var random = SeededGenerator(seed: 0xF022 + UInt64(baseIndex))
        // Most mutations land in the first 400 bytes, where the EXIF and segment headers are.
        let headerEnd = min(400, base.count)
        var accepted = 0, refused = 0
        for _ in 0..<1500 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                Self.mutate(&bytes, headerEnd: headerEnd, using: &random)
            }
            // A PNG's CRCs would catch almost every mutation; repair them half the time to reach the chunk
            // rules and the eXIf parser behind them.
            if ImageFormat(detecting: base) == .png, Bool.random(using: &random) { Self.repairCRCs(&bytes) }
            let metadata = PhotoMetadata(reading: bytes)
            if let gps = metadata.gps {
                #expect((-90...90).contains(gps.lat) && (-180...180).contains(gps.lon))
            }
            do {
                let checked = try PhotoCheck.check(bytes)
                accepted += 1
                // Whatever got through is clean and stays the same when checked again.
                let again = PhotoMetadata(reading: checked.bytes)
                #expect(!again.hasExif && again.gps == nil && !again.hasText)
                #expect(try PhotoCheck.check(checked.bytes).bytes == checked.bytes)
            } catch {
                refused += 1
            }
        }
        // Both outcomes occur, so the mutations reach the parsers rather than all failing at the magic bytes.
        #expect(accepted > 20 && refused > 20, "accepted \(accepted), refused \(refused)")
    }

    static func mutate(_ bytes: inout [UInt8], headerEnd: Int, using random: inout SeededGenerator) {
        guard bytes.count > 4 else { bytes += [0xFF, 0xD8, 0xFF]; return }
        let inHeader = Bool.random(using: &random)
        let upper = inHeader ? min(headerEnd, bytes.count) : bytes.count
        let at = Int.random(in: 2..<max(3, upper), using: &random) % bytes.count
        switch Int.random(in: 0..<8, using: &random) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes[at] ^= 1 << UInt8.random(in: 0...7, using: &random)
        case 2: bytes[at] = [0x00, 0xFF, 0x7F, 0x80][Int.random(in: 0..<4, using: &random)]
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
        case 4: bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
        case 5: bytes = Array(bytes.prefix(at))
        case 6:
            // A 32-bit value (an offset or count) set to something large or small.
            let values: [[UInt8]] = [[0xFF, 0xFF, 0xFF, 0xF0], [0, 0, 0, 8], [0x7F, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0]]
            let end = min(bytes.count, at + 4)
            bytes.replaceSubrange(at..<end, with: values[Int.random(in: 0..<4, using: &random)].prefix(end - at))
        default:
            let length = Int.random(in: 1...32, using: &random)
            let from = Int.random(in: 0..<bytes.count, using: &random)
            bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + length)], at: at)
        }
    }

    /// Recomputes the CRC of every chunk that fits in the bytes, as a careful forger would.
    static func repairCRCs(_ bytes: inout [UInt8]) {
        var position = 8
        while position + 12 <= bytes.count {
            let length = bytes[position..<position + 4].reduce(0) { $0 << 8 | Int($1) }
            let crcAt = position + 8 + length
            guard length <= bytes.count, crcAt + 4 <= bytes.count else { return }
            let crc = FixtureCRC32.checksum(bytes[position + 4..<crcAt])
            bytes.replaceSubrange(crcAt..<crcAt + 4, with: (0..<4).reversed().map { UInt8(crc >> (8 * UInt32($0)) & 0xFF) })
            position = crcAt + 4
        }
    }
}
