import Foundation

/// The language of human output. JSON keys, error codes, exit codes and IDs never change with it.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zh

    /// The language of the command running now (bound by the CLI for one command; English by default).
    @TaskLocal public static var current = Language.en

    /// `--lang`, else `TUANJU_LANG`, else the POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh*` is
    /// Chinese), else English.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        if let env = environment["TUANJU_LANG"], let language = Language(code: env) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// `zh`, `zh_CN.UTF-8`, `zh-Hans` → Chinese; `en`, `en_US` → English; anything else → nil.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("zh") { self = .zh } else if lowered.hasPrefix("en") { self = .en } else { return nil }
    }
}

/// One catalogue of messages: every case carries its English and Chinese text. Each module keeps the messages it
/// owns in its own catalogue (`RiderMsg` in Riders, `HTTPMsg` in TuanjuHTTP, `CLIMsg` in TuanjuCLI, ...); `Msg`
/// holds only what several modules share. CatalogTests lists every catalogue and fails on one it does not list.
public protocol CatalogMessage: Sendable {
    /// `(english, chinese)`, with `{name}` marking an argument.
    var texts: (en: String, zh: String) { get }
    /// A stable name, unique across catalogues (`GovernanceMsg.taskFull`).
    var key: String { get }
}

extension CatalogMessage where Self: RawRepresentable, Self.RawValue == String {
    public var key: String { "\(Self.self).\(rawValue)" }
}

extension CatalogMessage {
    /// The template in `language` with each `{name}` replaced by its argument. One pass over the template:
    /// an argument is never searched for placeholders, so a user's text that reads `{position}` is quoted as
    /// written (replacing argument by argument would fill it in, or not, by the dictionary's order).
    public func text(_ arguments: [String: String] = [:], in language: Language = .current) -> String {
        let pair = texts
        var rest = Substring(language == .zh ? pair.zh : pair.en)
        var result = ""
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = arguments[String(rest[afterOpen..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// Shorthand for `text(in: .current)` with no arguments.
    public var text: String { text([:]) }
}

/// A message and its arguments, rendered in whichever language is current when it is shown.
public struct LocalizedText: Sendable, Equatable, CustomStringConvertible {
    public let message: any CatalogMessage
    public let arguments: [String: String]

    public init(_ message: Msg, _ arguments: [String: String] = [:]) {
        self.message = message
        self.arguments = arguments
    }

    public init(_ message: any CatalogMessage, _ arguments: [String: String] = [:]) {
        self.message = message
        self.arguments = arguments
    }

    public func rendered(in language: Language = .current) -> String {
        message.text(arguments, in: language)
    }

    public var description: String { rendered() }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.message.key == rhs.message.key && lhs.arguments == rhs.arguments
    }
}
