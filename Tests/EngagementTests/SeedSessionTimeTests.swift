import Engagement
import Foundation
import Testing
import TuanjuCore

@Suite("Seeded session times relative to the install")
struct SeedSessionTimeTests {
    /// 2026-12-05 10:00 China time.
    static let install = Timestamp.parse("2026-12-05T10:00:00+08:00")!

    /// One session whose start is `starts` (a JSON fragment such as `"starts": {…}`) and whose end is a day later.
    static func session(_ starts: String) throws -> ActivitiesSeed.Session {
        let json = """
            {"activities": [{"id": "a", "kind": "health", "title": "T", "title_zh": "T", "description": "D", "sessions": [
              {"id": "ses-x", \(starts), "ends": {"in_days": 367, "at": "00:00"}, "place": "P", "capacity": 1}]}]}
            """
        return try JSONDecoder().decode(ActivitiesSeed.self, from: Data(json.utf8)).activities[0].sessions[0]
    }

    @Test("in_days 0 is the install day itself and the maximum a year and a day ahead; times are China time")
    func limits() throws {
        // The end (day 367) is past the limit, so read the start through a session whose end is absolute.
        func starts(_ days: Int, _ at: String) throws -> String {
            let json = """
                {"activities": [{"id": "a", "kind": "health", "title": "T", "title_zh": "T", "description": "D", "sessions": [
                  {"id": "ses-x", "starts": {"in_days": \(days), "at": "\(at)"}, "ends_at": "2099-01-01T00:00:00Z", "place": "P", "capacity": 1}]}]}
                """
            let session = try JSONDecoder().decode(ActivitiesSeed.self, from: Data(json.utf8)).activities[0].sessions[0]
            return Timestamp.iso(try session.times(installedAt: Self.install, source: "activities.json").starts)
        }
        #expect(RelativeSeedTime.maxDays == 366)
        #expect(try starts(0, "00:00") == "2026-12-04T16:00:00Z")
        #expect(try starts(0, "23:59") == "2026-12-05T15:59:00Z")
        #expect(try starts(35, "14:00") == "2027-01-09T06:00:00Z")
        #expect(try starts(366, "14:00") == "2027-12-06T06:00:00Z")
        #expect(RelativeSeedTime(inDays: 366, at: "14:00") != nil)
        #expect(RelativeSeedTime(inDays: 367, at: "14:00") == nil)
        #expect(RelativeSeedTime(inDays: -1, at: "14:00") == nil)
    }

    @Test("The install day is the day in China, not in UTC: at 00:10 there, UTC is still on the day before")
    func installDay() throws {
        let time = try #require(RelativeSeedTime(inDays: 1, at: "08:00"))
        let lateEvening = try #require(Timestamp.parse("2031-03-10T23:30:00+08:00"))  // 15:30Z on the 10th
        let earlyMorning = try #require(Timestamp.parse("2031-03-10T00:10:00+08:00"))  // 16:10Z on the 9th
        #expect(Timestamp.iso(time.date(installedAt: lateEvening)) == "2031-03-11T00:00:00Z")
        #expect(Timestamp.iso(time.date(installedAt: earlyMorning)) == "2031-03-11T00:00:00Z")
    }

    @Test("Malformed relative times are refused, naming the session, the field and what was written", arguments: [
        ("\"starts\": {\"in_days\": 367, \"at\": \"14:00\"}", "\"starts\" is {\"at\":\"14:00\",\"in_days\":367}"),
        ("\"starts\": {\"in_days\": -1, \"at\": \"14:00\"}", "\"starts\" is {\"at\":\"14:00\",\"in_days\":-1}"),
        ("\"starts\": {\"in_days\": 1e300, \"at\": \"14:00\"}", "\"starts\" is"),
        ("\"starts\": {\"in_days\": 3, \"at\": \"9:00\"}", "\"starts\" is {\"at\":\"9:00\",\"in_days\":3}"),
        ("\"starts\": {\"in_days\": 3, \"at\": \"14:60\"}", "\"starts\" is"),
        ("\"starts\": {\"in_days\": 3, \"at\": \"14:00:00\"}", "\"starts\" is"),
        ("\"starts\": {\"in_days\": 3, \"at\": \"１４:００\"}", "\"starts\" is"),
        ("\"starts\": {\"in_days\": true, \"at\": \"14:00\"}", "\"starts\" is {\"at\":\"14:00\",\"in_days\":true}"),
        ("\"starts\": \"2030-01-09T14:00:00+08:00\"", "\"starts\" is \"2030-01-09T14:00:00+08:00\""),
        ("\"starts\": [35, \"14:00\"]", "\"starts\" is [35,\"14:00\"]"),
    ])
    func malformed(starts: String, says: String) throws {
        let session = try Self.session(starts)
        let error = #expect(throws: InputError.self) { try session.times(installedAt: Self.install, source: "activities.json") }
        let message = error?.text.rendered(in: .en) ?? ""
        #expect(error?.code == "invalid_input")
        #expect(message.hasPrefix("activities.json: session ses-x: \(says)"), "\(message)")
        #expect(message.contains("from 0 to 366"), "\(message)")
    }
}
