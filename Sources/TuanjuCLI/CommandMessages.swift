import ArgumentParser
import Foundation
import Riders
import TuanjuCore

// Bridges from the message catalogue to ArgumentParser and to human output.

extension ArgumentHelp {
    /// Help text from the catalogue, in the language of this run.
    init(_ message: CLIMsg, valueName: String? = nil) {
        self.init(message.text, valueName: valueName)
    }

    /// The same for a message of another catalogue: `ArgumentHelp(MapCLIMsg.optLat)`.
    init(_ message: any CatalogMessage, valueName: String? = nil) {
        self.init(message.text, valueName: valueName)
    }
}

extension Bool {
    /// 是/否 or yes/no.
    var localized: String { (self ? CLIMsg.yes : CLIMsg.no).text }
}

extension Platform {
    /// 美团 / 饿了么 / 其他, or Meituan / Ele.me / other.
    var localized: String {
        switch self {
        case .meituan: CLIMsg.platformMeituan.text
        case .eleme: CLIMsg.platformEleme.text
        case .other: CLIMsg.platformOther.text
        }
    }
}

/// Shows a name from Seed in the chosen language: `name_zh` in Chinese, `name` in English.
func localizedName(en: String, zh: String) -> String {
    Language.current == .zh ? zh : en
}

/// Human display of ISO-8601 times: in Asia/Shanghai (or `TUANJU_TZ`), `2026-11-29 10:43`.
enum DisplayTime {
    static func of(_ iso: String) -> String {
        guard let date = Timestamp.parse(iso) else { return iso }
        let zoneName = Console.current.environment["TUANJU_TZ"] ?? "Asia/Shanghai"
        let zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: "Asia/Shanghai")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
