import Testing
import TuanjuCore

// The catalogues of every module, and the check of both languages and the arguments, are in Tests/CatalogTests;
// these tests are about the machinery: filling arguments and choosing the language.
@Suite("Message rendering and language")
struct MessageRenderingTests {
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
            #expect(Msg.inputTooLong.text(["field": "{count}", "count": "{field}", "max": "2"], in: .en)
                == "{count} is {field} characters long; at most 2 allowed")
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
