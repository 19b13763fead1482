import Foundation
import ServiceMap
import Testing

/// Random rule sets, written out as text, parsed, and compared against a minute-by-minute table of the week
/// that the test fills in by itself from the generated rules.
@Suite("Opening hours: agreement with a brute-force week table")
struct OpeningHoursPropertyTests {
    struct GeneratedRule {
        /// Day spans as (first, last) indices 0...6 (Monday first); nil for a rule without days.
        var spans: [(Int, Int)]?
        /// (start, end) in minutes; end 1...1440, different from start; empty for `off`.
        var ranges: [(Int, Int)]

        var text: String {
            let clock = OpeningHoursPropertyTests.clock
            let times = ranges.isEmpty ? "off" : ranges.map { "\(clock($0.0))-\(clock($0.1))" }.joined(separator: ",")
            guard let spans else { return times }
            let days = spans.map { first, last in
                first == last ? WeekClock.days[first] : "\(WeekClock.days[first])-\(WeekClock.days[last])"
            }
            return days.joined(separator: ",") + " " + times
        }

        /// The days a span names, walking forward from its first day (so `Fr-Mo` wraps).
        var selectedDays: Set<Int> {
            guard let spans else { return Set(0..<7) }
            var days = Set<Int>()
            for (first, last) in spans {
                var day = first
                days.insert(day)
                while day != last {
                    day = (day + 1) % 7
                    days.insert(day)
                }
            }
            return days
        }
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    static func randomRule(using random: inout SplitMix64) -> GeneratedRule {
        let spans: [(Int, Int)]? = Int.random(in: 0..<5, using: &random) == 0 ? nil
            : (0..<Int.random(in: 1...3, using: &random)).map { _ in
                (Int.random(in: 0..<7, using: &random), Int.random(in: 0..<7, using: &random))
            }
        let isOff = Int.random(in: 0..<5, using: &random) == 0
        let ranges: [(Int, Int)] = isOff ? [] : (0..<Int.random(in: 1...3, using: &random)).map { _ in
            // Quarter hours mostly, any minute sometimes, so that both kinds of boundary are exercised.
            let step = Bool.random(using: &random) ? 15 : 1
            let start = Int.random(in: 0..<(1440 / step), using: &random) * step
            var end = Int.random(in: 1...(1440 / step), using: &random) * step
            if end == start { end = start + step }
            return (start, end)
        }
        return GeneratedRule(spans: spans, ranges: ranges)
    }

    /// 7 × 1440 booleans, Monday 00:00 first: the last rule naming a day owns the ranges that start on it;
    /// a range ending at or before its start carries on into the next day's morning.
    static func weekTable(_ rules: [GeneratedRule]) -> [Bool] {
        var owner = [GeneratedRule?](repeating: nil, count: 7)
        for rule in rules {
            for day in rule.selectedDays { owner[day] = rule }
        }
        var table = [Bool](repeating: false, count: 7 * 1440)
        for day in 0..<7 {
            for (start, end) in owner[day]?.ranges ?? [] {
                let stop = end > start ? end : 1440 + end
                for minute in start..<stop { table[(day * 1440 + minute) % table.count] = true }
            }
        }
        return table
    }

    @Test("isOpen agrees with the week table at every minute, for random rule sets")
    func agreesWithWeekTable() throws {
        var random = SplitMix64(seed: 0x0E_11_2026)
        for round in 0..<30 {
            let rules = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.randomRule(using: &random) }
            let text = rules.map(\.text).joined(separator: "; ")
            let hours = try OpeningHours(parsing: text)
            #expect(hours.text == text)
            let table = Self.weekTable(rules)
            let week = round % 3    // the same answers in later weeks
            var mismatches: [String] = []
            for minute in 0..<table.count {
                let date = WeekClock.minuteOfWeek(minute, seconds: minute % 60, week: week)
                if hours.isOpen(at: date, in: OpeningHours.shanghai) != table[minute] {
                    mismatches.append("\(WeekClock.days[minute / 1440]) \(Self.clock(minute % 1440))")
                }
            }
            #expect(mismatches.count == 0, "\(text): differs at \(mismatches.prefix(5))")
        }
    }
}

/// A small seeded generator, so that a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
