import Foundation

/// A minimal baseline JPEG decoder (T.81 annex F), written apart from the fixture encoder so the tests can
/// show the fixtures are real pictures: 8-bit, Huffman, SOF0, components sampled 1×1, restart markers.
/// Returns RGB (or gray) pixels, or nil for anything it does not understand.
struct BaselineDecoder {
    private(set) var width = 0, height = 0
    private var quantisation = [[Int]](repeating: [], count: 4)
    /// Per class (0 DC, 1 AC) and table id: symbol by (length, code).
    private var huffman = [[[Int: UInt8]]](repeating: [[Int: UInt8]](repeating: [:], count: 4), count: 2)
    private var components: [(id: UInt8, table: Int)] = []
    private var restartInterval = 0

    static let zigZag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]

    static func decode(_ bytes: [UInt8]) -> (width: Int, height: Int, pixels: [UInt8])? {
        var decoder = BaselineDecoder()
        var position = 2
        while position + 4 <= bytes.count, bytes[position] == 0xFF {
            let marker = bytes[position + 1]
            let end = position + 2 + (Int(bytes[position + 2]) << 8 | Int(bytes[position + 3]))
            guard end <= bytes.count else { return nil }
            let payload = Array(bytes[position + 4..<end])
            switch marker {
            case 0xDB: decoder.readQuantisation(payload)
            case 0xC4: decoder.readHuffman(payload)
            case 0xDD: decoder.restartInterval = Int(payload[0]) << 8 | Int(payload[1])
            case 0xC0:
                decoder.height = Int(payload[1]) << 8 | Int(payload[2])
                decoder.width = Int(payload[3]) << 8 | Int(payload[4])
                decoder.components = (0..<Int(payload[5])).map { (payload[6 + 3 * $0], Int(payload[8 + 3 * $0])) }
                guard (0..<Int(payload[5])).allSatisfy({ payload[7 + 3 * $0] == 0x11 }) else { return nil }
            case 0xDA:
                guard let pixels = decoder.decodeScan(bytes, from: end) else { return nil }
                return (decoder.width, decoder.height, pixels)
            case 0xC1...0xCF where marker != 0xC4 && marker != 0xCC: return nil  // not baseline
            default: break
            }
            position = end
        }
        return nil
    }

    mutating func readQuantisation(_ payload: [UInt8]) {
        var at = 0
        while at + 65 <= payload.count {
            var table = [Int](repeating: 0, count: 64)
            for k in 0..<64 { table[Self.zigZag[k]] = Int(payload[at + 1 + k]) }
            quantisation[Int(payload[at] & 3)] = table
            at += 65
        }
    }

    mutating func readHuffman(_ payload: [UInt8]) {
        var at = 0
        while at + 17 <= payload.count {
            let tableClass = Int(payload[at] >> 4), id = Int(payload[at] & 3)
            var table: [Int: UInt8] = [:]
            var code = 0, symbol = at + 17
            for length in 1...16 {
                for _ in 0..<Int(payload[at + length]) {
                    table[length << 16 | code] = payload[symbol]
                    code += 1
                    symbol += 1
                }
                code <<= 1
            }
            huffman[tableClass][id] = table
            at = symbol
        }
    }

    /// Reads bits of entropy-coded data, unstuffing 0xFF 0x00 and stopping at markers.
    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var buffer = 0, count = 0

        mutating func bit() -> Int? {
            if count == 0 {
                guard position < bytes.count else { return nil }
                let byte = bytes[position]
                if byte == 0xFF {
                    guard position + 1 < bytes.count, bytes[position + 1] == 0 else { return nil }
                    position += 1
                }
                position += 1
                buffer = Int(byte)
                count = 8
            }
            count -= 1
            return buffer >> count & 1
        }

        mutating func bits(_ length: Int) -> Int? {
            var value = 0
            for _ in 0..<length {
                guard let bit = bit() else { return nil }
                value = value << 1 | bit
            }
            return value
        }

        /// Skips to after the RST marker that must come next.
        mutating func restart() -> Bool {
            count = 0
            guard position + 1 < bytes.count, bytes[position] == 0xFF, (0xD0...0xD7).contains(bytes[position + 1]) else { return false }
            position += 2
            return true
        }
    }

    func decodeSymbol(_ table: [Int: UInt8], _ reader: inout BitReader) -> UInt8? {
        var code = 0
        for length in 1...16 {
            guard let bit = reader.bit() else { return nil }
            code = code << 1 | bit
            if let symbol = table[length << 16 | code] { return symbol }
        }
        return nil
    }

    func receiveExtend(_ size: Int, _ reader: inout BitReader) -> Int? {
        guard size > 0 else { return 0 }
        guard let value = reader.bits(size) else { return nil }
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value
    }

    func decodeScan(_ bytes: [UInt8], from start: Int) -> [UInt8]? {
        var reader = BitReader(bytes: bytes, position: start)
        let blocksWide = (width + 7) / 8, blocksHigh = (height + 7) / 8
        var planes = [[Double]](repeating: [Double](repeating: 0, count: blocksWide * blocksHigh * 64), count: components.count)
        var predictions = [Int](repeating: 0, count: components.count)
        for block in 0..<(blocksWide * blocksHigh) {
            if restartInterval > 0, block > 0, block % restartInterval == 0 {
                guard reader.restart() else { return nil }
                predictions = predictions.map { _ in 0 }
            }
            for (index, component) in components.enumerated() {
                let tableID = index == 0 ? 0 : 1
                var coefficients = [Int](repeating: 0, count: 64)
                guard let dcSize = decodeSymbol(huffman[0][tableID], &reader),
                      let difference = receiveExtend(Int(dcSize), &reader) else { return nil }
                predictions[index] += difference
                coefficients[0] = predictions[index]
                var k = 1
                while k < 64 {
                    guard let symbol = decodeSymbol(huffman[1][tableID], &reader) else { return nil }
                    let run = Int(symbol >> 4), size = Int(symbol & 15)
                    if size == 0 {
                        if run == 15 { k += 16; continue }
                        break
                    }
                    k += run
                    guard k < 64, let value = receiveExtend(size, &reader) else { return nil }
                    coefficients[Self.zigZag[k]] = value
                    k += 1
                }
                let table = quantisation[component.table]
                let samples = Self.inverseDCT((0..<64).map { Double(coefficients[$0] * table[$0]) })
                planes[index].replaceSubrange(block * 64..<block * 64 + 64, with: samples)
            }
        }
        return pixels(planes, blocksWide: blocksWide)
    }

    func pixels(_ planes: [[Double]], blocksWide: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(width * height * planes.count)
        for y in 0..<height {
            for x in 0..<width {
                let at = ((y / 8) * blocksWide + x / 8) * 64 + (y % 8) * 8 + x % 8
                let values = planes.map { $0[at] }
                let rgb = values.count == 1 ? values : [
                    values[0] + 1.402 * (values[2] - 128),
                    values[0] - 0.344_136 * (values[1] - 128) - 0.714_136 * (values[2] - 128),
                    values[0] + 1.772 * (values[1] - 128),
                ]
                result += rgb.map { UInt8(min(max($0.rounded(), 0), 255)) }
            }
        }
        return result
    }

    /// T.81 A.3.3, straight from the formula; adds the 128 level shift back.
    static func inverseDCT(_ coefficients: [Double]) -> [Double] {
        (0..<64).map { index in
            let y = index / 8, x = index % 8
            var sum = 0.0
            for v in 0..<8 {
                for u in 0..<8 {
                    let cu = u == 0 ? 1 / 2.0.squareRoot() : 1, cv = v == 0 ? 1 / 2.0.squareRoot() : 1
                    sum += cu * cv * coefficients[v * 8 + u]
                        * cos(Double(2 * x + 1) * Double(u) * .pi / 16) * cos(Double(2 * y + 1) * Double(v) * .pi / 16)
                }
            }
            return sum / 4 + 128
        }
    }
}
