import Testing
import TuanjuCore

@Suite("Message catalogue")
struct CatalogTests {
    static func placeholders(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static let everyMessage: [any CatalogMessage] =
        Msg.allCases.map { $0 as any CatalogMessage } + MapMsg.allCases.map { $0 as any CatalogMessage }
        + ReportMsg.allCases.map { $0 as any CatalogMessage } + EngageMsg.allCases.map { $0 as any CatalogMessage }
        + HTTPMsg.allCases.map { $0 as any CatalogMessage } + OpsMsg.allCases.map { $0 as any CatalogMessage }
        + FaultMsg.allCases.map { $0 as any CatalogMessage }
        + PageMsg.allCases.map { $0 as any CatalogMessage } + UsageMsg.allCases.map { $0 as any CatalogMessage }
        + PhotoMsg.allCases.map { $0 as any CatalogMessage }

    @Test("Every message exists in English and Chinese, with the same arguments")
    func complete() {
        for message in Self.everyMessage { check(message) }
        #expect(Set(Self.everyMessage.map(\.key)).count == Self.everyMessage.count)
    }

    func check(_ message: any CatalogMessage) {
        let (en, zh) = message.texts
        #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(message) has no English text")
        #expect(!zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(message) has no Chinese text")
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(message)'s Chinese text has no Chinese")
        #expect(Self.placeholders(en) == Self.placeholders(zh), "\(message) names different arguments")
    }

    @Test("Arguments are filled in the chosen language")
    func render() {
        #expect(Msg.riderNotFound.text(["id": "rdr_x"], in: .en) == "no rider rdr_x")
        #expect(Msg.riderNotFound.text(["id": "rdr_x"], in: .zh) == "没有编号为 rdr_x 的骑手")
        #expect(Language.$current.withValue(.zh) { LocalizedText(.busy).rendered() } == "数据库繁忙,请稍后重试")
    }

    @Test("An argument that reads like a placeholder is quoted as written, never filled in")
    func argumentsAreNotTemplates() {
        // Given arguments that name each other, as a user's text can; When rendered many times (the
        // arguments' order in a dictionary varies between processes), Then each appears as given.
        for _ in 0..<20 {
            #expect(Msg.importFieldCount.text(["expected": "{found}", "found": "{expected}"], in: .en)
                == "expected {found} fields, found {expected}")
        }
        #expect(Msg.riderNotFound.text([:], in: .en) == "no rider {id}", "a missing argument leaves its placeholder")
        #expect(Msg.riderNotFound.text(["id": "{"], in: .en) == "no rider {")
    }

    @Test("The language follows --lang, then TUANJU_LANG, then the POSIX locale, else English")
    func resolution() {
        #expect(Language.resolve(flag: "zh", environment: ["LANG": "C"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["TUANJU_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LC_MESSAGES": "zh_TW", "LANG": "C"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: [:]) == .en)
        #expect(Language.resolve(flag: "fr", environment: ["LANG": "zh_CN"]) == .zh)
    }
}
