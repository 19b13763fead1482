import Foundation
import ServiceMap
import Testing

@Suite("Opening hours: open or closed at an instant")
struct OpeningHoursEvaluationTests {
    /// (hours, day, time in Shanghai, expected open)
    typealias Instant = (String, String, Bool)

    func check(_ text: String, _ instants: [Instant], week: Int = 0) throws {
        let hours = try OpeningHours(parsing: text)
        for (day, time, expected) in instants {
            let open = hours.isOpen(at: WeekClock.at(day, time, week: week), in: OpeningHours.shanghai)
            #expect(open == expected, "\(text) at \(day) \(time)")
        }
    }

    @Test("The test week starts on a Monday in Shanghai")
    func fixture() {
        #expect(WeekClock.calendar.component(.weekday, from: WeekClock.monday) == 2)
        #expect(WeekClock.monday.timeIntervalSince1970 == 1_772_380_800)
    }

    @Test("Working days: the start minute is open, the end minute is closed")
    func workingDays() throws {
        try check("Mo-Fr 08:00-20:00", [
            ("Mo", "07:59", false), ("Mo", "08:00", true), ("We", "12:00", true), ("Fr", "19:59", true),
            ("Fr", "20:00", false), ("Sa", "12:00", false), ("Su", "12:00", false), ("Mo", "00:00", false),
        ])
    }

    @Test("Several ranges in a day leave the gaps closed")
    func lunchBreak() throws {
        try check("Mo,We,Fr-Su 08:00-12:00,14:00-18:00", [
            ("Mo", "11:59", true), ("Mo", "12:00", false), ("Mo", "13:59", false), ("Mo", "14:00", true),
            ("Tu", "09:00", false), ("Th", "15:00", false), ("Fr", "09:00", true), ("Su", "17:59", true),
            ("Su", "18:00", false),
        ])
    }

    @Test("24/7 is always open, and 00:00-24:00 covers the whole day")
    func allDay() throws {
        try check("24/7", WeekClock.days.flatMap { [($0, "00:00", true), ($0, "12:34", true), ($0, "23:59", true)] })
        try check("Sa-Su 00:00-24:00", [
            ("Sa", "00:00", true), ("Su", "23:59", true), ("Fr", "23:59", false), ("Mo", "00:00", false),
        ])
        try check("24/7; Su off", [
            ("Sa", "23:59", true), ("Su", "00:00", false), ("Su", "23:59", false), ("Mo", "00:00", true),
        ])
    }

    @Test("A rule without days applies to every day")
    func everyDay() throws {
        try check("10:00-22:00", WeekClock.days.flatMap {
            [($0, "09:59", false), ($0, "10:00", true), ($0, "22:00", false)]
        })
    }

    @Test("A range past midnight runs into the next morning")
    func pastMidnight() throws {
        try check("Fr 22:00-02:00", [
            ("Fr", "21:59", false), ("Fr", "22:00", true), ("Fr", "23:59", true), ("Sa", "00:00", true),
            ("Sa", "01:00", true), ("Sa", "01:59", true), ("Sa", "02:00", false), ("Fr", "01:00", false),
            ("Th", "23:00", false),
        ])
    }

    @Test("A Sunday night range wraps into Monday of the next week")
    func sundayIntoMonday() throws {
        try check("Su 20:00-03:00", [("Su", "23:30", true), ("Mo", "02:59", true), ("Mo", "03:00", false)], week: 0)
        try check("Su 20:00-03:00", [("Mo", "01:00", true), ("Su", "19:59", false)], week: 1)
        try check("Sa-Su 18:00-06:00", [("Mo", "05:59", true), ("Sa", "05:59", false), ("Su", "05:59", true)])
    }

    @Test("Later rules override earlier ones for the days they select")
    func overrides() throws {
        try check("Mo-Su 08:00-20:00; Su off", [("Sa", "12:00", true), ("Su", "12:00", false), ("Mo", "12:00", true)])
        try check("Mo-Fr 08:00-20:00; We 10:00-12:00", [
            ("We", "09:00", false), ("We", "11:00", true), ("We", "13:00", false), ("Th", "09:00", true),
        ])
        try check("Sa off; Mo-Su 09:00-17:00", [("Sa", "12:00", true)])
        try check("Fr-Mo 10:00-14:00; Su closed", [
            ("Fr", "11:00", true), ("Su", "11:00", false), ("Mo", "11:00", true), ("Tu", "11:00", false),
        ])
    }

    @Test("The spill-over past midnight holds even when a later rule closes the next day")
    func spillOverSurvivesOverride() throws {
        try check("Fr 22:00-02:00; Sa off", [("Sa", "01:00", true), ("Sa", "02:00", false), ("Sa", "23:00", false)])
        try check("Mo-Su 18:00-02:00; Sa off", [("Sa", "01:00", true), ("Sa", "19:00", false), ("Su", "01:00", false)])
        // Overriding the day the range starts on does remove its spill-over.
        try check("Mo-Su 18:00-02:00; Fr 10:00-12:00", [("Sa", "01:00", false), ("Fr", "01:00", true)])
    }

    @Test("The wall clock is read in the time zone given")
    func timeZones() throws {
        let hours = try OpeningHours(parsing: "Mo-Fr 08:00-20:00")
        let mondayNine = WeekClock.at("Mo", "09:00")    // 01:00 UTC
        #expect(hours.isOpen(at: mondayNine, in: OpeningHours.shanghai))
        #expect(!hours.isOpen(at: mondayNine, in: TimeZone(identifier: "UTC")!))
        #expect(OpeningHours.shanghai.identifier == "Asia/Shanghai")
    }

    @Test("The wall clock by arithmetic agrees with a Gregorian calendar's, before 1970 and across daylight saving")
    func wallClockMatchesCalendar() throws {
        // One open minute a week: isOpen is true exactly when the weekday, hour and minute all match.
        var generator = SystemRandomNumberGenerator()
        for zone in ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"] {
            let timeZone = try #require(TimeZone(identifier: zone))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            for _ in 0..<300 {
                let date = Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &generator).rounded())
                let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
                let day = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"][(parts.weekday ?? 1) - 1]
                let start = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
                let endMinute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0) + 1
                let end = String(format: "%02d:%02d", endMinute / 60, endMinute % 60)
                let hours = try OpeningHours(parsing: "\(day) \(start)-\(end)")
                #expect(hours.isOpen(at: date, in: timeZone), "\(zone) \(date) \(day) \(start)")
                #expect(!hours.isOpen(at: date.addingTimeInterval(86_400 * 3), in: timeZone) || zone != "UTC", "\(zone) \(date)")
            }
        }
    }
}
