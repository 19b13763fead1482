import Foundation
import Testing

@Suite("tuanju riders import")
struct ImportTests {
    let header = "name,phone,platform,party_member,branch\n"

    @Test("Valid rows are imported, each bad row is reported by line, and the exit code is 65")
    func partialImport() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = try sandbox.file("riders.csv", header + """
            陈,13700001111,meituan,是,流动党支部
            赵,13700002222,eleme,否,
            钱,12345,meituan,no,
            孙,13700003333,bicycle,no,
            "周, 小","137-0000-4444",other,yes,"multi
            line branch"
            吴,13700005555,meituan
            郑,13700006666,meituan,maybe,

            """)
        let result = sandbox.run(["riders", "import", path, "--json"], token: coordinator)
        #expect(result.exit == 65)
        #expect(result.errorCode == "invalid_input")
        let summary = try result.object()
        #expect(summary["imported"] as? Int == 3)
        #expect(summary["skipped"] as? Int == 4)
        let errors = try #require(summary["errors"] as? [[String: Any]])
        #expect(errors.map { $0["line"] as? Int } == [4, 5, 8, 9])
        #expect((errors[2]["message"] as? String)?.contains("expected 5 fields") == true)
        let names = try sandbox.run(["riders", "list", "--json"], token: coordinator).array().map { $0["name"] as! String }
        #expect(Set(names) == ["陈", "赵", "周, 小"])
    }

    @Test("Importing the same file twice creates no duplicates; a changed row updates")
    func idempotent() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = try sandbox.file("riders.csv", header + "陈,13700001111,meituan,yes,\n赵,13700002222,eleme,no,\n")
        #expect(try sandbox.ok(["riders", "import", path], token: coordinator)["imported"] as? Int == 2)
        let again = try sandbox.ok(["riders", "import", path], token: coordinator)
        #expect(again["imported"] as? Int == 0)
        #expect(again["unchanged"] as? Int == 2)
        let changed = try sandbox.file("changed.csv", header + "陈,13700001111,eleme,yes,\n")
        #expect(try sandbox.ok(["riders", "import", changed], token: coordinator)["updated"] as? Int == 1)
        #expect(try sandbox.run(["riders", "list", "--json"], token: coordinator).array().count == 2)
    }

    @Test("Columns may come in any order, with CRLF line ends and a byte-order mark")
    func headerOrderAndCRLF() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let text = "\u{FEFF}phone,name,branch,party_member,platform\r\n13700001111,陈,,no,eleme\r\n"
        let path = try sandbox.file("riders.csv", text)
        #expect(try sandbox.ok(["riders", "import", path], token: coordinator)["imported"] as? Int == 1)
        let rider = try sandbox.run(["riders", "list", "--json"], token: coordinator).array()[0]
        #expect(rider["name"] as? String == "陈")
        #expect(rider["platform"] as? String == "eleme")
    }

    @Test("--strict imports nothing when any row is bad")
    func strict() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = try sandbox.file("riders.csv", header + "陈,13700001111,meituan,yes,\n钱,12345,meituan,no,\n")
        try sandbox.expectRefusal(["riders", "import", path, "--strict"], token: coordinator, exit: 65, code: "invalid_input")
    }

    @Test("An empty file, a bad header and a missing file change nothing")
    func wholeFileErrors() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let empty = try sandbox.file("empty.csv", "")
        try sandbox.expectRefusal(["riders", "import", empty], token: coordinator, exit: 65, code: "invalid_input")
        let badHeader = try sandbox.file("bad.csv", "name,mobile,platform,party_member,branch\n陈,13700001111,meituan,yes,\n")
        try sandbox.expectRefusal(["riders", "import", badHeader], token: coordinator, exit: 65, code: "invalid_input")
        try sandbox.expectRefusal(["riders", "import", sandbox.root + "/nope.csv"], token: coordinator, exit: 66, code: "no_input")
        try sandbox.expectRefusal(["riders", "import", sandbox.root], token: coordinator, exit: 66, code: "no_input")
    }

    @Test("A row with invalid UTF-8 is reported with its line and the rows around it are imported")
    func invalidUTF8() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        var bytes = Array((header + "陈,13700001111,meituan,yes,\n").utf8)
        bytes += Array("bad".utf8) + [0xC3, 0x28] + Array(",13700002222,eleme,no,\n".utf8)
        bytes += Array("赵,13700003333,eleme,no,\n".utf8)
        let path = try sandbox.file("utf8.csv", bytes: bytes)
        let result = sandbox.run(["riders", "import", path, "--json"], token: coordinator)
        #expect(result.exit == 65)
        let summary = try result.object()
        #expect(summary["imported"] as? Int == 2)
        let errors = try #require(summary["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors[0]["line"] as? Int == 3)
        #expect((errors[0]["message"] as? String)?.contains("UTF-8") == true)
    }

    @Test("A 100 MB file with one endless line is streamed, reported and imports nothing")
    func hugeFile() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = sandbox.root + "/huge.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data("\n陈,13700001111,meituan,yes,\n".utf8))
        try handle.close()
        let result = sandbox.run(["riders", "import", path, "--json"], token: coordinator)
        #expect(result.exit == 65)
        let summary = try result.object()
        #expect(summary["imported"] as? Int == 1)
        let errors = try #require(summary["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors[0]["line"] as? Int == 2)
        #expect((errors[0]["message"] as? String)?.contains("longer than") == true)
    }
}
