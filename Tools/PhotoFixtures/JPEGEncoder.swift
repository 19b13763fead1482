/// A small JPEG encoder (ITU T.81): YCbCr 4:4:4, annex K tables scaled by quality, a real DCT, baseline
/// sequential (SOF0) or progressive by spectral selection (SOF2: one DC scan, then two AC bands per
/// component), optional restart intervals. Standard decoders (libjpeg) read what it writes.
struct JPEGEncoder {
    let picture: FixturePicture
    let quality: Int
    let progressive: Bool
    let restartInterval: Int

    var blocksWide: Int { (picture.width + 7) / 8 }
    var blocksHigh: Int { (picture.height + 7) / 8 }

    /// The whole file; `metadata` are complete segments (APP1, APP2, COM) placed after the JFIF header.
    func encode(metadata: [[UInt8]]) -> [UInt8] {
        let quantisation = [
            JPEGTables.scaled(JPEGTables.luminanceQuantisation, quality: quality),
            JPEGTables.scaled(JPEGTables.chrominanceQuantisation, quality: quality),
        ]
        let planes = picture.levelShiftedPlanes
        let coefficients = (0..<3).map { component in
            quantisedBlocks(planes[component], table: quantisation[component == 0 ? 0 : 1])
        }

        var file: [UInt8] = [0xFF, 0xD8]
        file += JPEGSegments.segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
        for segment in metadata { file += segment }
        file += JPEGSegments.segment(0xDB, [0x00] + JPEGTables.zigZag.map { UInt8(quantisation[0][$0]) }
            + [0x01] + JPEGTables.zigZag.map { UInt8(quantisation[1][$0]) })
        file += JPEGSegments.segment(progressive ? 0xC2 : 0xC0, [8] + Self.bigEndian16(picture.height)
            + Self.bigEndian16(picture.width) + [3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1])
        file += JPEGSegments.segment(0xC4, huffmanTables)
        if restartInterval > 0 { file += JPEGSegments.segment(0xDD, Self.bigEndian16(restartInterval)) }
        if progressive {
            file += scan(coefficients, components: [0, 1, 2], band: 0...0)
            for component in 0..<3 {
                file += scan(coefficients, components: [component], band: 1...5)
                file += scan(coefficients, components: [component], band: 6...63)
            }
        } else {
            file += scan(coefficients, components: [0, 1, 2], band: 0...63)
        }
        return file + [0xFF, 0xD9]
    }

    /// DHT payload: luminance DC (0), luminance AC (0), chrominance DC (1), chrominance AC (1).
    var huffmanTables: [UInt8] {
        let tables: [(UInt8, JPEGTables.Huffman)] = [
            (0x00, JPEGTables.luminanceDC), (0x10, JPEGTables.luminanceAC),
            (0x01, JPEGTables.chrominanceDC), (0x11, JPEGTables.chrominanceAC),
        ]
        return tables.flatMap { [$0.0] + $0.1.counts + $0.1.symbols }
    }

    /// Every 8×8 block of a plane, left to right and top to bottom, as quantised coefficients in
    /// zig-zag order. Edge blocks repeat the last row and column.
    func quantisedBlocks(_ plane: [Double], table: [Int]) -> [[Int]] {
        var blocks: [[Int]] = []
        blocks.reserveCapacity(blocksWide * blocksHigh)
        var samples = [Double](repeating: 0, count: 64)
        for blockY in 0..<blocksHigh {
            for blockX in 0..<blocksWide {
                for y in 0..<8 {
                    let row = min(blockY * 8 + y, picture.height - 1) * picture.width
                    for x in 0..<8 { samples[y * 8 + x] = plane[row + min(blockX * 8 + x, picture.width - 1)] }
                }
                let transformed = ForwardDCT.transform(samples)
                blocks.append(JPEGTables.zigZag.enumerated().map { position, natural in
                    let value = Int((transformed[natural] / Double(table[natural])).rounded())
                    let limit = position == 0 ? 2047 : 1023
                    return min(max(value, -limit), limit)
                })
            }
        }
        return blocks
    }

    /// One scan: its SOS header and entropy-coded data. With 4:4:4 sampling an MCU of an interleaved scan
    /// is one block of each component, so both kinds of scan walk the same block grid.
    func scan(_ coefficients: [[[Int]]], components: [Int], band: ClosedRange<Int>) -> [UInt8] {
        let codes = [
            (dc: JPEGTables.luminanceDC.codes, ac: JPEGTables.luminanceAC.codes),
            (dc: JPEGTables.chrominanceDC.codes, ac: JPEGTables.chrominanceAC.codes),
        ]
        var header: [UInt8] = [UInt8(components.count)]
        for component in components {
            let table: UInt8 = component == 0 ? 0x00 : 0x11
            header += [UInt8(component + 1), table]
        }
        header += [UInt8(band.lowerBound), UInt8(band.upperBound), 0]

        var writer = EntropyWriter()
        var predictions = [0, 0, 0]
        var restarts = 0
        for block in 0..<(blocksWide * blocksHigh) {
            if restartInterval > 0, block > 0, block % restartInterval == 0 {
                writer.restart(restarts)
                restarts += 1
                predictions = [0, 0, 0]
            }
            for component in components {
                let tables = codes[component == 0 ? 0 : 1]
                let values = coefficients[component][block]
                if band.lowerBound == 0 {
                    let difference = values[0] - predictions[component]
                    predictions[component] = values[0]
                    let size = EntropyWriter.category(difference)
                    writer.write(symbol: UInt8(size), table: tables.dc)
                    writer.write(EntropyWriter.extraBits(difference, size: size), length: size)
                }
                if band.upperBound > 0 {
                    writeAC(values, from: max(band.lowerBound, 1), through: band.upperBound, table: tables.ac, to: &writer)
                }
            }
        }
        writer.flush()
        return JPEGSegments.segment(0xDA, header) + writer.bytes
    }

    /// Run-length coded AC coefficients (T.81 F.1.2.2): ZRL (0xF0) per 16 zeros before a value, EOB
    /// (0x00) when only zeros remain — in a progressive scan 0x00 is EOBRUN 1, the same meaning.
    func writeAC(_ values: [Int], from first: Int, through last: Int,
                 table: [UInt8: (code: UInt32, length: Int)], to writer: inout EntropyWriter) {
        var run = 0
        for index in first...last {
            let value = values[index]
            if value == 0 { run += 1; continue }
            while run > 15 {
                writer.write(symbol: 0xF0, table: table)
                run -= 16
            }
            let size = EntropyWriter.category(value)
            writer.write(symbol: UInt8(run << 4 | size), table: table)
            writer.write(EntropyWriter.extraBits(value, size: size), length: size)
            run = 0
        }
        if run > 0 { writer.write(symbol: 0x00, table: table) }
    }

    static func bigEndian16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
}

/// Marker segments of a JPEG file.
enum JPEGSegments {
    /// 0xFF, the marker, the big-endian length (which counts itself), the payload.
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        precondition(payload.count + 2 <= 0xFFFF, "a JPEG segment holds at most 65533 bytes")
        return [0xFF, marker] + JPEGEncoder.bigEndian16(payload.count + 2) + payload
    }

    static func comment(_ text: String) -> [UInt8] { segment(0xFE, Array(text.utf8)) }

    static func exif(_ spec: ExifSpec) -> [UInt8] { segment(0xE1, Array("Exif\0\0".utf8) + spec.tiff()) }

    /// APP2 `ICC_PROFILE\0`, chunk 1 of 1.
    static func iccProfile(_ profile: [UInt8]) -> [UInt8] { segment(0xE2, Array("ICC_PROFILE\0".utf8) + [1, 1] + profile) }
}
