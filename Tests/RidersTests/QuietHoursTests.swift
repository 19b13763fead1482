import Foundation
import Testing
import TuanjuCore
@testable import Riders

@Suite("Quiet hours and the timing of reminders")
struct QuietHoursTests {
    /// `2030-03-05 11:30` in Asia/Shanghai.
    static func sh(_ text: String) -> Date {
        Timestamp.parse(text.replacingOccurrences(of: " ", with: "T") + ":00+08:00")!
    }

    @Test("The default periods hold a reminder due in a meal peak until the peak ends, to the minute")
    func defaultPeaks() throws {
        let quiet = try QuietHours(parsing: QuietHours.defaultText)
        #expect(quiet.release(Self.sh("2030-03-05 11:30")) == Self.sh("2030-03-05 13:00"))
        #expect(quiet.release(Self.sh("2030-03-05 11:00")) == Self.sh("2030-03-05 13:00"))
        #expect(quiet.release(Self.sh("2030-03-05 13:00")) == Self.sh("2030-03-05 13:00"))
        #expect(quiet.release(Self.sh("2030-03-05 19:29").addingTimeInterval(42.5)) == Self.sh("2030-03-05 19:30"))
        #expect(quiet.release(Self.sh("2030-03-05 10:59")) == Self.sh("2030-03-05 10:59"))
    }

    @Test("A period over midnight, and periods that touch, are followed to their end; a whole day quiet means never")
    func overnightAndChained() throws {
        let night = try QuietHours(parsing: "22:00-07:00,07:00-08:00")
        #expect(night.release(Self.sh("2030-03-05 23:15")) == Self.sh("2030-03-06 08:00"))
        #expect(night.release(Self.sh("2030-03-06 06:00")) == Self.sh("2030-03-06 08:00"))
        #expect(try QuietHours(parsing: "00:00-12:00,12:00-24:00").release(Self.sh("2030-03-05 09:00")) == nil)
        #expect(try QuietHours(parsing: "none").release(Self.sh("2030-03-05 12:00")) == Self.sh("2030-03-05 12:00"))
        #expect(try QuietHours(parsing: " 22:00-07:00 ,12:00-13:00").text == "22:00-07:00,12:00-13:00")
    }

    @Test("A reminder is dropped when quiet hours push it past its deadline, or when the place came after it was due")
    func delivery() throws {
        let quiet = try QuietHours(parsing: QuietHours.defaultText)
        func candidate(due: String, deadline: String, since: String = "2030-03-01 00:00") -> ReminderCandidate {
            ReminderCandidate(kind: .session2h, subjectID: "ses", riderID: "rdr", dueAt: Self.sh(due), deadline: Self.sh(deadline),
                              since: Self.sh(since))
        }
        #expect(Reminders.delivery(candidate(due: "2030-03-05 11:30", deadline: "2030-03-05 13:30"), quiet: quiet) == Self.sh("2030-03-05 13:00"))
        #expect(Reminders.delivery(candidate(due: "2030-03-05 12:00", deadline: "2030-03-05 12:30"), quiet: quiet) == nil)
        #expect(Reminders.delivery(candidate(due: "2030-03-05 12:00", deadline: "2030-03-05 13:00"), quiet: quiet) == nil)
        #expect(Reminders.delivery(candidate(due: "2030-03-05 09:00", deadline: "2030-03-05 11:00", since: "2030-03-05 09:30"), quiet: quiet) == nil)
        let late = candidate(due: "2030-03-05 09:00", deadline: "2030-03-05 11:00")
        #expect(Reminders.isDue(late, quiet: quiet, at: Self.sh("2030-03-05 10:59")))
        #expect(!Reminders.isDue(late, quiet: quiet, at: Self.sh("2030-03-05 11:00")))
    }

    @Test("Quiet hours that are not HH:MM-HH:MM periods are refused", arguments: [
        "", " ", "11-13", "11:00", "11:00-11:00", "25:00-26:00", "11:60-12:00", "11:00-13:00,", "a:bc-de:fg", "1１:00-13:00",
        "00:00-00:30,01:00-01:30,02:00-02:30,03:00-03:30,04:00-04:30,05:00-05:30,06:00-06:30",
    ])
    func refused(_ text: String) {
        #expect(throws: InputError.self) { try QuietHours(parsing: text) }
    }
}
