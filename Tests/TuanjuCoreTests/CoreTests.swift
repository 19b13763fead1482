import Foundation
import Testing
import TuanjuCore

@Suite("Core values")
struct CoreTests {
    @Test("Identifiers carry their prefix, 16 base32 characters, and do not repeat")
    func identifiers() {
        let ids = (0..<10_000).map { _ in Identifier.make("rdr") }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { Identifier.isWellFormed($0, prefix: "rdr") })
        #expect(!Identifier.isWellFormed("rdr_short", prefix: "rdr"))
        #expect(!Identifier.isWellFormed(ids[0], prefix: "usr"))
    }

    @Test("Cleaning text removes control characters and trims")
    func cleaning() throws {
        #expect(Text.clean("  李\u{0007}骑手\u{202E}\n ") == "李骑手")
        #expect(throws: InputError.self) { try Text.label(" \t ", field: .fieldName) }
        #expect(throws: InputError.self) { try Text.label(String(repeating: "长", count: 101), field: .fieldName) }
        #expect(try Text.label(String(repeating: "长", count: 100), field: .fieldName).count == 100)
    }

    @Test("Timestamps are ISO-8601 with a zone and parse back")
    func timestamps() throws {
        let date = Date(timeIntervalSince1970: 1_764_384_000)
        let text = Timestamp.iso(date)
        #expect(text == "2025-11-29T02:40:00Z")
        #expect(Timestamp.parse(text) == date)
        #expect(Timestamp.parse("2025-11-29T10:40:00+08:00") == date)
        #expect(Timestamp.parse("yesterday") == nil)
    }
}
