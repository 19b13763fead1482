import Foundation
import Synchronization
import TuanjuCore

/// When a service point is open: a documented subset of OpenStreetMap's `opening_hours`.
///
/// Accepted:
/// - `24/7`;
/// - rules separated by `;`, each an optional weekday selector followed by time ranges or by `off`
///   (`closed` is read as `off`); a rule without a selector applies to every day;
/// - weekday selectors `Mo Tu We Th Fr Sa Su`, ranges `Mo-Fr`, ranges that wrap the week end `Fr-Mo`,
///   and lists `Mo,We,Fr-Su`;
/// - time ranges `08:00-20:00`, several separated by commas `08:00-12:00,14:00-18:00`, `24:00` as an end,
///   and ranges past midnight `22:00-02:00` (open from 22:00 on the selected day until 02:00 the next day).
///
/// Day names and `off` are read in any letter case, spaces are free around separators, and `text` keeps a
/// normalised spelling (`mo-fr 8:00-20:00;su closed` becomes `Mo-Fr 08:00-20:00; Su off`).
/// Public holidays (`PH`, `SH`), months, weeks, years, `sunrise`, open ends (`18:00+`) and the other
/// selectors of the full grammar are refused with a message naming the position, never silently ignored.
///
/// Evaluation follows the OSM evaluators: for each weekday the last rule selecting it decides that day's
/// ranges (`Mo-Su 08:00-20:00; Su off` is closed on Sunday). A range past midnight belongs to the day it
/// starts on, so its spill-over into the next morning still holds when a later rule changes or closes that
/// next day: `Fr 22:00-02:00; Sa off` is open on Saturday at 01:00.
public struct OpeningHours: Sendable, Equatable {
    /// The normalised text (see the type's documentation).
    public let text: String
    /// The rules in their order of writing; later rules override earlier ones for the days they select.
    let rules: [Rule]

    /// The time zone of every service point in mainland China.
    public static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    public init(parsing text: String) throws(InputError) {
        var parser = OpeningHoursParser(text)
        rules = try parser.parseRules()
        self.text = rules.map(\.text).joined(separator: "; ")
    }

    /// `text` parsed (nil when it does not parse), remembered: every point of every search answer says whether it
    /// is open now, and most share a handful of spellings. At most `parsedCapacity` texts are kept; past that the
    /// memory starts again.
    static func parsed(_ text: String) -> OpeningHours? {
        if let known = parsedTexts.withLock({ $0[text] }) { return known }
        let hours = try? OpeningHours(parsing: text)
        parsedTexts.withLock { cache in
            if cache.count >= parsedCapacity { cache.removeAll(keepingCapacity: true) }
            cache[text] = .some(hours)
        }
        return hours
    }

    static let parsedCapacity = 4096
    private static let parsedTexts = Mutex<[String: OpeningHours?]>([:])

    /// Whether the place is open at `date`, read on the wall clock of `timeZone`.
    public func isOpen(at date: Date, in timeZone: TimeZone) -> Bool {
        // The wall clock by arithmetic on the zone's offset at that instant: the same answer as a Gregorian
        // Calendar's weekday, hour and minute, without making a Calendar for every point of every search answer.
        let local = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let minute = (local - days * 86_400) / 60
        // 1970-01-01 was a Thursday; Weekday counts Monday as 0.
        guard let weekday = Weekday(rawValue: ((days + 3) % 7 + 7) % 7) else { return false }
        return isOpen(on: weekday, atMinute: minute)
    }

    /// Whether the place is open on `day` at `minute` minutes after midnight (0..<1440).
    func isOpen(on day: Weekday, atMinute minute: Int) -> Bool {
        if ranges(on: day).contains(where: { $0.coversSameDay(minute) }) { return true }
        return ranges(on: day.previous).contains { $0.coversNextMorning(minute) }
    }

    /// The ranges that start on `day`: those of the last rule selecting it, none if no rule does.
    func ranges(on day: Weekday) -> [TimeRange] {
        rules.last { $0.selects(day) }?.ranges ?? []
    }
}

/// A day of the week, Monday first as in ISO 8601 and OSM.
enum Weekday: Int, Sendable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The OSM spelling: `Mo`, `Tu`, ...
    var code: String { ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][rawValue] }

    init?(code: String) {
        guard let index = Weekday.allCases.firstIndex(where: { $0.code.lowercased() == code.lowercased() }) else {
            return nil
        }
        self = Weekday.allCases[index]
    }

    var previous: Weekday { Weekday(rawValue: (rawValue + 6) % 7)! }
    var next: Weekday { Weekday(rawValue: (rawValue + 1) % 7)! }
}

/// From `start` to `end`, in minutes after midnight. `end` is 1...1440 and differs from `start`; an end at or
/// before the start means the range runs past midnight into the next day.
struct TimeRange: Sendable, Equatable {
    let start: Int
    let end: Int

    var runsPastMidnight: Bool { end <= start }

    func coversSameDay(_ minute: Int) -> Bool {
        minute >= start && (runsPastMidnight || minute < end)
    }

    func coversNextMorning(_ minute: Int) -> Bool {
        runsPastMidnight && minute < end
    }

    var text: String { "\(Self.clock(start))-\(Self.clock(end))" }

    static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// One `;`-separated rule: the days it selects and their ranges (none for `off`).
struct Rule: Sendable, Equatable {
    /// The days as written, e.g. `[Mo-Fr, Su]`; nil when the rule has no selector (every day).
    let selector: [DaySpan]?
    let ranges: [TimeRange]
    /// True for `24/7`, kept to write it back that way.
    var isAlwaysOpen = false

    var days: Set<Weekday> {
        guard let selector else { return Set(Weekday.allCases) }
        return selector.reduce(into: []) { $0.formUnion($1.days) }
    }

    /// Whether the rule selects `day`, without building `days`: every point of every search answer asks.
    func selects(_ day: Weekday) -> Bool {
        guard let selector else { return true }
        return selector.contains { $0.contains(day) }
    }

    var text: String {
        if isAlwaysOpen { return "24/7" }
        let times = ranges.isEmpty ? "off" : ranges.map(\.text).joined(separator: ",")
        guard let selector else { return times }
        return selector.map(\.text).joined(separator: ",") + " " + times
    }
}

/// `Mo`, or `Mo-Fr`, or `Fr-Mo` (wrapping over the week end).
struct DaySpan: Sendable, Equatable {
    let first: Weekday
    let last: Weekday

    var days: Set<Weekday> {
        var result: Set<Weekday> = [first]
        var day = first
        while day != last {
            day = day.next
            result.insert(day)
        }
        return result
    }

    /// Whether `day` is in the span: at most as many days after `first` as `last` is (counting over the week end).
    func contains(_ day: Weekday) -> Bool {
        (day.rawValue - first.rawValue + 7) % 7 <= (last.rawValue - first.rawValue + 7) % 7
    }

    var text: String { first == last ? first.code : "\(first.code)-\(last.code)" }
}
