import Foundation
import Testing
@testable import TuanjuCLI

@Suite("Chinese and English output")
struct LanguageTests {
    func golden(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("roles list prints an aligned table with Chinese names in Chinese", arguments: ["zh", "en"])
    func rolesTable(_ lang: String) throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["roles", "list", "--lang", lang])
        #expect(result.exit == 0)
        #expect(result.stdout == (try golden("roles-list.\(lang).txt")))
    }

    @Test("Every line of the Chinese table has its columns at the same display positions")
    func alignment() throws {
        let lines = try golden("roles-list.zh.txt").split(separator: "\n").map(String.init)
        let header = lines[0]
        // The last column starts where the header's last column starts, on every row.
        let start = DisplayWidth.of(String(header[..<header.range(of: "积分")!.lowerBound]))
        for line in lines.dropFirst(2) {
            let prefix = line.prefix { !$0.isNumber }
            #expect(DisplayWidth.of(String(prefix)) == start, "misaligned: \(line)")
        }
    }

    @Test("LANG=zh_CN.UTF-8 narrates the demo in Chinese and LANG=C in English")
    func demo() {
        for (lang, expected, absent) in [("zh_CN.UTF-8", "安装", "Set up"), ("C", "Set up", "安装")] {
            let output = CapturedOutput()
            let exit = TuanjuCLI.run(["demo"], console: output.console(environment: ["LANG": lang]))
            #expect(exit == 0, "\(output.stderr)")
            #expect(output.stdout.contains(expected))
            #expect(!output.stdout.contains(absent))
        }
    }

    @Test("An error keeps its code and carries the message in the chosen language")
    func errorLanguage() throws {
        let sandbox = try Sandbox()
        let zh = sandbox.run(["users", "list", "--json"], token: "tj_nope", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.exit == 77)
        #expect(zh.errorCode == "unauthenticated")
        #expect(zh.stderr.contains("令牌无效"))
        let en = sandbox.run(["users", "list"], token: "tj_nope", environment: ["TUANJU_LANG": "en", "LANG": "zh_CN"])
        #expect(en.stderr == "error: the token is unknown or has been revoked\n")
    }

    @Test("JSON output does not change with the language")
    func jsonStable() throws {
        let sandbox = try Sandbox()
        let zh = sandbox.run(["roles", "list", "--json", "--lang", "zh"])
        let en = sandbox.run(["roles", "list", "--json", "--lang", "en"])
        #expect(zh.stdout == en.stdout)
    }

    @Test("Help text follows the language")
    func help() {
        let output = CapturedOutput()
        _ = TuanjuCLI.run(["riders", "import", "--help", "--lang", "zh"], console: output.console(environment: [:]))
        #expect(output.stdout.contains("从 CSV 导入骑手"))
    }

    @Test("Times are shown in Asia/Shanghai")
    func shanghaiTime() {
        Console.$current.withValue(CapturedOutput().console(environment: [:])) {
            #expect(DisplayTime.of("2026-11-29T02:43:00Z") == "2026-11-29 10:43")
        }
    }
}
