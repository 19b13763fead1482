import Foundation
import Testing
@testable import TuanjuHTTP

@Suite("multipart/form-data parser")
struct MultipartTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func failure(_ body: [UInt8], boundary: String = "b") -> String? {
        do {
            _ = try Multipart.parse(body, boundary: boundary)
            return nil
        } catch {
            return error.text.message.key
        }
    }

    @Test("Text and file parts, in order, with names, filenames and types")
    func basic() throws {
        let body = Self.bytes("--b\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nmanhole-cover\r\n"
            + "--b\r\ncontent-disposition: form-data; name=photo; filename=\"a b.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u{1}\u{2}\r\n--b--\r\n")
        let parts = try Multipart.parse(body, boundary: "b")
        #expect(parts.count == 2)
        #expect(parts[0].name == "category" && parts[0].filename == nil && parts[0].text == "manhole-cover")
        #expect(parts[1].name == "photo" && parts[1].filename == "a b.jpg" && parts[1].contentType == "image/jpeg")
        #expect(Array(parts[1].body) == [1, 2])
    }

    @Test("A preamble, an epilogue, padding after a boundary and an empty part are all fine")
    func rfcDetails() throws {
        let body = Self.bytes("This is a preamble.\r\n--b  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--b--\r\nepilogue --b\r\n garbage")
        let parts = try Multipart.parse(body, boundary: "b")
        #expect(parts.map(\.name) == ["a", "b"])
        #expect(parts[0].body.isEmpty)
        #expect(parts[1].text == "x")
    }

    @Test("Content that contains the boundary without a preceding CRLF, or CR LF bytes, stays content")
    func boundaryLookalikes() throws {
        let content: [UInt8] = Self.bytes("text\r\n--bX more")
        let body = Self.bytes("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n") + content + Self.bytes("\r\n--b--")
        #expect(Self.failure(body) == "HTTPMsg.multipartDelimiterMalformed")
        let safe: [UInt8] = Self.bytes("--bx --b- \r--b") + [0x0D, 0x0A, 0x0D, 0x0A, 0, 255]
        let body2 = Self.bytes("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n") + safe + Self.bytes("\r\n--b--")
        let parts = try Multipart.parse(body2, boundary: "b")
        #expect(Array(parts[0].body) == safe)
    }

    @Test("Malformed bodies are refused with a message naming the problem", arguments: [
        ("no boundary here", "HTTPMsg.multipartNoFirstBoundary"),
        ("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "HTTPMsg.multipartUnterminated"),
        ("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b", "HTTPMsg.multipartUnterminated"),
        ("--bXY\r\n", "HTTPMsg.multipartDelimiterMalformed"),
        ("--b\r\nContent-Disposition: form-data; name=\"a\"", "HTTPMsg.multipartUnterminated"),
        ("--b\r\nNo colon here\r\n\r\nx\r\n--b--", "HTTPMsg.multipartHeaderMalformed"),
        ("--b\r\n folded: header\r\n\r\nx\r\n--b--", "HTTPMsg.multipartHeaderMalformed"),
        ("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "HTTPMsg.multipartDispositionMissing"),
        ("--b\r\n\r\nx\r\n--b--", "HTTPMsg.multipartDispositionMissing"),
        ("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--", "HTTPMsg.multipartDispositionMissing"),
        ("--b\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--b--", "HTTPMsg.multipartNameMissing"),
        ("--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--", "HTTPMsg.multipartNameMissing"),
    ])
    func malformed(_ body: String, _ expected: String) {
        #expect(Self.failure(Self.bytes(body)) == expected)
    }

    @Test("Headers longer than the cap, too many parts and headers that are not UTF-8 are refused")
    func limits() {
        let long = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: " + String(repeating: "x", count: Multipart.maxHeaderBytes) + "\r\n\r\nx\r\n--b--"
        #expect(Self.failure(Self.bytes(long)) == "HTTPMsg.multipartHeaderTooLong")
        let endless = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: " + String(repeating: "x", count: Multipart.maxHeaderBytes * 2)
        #expect(Self.failure(Self.bytes(endless)) == "HTTPMsg.multipartHeaderTooLong")
        let many = String(repeating: "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n", count: Multipart.maxParts + 1) + "--b--"
        #expect(Self.failure(Self.bytes(many)) == "HTTPMsg.multipartTooManyParts")
        let latin1 = Self.bytes("--b\r\nContent-Disposition: form-data; name=\"") + [0xE9] + Self.bytes("\"\r\n\r\nx\r\n--b--")
        #expect(Self.failure(latin1) == "HTTPMsg.multipartHeaderNotUTF8")
    }

    @Test("The boundary comes from Content-Type, quoted or not, and must be 1 to 70 printable characters")
    func boundaryParameter() throws {
        #expect(try Multipart.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(try Multipart.boundary(contentType: "multipart/form-data; charset=utf-8; BOUNDARY=\"a b;c\"") == "a b;c")
        #expect(throws: HTTPFailure.self) { try Multipart.boundary(contentType: "multipart/form-data") }
        #expect(throws: HTTPFailure.self) { try Multipart.boundary(contentType: "multipart/form-data; boundary=\"\"") }
        #expect(throws: HTTPFailure.self) { try Multipart.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) }
        #expect(throws: HTTPFailure.self) { try Multipart.boundary(contentType: "multipart/form-data; boundary=\"ends \"") }
    }

    @Test("Disposition parameters: escapes in quoted strings and RFC 8187 filename*")
    func dispositionParameters() {
        let parsed = HeaderParameters.parse(#"form-data; name="a\"b"; filename="x.jpg"; filename*=UTF-8''%E4%B8%AD%E6%96%87.jpg"#)
        #expect(parsed.value == "form-data")
        #expect(parsed.values["name"] == "a\"b")
        #expect(parsed.values["filename"] == "x.jpg")
        #expect(parsed.values["filename*"] == "中文.jpg")
        #expect(HeaderParameters.extendedValue("ISO-8859-1''x") == nil)
        #expect(HeaderParameters.extendedValue("UTF-8''%zz") == nil)
    }

    @Test("Random binary parts with a random boundary come back byte for byte")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let boundary = "----" + String((0..<Int.random(in: 1...40, using: &generator)).map { _ in
                "abcdefghijklmnopqrstuvwxyz0123456789'()+_,-./:=?".randomElement(using: &generator)!
            })
            var form = MultipartForm(boundary: boundary)
            var expected: [(String, [UInt8])] = []
            for index in 0..<Int.random(in: 1...6, using: &generator) {
                var content = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if Bool.random(using: &generator) { content += Array("\r\n--".utf8) + Array(boundary.utf8.dropLast()) }
                form.add(name: "f\(index)", filename: "p\(index)", bytes: content)
                expected.append(("f\(index)", content))
            }
            let parts = try Multipart.parse(form.body, boundary: boundary)
            #expect(parts.map(\.name) == expected.map(\.0))
            #expect(parts.map { Array($0.body) } == expected.map(\.1))
        }
    }

    @Test("Mutated bodies never crash the parser: they parse or are refused")
    func mutations() {
        var generator = SeededGenerator(seed: 7)
        var form = MultipartForm(boundary: "xyz")
        form.add(name: "category", value: "manhole-cover")
        form.add(name: "photo", filename: "a.jpg", bytes: Array(repeating: 0x41, count: 64))
        let original = form.body
        for _ in 0..<5000 {
            var body = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                switch Int.random(in: 0...2, using: &generator) {
                case 0 where !body.isEmpty: body[Int.random(in: 0..<body.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                case 1 where !body.isEmpty: body.remove(at: Int.random(in: 0..<body.count, using: &generator))
                default: body.insert([13, 10, 45][Int.random(in: 0...2, using: &generator)], at: Int.random(in: 0...body.count, using: &generator))
                }
            }
            body = Array(body.prefix(Int.random(in: 0...body.count, using: &generator)))
            _ = try? Multipart.parse(body, boundary: "xyz")
        }
    }

    @Test("Form-encoded fields: + is a space, %XX a byte of UTF-8, bad escapes are kept, the first value wins")
    func urlEncoded() {
        let fields = FormFields.urlEncoded(Array("a=1&b=two+words&c=%E4%B8%AD&d=%zz%4&a=2&empty=&flag".utf8))
        #expect(fields["a"] == "1")
        #expect(fields["b"] == "two words")
        #expect(fields["c"] == "中")
        #expect(fields["d"] == "%zz%4")
        #expect(fields["empty"] == nil)
        #expect(fields["flag"] == nil)
        #expect(FormFields.urlEncoded(Array("x=%2B%26".utf8))["x"] == "+&")
    }
}

/// SplitMix64: reproducible randomness for property tests.
struct SeededGenerator: RandomNumberGenerator {
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
