import Foundation
import ServiceMap
import Testing
import TuanjuCore

@Suite("Opening hours: reading and refusing")
struct OpeningHoursTests {
    @Test("Accepted spellings read back in their normalised form", arguments: [
        ("24/7", "24/7"),
        ("Mo-Fr 08:00-20:00", "Mo-Fr 08:00-20:00"),
        ("mo-fr 8:00-20:00;su closed", "Mo-Fr 08:00-20:00; Su off"),
        ("Mo-Su 08:00-20:00; Su off", "Mo-Su 08:00-20:00; Su off"),
        ("Fr-Mo 10:00-14:00", "Fr-Mo 10:00-14:00"),
        ("Mo,We,Fr-Su 08:00-12:00,14:00-18:00", "Mo,We,Fr-Su 08:00-12:00,14:00-18:00"),
        ("08:00-20:00", "08:00-20:00"),
        ("Fr 22:00-02:00", "Fr 22:00-02:00"),
        ("Mo-Fr 00:00-24:00", "Mo-Fr 00:00-24:00"),
        ("Sa-Su 18:00-24:00", "Sa-Su 18:00-24:00"),
        ("  Mo - Fr 08:00 - 20:00 ;Sa 09:00-12:00 , 13:00-15:30  ", "Mo-Fr 08:00-20:00; Sa 09:00-12:00,13:00-15:30"),
        ("24/7; Su off", "24/7; Su off"),
        ("off", "off"),
        ("MO-FR 07:30-19:45; SA,SU OFF", "Mo-Fr 07:30-19:45; Sa,Su off"),
    ])
    func accepted(text: String, normalised: String) throws {
        let hours = try OpeningHours(parsing: text)
        #expect(hours.text == normalised)
        #expect(try OpeningHours(parsing: hours.text) == hours, "the normalised text reads back the same")
    }

    @Test("Spellings that differ only in case and spacing are equal")
    func equality() throws {
        #expect(try OpeningHours(parsing: "mo-fr 8:00-20:00") == OpeningHours(parsing: "Mo-Fr 08:00-20:00"))
        #expect(try OpeningHours(parsing: "Mo-Fr 08:00-20:00") != OpeningHours(parsing: "Mo-Sa 08:00-20:00"))
    }

    /// (text, message, offending token, 1-based position)
    static let refusals: [(String, MapMsg, String, Int)] = [
        ("Mo-Fx 08:00-20:00", .hoursUnexpected, "Fx", 4),
        ("Mo-Fr 25:00-26:00", .hoursHourInvalid, "25:00", 7),
        ("Mo-Fr 08:60-20:00", .hoursMinuteInvalid, "08:60", 7),
        ("Mo-Fr 08:00-24:30", .hoursMidnightEnd, "24:30", 13),
        ("24:00-08:00", .hoursMidnightEnd, "24:00", 1),
        ("Mo 08:00-08:00", .hoursEmptyRange, "08:00-08:00", 4),
        ("Sa 00:00 - 00:00", .hoursEmptyRange, "00:00 - 00:00", 4),
        ("Mo-Fr 08:00-20:00;", .hoursIncomplete, ";", 18),
        ("Mo-Fr 08:00-20:00;;Sa off", .hoursUnexpected, ";", 19),
        ("; Mo off", .hoursUnexpected, ";", 1),
        ("Mo-Fr 08:00-12:00,", .hoursIncomplete, ",", 18),
        ("Mo-Fr 08:00-", .hoursIncomplete, "-", 12),
        ("Mo-Fr", .hoursIncomplete, "Fr", 4),
        ("Mo- 08:00-20:00", .hoursUnexpected, "08:00", 5),
        ("Mo,,Tu 08:00-20:00", .hoursUnexpected, ",", 4),
        ("Mo Tu 08:00-20:00", .hoursUnexpected, "Tu", 4),
        ("Mo-Fr 08:00-20:00 Sa off", .hoursUnexpected, "Sa", 19),
        ("Mo-Fr 8-20", .hoursUnexpected, "8", 7),
        ("Mo-Fr 0800-2000", .hoursUnexpected, "0800", 7),
        ("Mo-Fr 08:00-20:00 || Sa off", .hoursUnexpected, "|", 19),
        ("24/7 Mo off", .hoursUnexpected, "Mo", 6),
        ("Mo-Fr 24/7", .hoursUnexpected, "24/7", 7),
        ("营业 08:00-20:00", .hoursUnexpected, "营业", 1),
        ("garbage", .hoursUnexpected, "garbage", 1),
        ("Mo-Fr 08:00-20:00; Sa 10:00-25:00", .hoursHourInvalid, "25:00", 29),
        ("PH off", .hoursUnsupported, "PH", 1),
        ("Mo-Fr 08:00-20:00; PH off", .hoursUnsupported, "PH", 20),
        ("Jan-Mar Mo-Fr 08:00-20:00", .hoursUnsupported, "Jan", 1),
        ("Mo-Fr 08:00+", .hoursUnsupported, "+", 12),
        ("Mo[1] 10:00-12:00", .hoursUnsupported, "[", 3),
        ("sunrise-sunset", .hoursUnsupported, "sunrise", 1),
    ]

    @Test("Refusals name the offending token and its position")
    func refusalsSayWhere() {
        for (text, message, token, position) in Self.refusals {
            let error = refusal(text)
            #expect(error == .invalid(message, ["text": text, "token": token, "position": "\(position)"]), "\(text)")
            let english = Language.$current.withValue(.en) { error?.message ?? "" }
            #expect(english.contains("\"\(token)\" at position \(position)"), "\(text): \(english)")
        }
    }

    @Test("The English and Chinese messages read as the brief shows")
    func messageWording() {
        let error = refusal("Mo-Fx 08:00-20:00")
        #expect(Language.$current.withValue(.en) { error?.message }
            == "opening hours \"Mo-Fx 08:00-20:00\": unexpected \"Fx\" at position 4")
        #expect(Language.$current.withValue(.zh) { error?.message }
            == "营业时间“Mo-Fx 08:00-20:00”:第 4 个字符处的“Fx”无法识别")
    }

    @Test("Empty text is refused", arguments: ["", "   ", "\t"])
    func emptyRefused(text: String) {
        #expect(refusal(text) == .invalid(MapMsg.hoursEmpty))
    }

    func refusal(_ text: String) -> InputError? {
        do throws(InputError) {
            _ = try OpeningHours(parsing: text)
            return nil
        } catch {
            return error
        }
    }
}
