import Foundation
import TuanjuCore

/// The times of day a rider does not want reminders, in Asia/Shanghai: by default the meal peaks, when riders
/// are on the road and a message is a distraction. A reminder due in a quiet period waits until it ends.
///
/// Written `11:00-13:00,17:00-19:30`, or `none`. A period whose end is before its start runs over midnight
/// (`22:00-07:00`). At most `maxPeriods`; start and end differ.
public struct QuietHours: Sendable, Equatable {
    /// One period, in minutes after local midnight; `end < start` wraps past midnight.
    public struct Period: Sendable, Equatable {
        public let start: Int
        public let end: Int

        func contains(_ minute: Int) -> Bool {
            start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
        }
    }

    public let periods: [Period]

    /// The meal peaks: what every rider has until they change it.
    public static let defaultText = "11:00-13:00,17:00-19:30"
    public static let maxPeriods = 6
    /// China has kept UTC+8 all year since 1992; the fallback only matters on a machine without tzdata.
    public static let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    public init(periods: [Period]) { self.periods = periods }

    /// Parses what a rider typed; `none` (or `无`) is no quiet hours. Bad input is refused with the text named.
    public init(parsing raw: String) throws(InputError) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .invalid(ReminderMsg.quietHoursInvalid, ["text": raw]) }
        if ["none", "无"].contains(text.lowercased()) {
            self.init(periods: [])
            return
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count <= Self.maxPeriods else {
            throw .invalid(ReminderMsg.quietHoursTooMany, ["max": "\(Self.maxPeriods)"])
        }
        var periods: [Period] = []
        for part in parts {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let start = Self.minute(String(ends[0])), let end = Self.minute(String(ends[1])), start != end else {
                throw .invalid(ReminderMsg.quietHoursInvalid, ["text": part.isEmpty ? raw : part])
            }
            periods.append(Period(start: start, end: end))
        }
        self.init(periods: periods)
    }

    /// `HH:MM`, 00:00 to 23:59 (`24:00` is allowed as an end of day).
    private static func minute(_ text: String) -> Int? {
        let pieces = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
              let hour = Int(pieces[0]), let minute = Int(pieces[1]), pieces.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              (0...59).contains(minute), (0...23).contains(hour) || (hour == 24 && minute == 0)
        else { return nil }
        return (hour * 60 + minute) % 1440
    }

    /// The stored and shown form: `11:00-13:00,17:00-19:30`, or `none`.
    public var text: String {
        guard !periods.isEmpty else { return "none" }
        return periods.map { Self.clock($0.start) + "-" + Self.clock($0.end) }.joined(separator: ",")
    }

    private static func clock(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    /// When something due at `date` may reach the rider: `date` itself outside quiet hours, else the end of the
    /// quiet period it falls in (following periods that touch or overlap one after another); nil when the periods
    /// cover the whole day (the rider wants no reminders at all).
    public func release(_ date: Date) -> Date? {
        var moment = date
        // Each step moves to the end of a period; more steps than periods would mean they cover the whole day.
        for _ in 0...periods.count {
            let minute = Self.minuteOfDay(moment)
            guard let period = periods.first(where: { $0.contains(minute) }) else { return moment }
            let ahead = (period.end - minute + 1440) % 1440
            // Back to the start of the minute, then forward to the period's end.
            let second = Self.calendar.component(.second, from: moment)
            let fraction = moment.timeIntervalSinceReferenceDate - floor(moment.timeIntervalSinceReferenceDate)
            moment = moment.addingTimeInterval(Double(ahead * 60 - second) - fraction)
        }
        return nil
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    private static func minuteOfDay(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// `2026-12-06 14:00`, Asia/Shanghai: how a notification names a time.
    public static func local(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
                      parts.minute ?? 0)
    }
}
