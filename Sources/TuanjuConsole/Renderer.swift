import Foundation
import Mustache
import TuanjuCore

/// The console's templates and static files, read once from the module's resource bundle at start-up.
struct Renderer: Sendable {
    let library: MustacheLibrary
    let css: Data
    let javascript: Data

    /// Reads `Resources/templates/*.mustache` (registered by file name, so `{{> header}}` finds a partial) and
    /// the two static files. A template that does not parse stops the server from starting, not a page later.
    static func load() throws -> Renderer {
        guard let root = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw InputError.missingFile(path: "Resources", reason: "the console's resource bundle is missing")
        }
        var library = MustacheLibrary()
        let templates = root.appendingPathComponent("templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        let statics = root.appendingPathComponent("static")
        return Renderer(
            library: library,
            css: try Data(contentsOf: statics.appendingPathComponent("console.css")),
            javascript: try Data(contentsOf: statics.appendingPathComponent("console.js")))
    }

    /// The page `template` filled with `context`; every `{{value}}` is HTML-escaped by Mustache.
    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// Every word of the catalogue in `language`, for `{{t.name}}`.
    static func words(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ConsoleMsg.allCases.map { ($0.rawValue, $0.text([:], in: language)) })
    }

    static let wordsZh = words(.zh)
    static let wordsEn = words(.en)
}
