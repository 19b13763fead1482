#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One piece of a JPEG file as it lies in the bytes.
struct JPEGSegment {
    /// The byte after 0xFF: 0xD8 SOI, 0xE1 APP1, 0xDA SOS…
    let marker: UInt8
    /// The whole piece: fill bytes, marker, length, payload and, for a scan, its entropy-coded data.
    let range: Range<Int>
    /// The bytes after the two length bytes (empty for SOI and EOI; for SOS only the scan header).
    let payload: Range<Int>
}

/// Walks a JPEG's marker segments (ITU T.81 annex B) from SOI to EOI, checking every length against
/// the bytes that are really there. Anything after EOI is not part of the image and is not returned.
enum JPEGStructure {
    static let soi: UInt8 = 0xD8, eoi: UInt8 = 0xD9, sos: UInt8 = 0xDA
    static let dqt: UInt8 = 0xDB, dht: UInt8 = 0xC4, dri: UInt8 = 0xDD, dac: UInt8 = 0xCC, dnl: UInt8 = 0xDC
    static let app0: UInt8 = 0xE0, app1: UInt8 = 0xE1, app2: UInt8 = 0xE2, app13: UInt8 = 0xED, app14: UInt8 = 0xEE
    static let com: UInt8 = 0xFE

    /// Start-of-frame markers: every 0xC0…0xCF except DHT (C4), JPG (C8) and DAC (CC).
    static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != dht && marker != 0xC8 && marker != dac
    }

    static func isApplication(_ marker: UInt8) -> Bool { (0xE0...0xEF).contains(marker) }

    /// The segments from SOI through EOI. With `headersOnly`, stops before the first scan's data
    /// (enough for the metadata, which precedes the image) and does not require the rest to be sound.
    static func segments(of bytes: [UInt8], headersOnly: Bool = false) throws(PhotoError) -> [JPEGSegment] {
        let count = bytes.count
        guard count >= 2, bytes[0] == 0xFF, bytes[1] == soi else { throw .jpegMarkerExpected(offset: 0) }
        var segments = [JPEGSegment(marker: soi, range: 0..<2, payload: 2..<2)]
        var frameSeen = false, scanSeen = false
        var position = 2
        while true {
            guard position < count else { throw .jpegTruncated(offset: count) }
            guard bytes[position] == 0xFF else { throw .jpegMarkerExpected(offset: position) }
            let start = position
            var markerAt = position + 1
            while markerAt < count, bytes[markerAt] == 0xFF { markerAt += 1 }  // fill bytes
            guard markerAt < count else { throw .jpegTruncated(offset: count) }
            let marker = bytes[markerAt]
            let lengthAt = markerAt + 1

            if marker == eoi {
                guard frameSeen, scanSeen else { throw .jpegNoImage }
                segments.append(JPEGSegment(marker: marker, range: start..<lengthAt, payload: lengthAt..<lengthAt))
                return segments
            }
            guard isStartOfFrame(marker) || isApplication(marker)
                || [sos, dqt, dht, dri, dac, dnl, com].contains(marker)
            else { throw .jpegMarkerUnexpected(marker: marker, offset: markerAt - 1) }

            guard lengthAt + 2 <= count else { throw .jpegTruncated(offset: count) }
            let length = Int(bytes[lengthAt]) << 8 | Int(bytes[lengthAt + 1])
            guard length >= 2 else { throw .jpegSegmentLengthInvalid(marker: marker, offset: start, length: length) }
            let end = lengthAt + length
            guard end <= count else { throw .jpegSegmentPastEnd(marker: marker, offset: start, length: length) }
            let payload = lengthAt + 2..<end

            if isStartOfFrame(marker) {
                guard !frameSeen else { throw .jpegMarkerUnexpected(marker: marker, offset: start) }
                // P, Y, X, Nf, then 3 bytes per component.
                guard payload.count >= 6, bytes[payload.lowerBound + 5] > 0,
                      payload.count == 6 + 3 * Int(bytes[payload.lowerBound + 5])
                else { throw .jpegSegmentLengthInvalid(marker: marker, offset: start, length: length) }
                let height = Int(bytes[payload.lowerBound + 1]) << 8 | Int(bytes[payload.lowerBound + 2])
                let width = Int(bytes[payload.lowerBound + 3]) << 8 | Int(bytes[payload.lowerBound + 4])
                try PixelLimits.check(width: width, height: height)
                frameSeen = true
            }
            guard marker == sos else {
                segments.append(JPEGSegment(marker: marker, range: start..<end, payload: payload))
                position = end
                continue
            }

            guard frameSeen else { throw .jpegMarkerUnexpected(marker: marker, offset: start) }
            // Ns, then 2 bytes per component, then Ss, Se, Ah/Al.
            guard payload.count >= 1, (1...4).contains(bytes[payload.lowerBound]),
                  payload.count == 4 + 2 * Int(bytes[payload.lowerBound])
            else { throw .jpegSegmentLengthInvalid(marker: marker, offset: start, length: length) }
            if headersOnly {
                return segments
            }
            guard let dataEnd = endOfEntropyCodedData(bytes, from: end) else { throw .jpegTruncated(offset: count) }
            segments.append(JPEGSegment(marker: marker, range: start..<dataEnd, payload: payload))
            scanSeen = true
            position = dataEnd
        }
    }

    /// Where the entropy-coded data that starts at `start` ends: the 0xFF of the next marker. In the
    /// data, 0xFF 0x00 is a stuffed 0xFF byte and 0xFF 0xD0…0xD7 a restart marker; neither ends the scan.
    /// Nil when the bytes run out first.
    static func endOfEntropyCodedData(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var position = start
            while position < count {
                // memchr keeps this fast even in debug builds: a scan is most of a photo's bytes.
                guard let found = memchr(base + position, 0xFF, count - position) else { return nil }
                let ffAt = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var next = ffAt + 1
                while next < count, buffer[next] == 0xFF { next += 1 }
                guard next < count else { return nil }
                let byte = buffer[next]
                if byte == 0x00 || (0xD0...0xD7).contains(byte) {
                    position = next + 1
                } else {
                    return ffAt
                }
            }
            return nil
        }
    }
}
