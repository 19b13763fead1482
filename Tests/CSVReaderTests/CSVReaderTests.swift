import Testing
@testable import CSVReader

@Suite("CSV reader")
struct CSVReaderTests {
    func items(_ text: String, chunk: Int = 64 * 1024, max: Int = 64 * 1024) throws -> [CSVItem] {
        try items(Array(text.utf8), chunk: chunk, max: max)
    }

    func items(_ bytes: [UInt8], chunk: Int = 64 * 1024, max: Int = 64 * 1024) throws -> [CSVItem] {
        let reader = CSVReader(bytes: bytes, maxRecordBytes: max, chunkSize: chunk)
        var result: [CSVItem] = []
        while let item = try reader.next() { result.append(item) }
        return result
    }

    @Test("Plain records come with their line numbers")
    func plain() throws {
        #expect(try items("a,b\n1,2\n") == [
            .record(CSVRecord(line: 1, fields: ["a", "b"])),
            .record(CSVRecord(line: 2, fields: ["1", "2"])),
        ])
    }

    @Test("Quoted fields hold commas, quotes and newlines; the next record's line counts them")
    func quoted() throws {
        #expect(try items("\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y") == [
            .record(CSVRecord(line: 1, fields: ["a,b", "say \"hi\""])),
            .record(CSVRecord(line: 2, fields: ["two\nlines", "x"])),
            .record(CSVRecord(line: 4, fields: ["last", "y"])),
        ])
    }

    @Test("CRLF line ends, a byte-order mark and empty lines are handled")
    func crlfBomEmpty() throws {
        #expect(try items("\u{FEFF}a,b\r\n\r\n\n1,\"2\"\r\n,\r\n") == [
            .record(CSVRecord(line: 1, fields: ["a", "b"])),
            .record(CSVRecord(line: 4, fields: ["1", "2"])),
            .record(CSVRecord(line: 5, fields: ["", ""])),
        ])
    }

    @Test("Invalid UTF-8 is reported for its record only")
    func invalidUTF8() throws {
        let bytes = Array("ok,1\n".utf8) + [0x61, 0xFF, 0x2C, 0x32, 0x0A] + Array("fine,3\n".utf8)
        #expect(try items(bytes) == [
            .record(CSVRecord(line: 1, fields: ["ok", "1"])),
            .problem(line: 2, .invalidUTF8(field: 1)),
            .record(CSVRecord(line: 3, fields: ["fine", "3"])),
        ])
    }

    @Test("An unterminated quote at the end of the file is reported")
    func unterminated() throws {
        #expect(try items("a,b\n\"never closed,1\n2\n") == [
            .record(CSVRecord(line: 1, fields: ["a", "b"])),
            .problem(line: 2, .unterminatedQuote),
        ])
    }

    @Test("A stray quote is reported and the reader goes on")
    func stray() throws {
        #expect(try items("ab\"c,1\n\"x\"y,2\nok,3\n") == [
            .problem(line: 1, .strayQuote(field: 1)),
            .problem(line: 2, .strayQuote(field: 1)),
            .record(CSVRecord(line: 3, fields: ["ok", "3"])),
        ])
    }

    @Test("A record longer than the limit is skipped, and the next one is read")
    func tooLong() throws {
        let long = String(repeating: "x", count: 500)
        #expect(try items("\(long),\"\(long)\nstill\"\nok,1\n", chunk: 7, max: 100) == [
            .problem(line: 1, .recordTooLong(limit: 100)),
            .record(CSVRecord(line: 3, fields: ["ok", "1"])),
        ])
    }

    @Test("Any chunk size gives the same records", arguments: [1, 2, 3, 5, 16])
    func chunking(_ chunk: Int) throws {
        var generator = SplitMix(seed: UInt64(chunk))
        let pieces = ["a", "\"q,\"\"x\"", "\r\n", "\n", ",", "李", "\"\n\"", "b", ""]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(try items(text, chunk: chunk) == items(text), "\(text.debugDescription)")
        }
    }
}

/// A seeded generator so property tests are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
