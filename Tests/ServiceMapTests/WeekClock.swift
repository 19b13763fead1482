import Foundation
import ServiceMap

/// Fixed instants on the wall clock of Asia/Shanghai, in the week that starts on Monday 2 March 2026.
enum WeekClock {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OpeningHours.shanghai
        return calendar
    }()

    static let days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// Monday 2 March 2026, 00:00 in Shanghai (16:00 UTC the day before).
    static let monday = calendar.date(from: DateComponents(year: 2026, month: 3, day: 2, hour: 0, minute: 0))!

    /// `at("Fr", "22:30")`; `week: 1` is the same time a week later.
    static func at(_ day: String, _ time: String, week: Int = 0) -> Date {
        let parts = time.split(separator: ":").map { Int($0)! }
        let dayIndex = days.firstIndex(of: day)!
        return calendar.date(from: DateComponents(
            year: 2026, month: 3, day: 2 + dayIndex + 7 * week, hour: parts[0], minute: parts[1]))!
    }

    /// `minute` minutes (0..<10080) after Monday 00:00, plus `seconds`.
    static func minuteOfWeek(_ minute: Int, seconds: Int = 0, week: Int = 0) -> Date {
        monday.addingTimeInterval(TimeInterval((week * 10_080 + minute) * 60 + seconds))
    }
}
