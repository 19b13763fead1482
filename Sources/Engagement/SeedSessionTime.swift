import Foundation
import TuanjuCore

/// A seeded session's start or end as a day after the install: `{"in_days": 35, "at": "14:00"}` is 14:00 China time
/// on the 35th day after the day (China time) `tuanju init` loads the seed. Sample sessions written this way are
/// ahead whenever the product is installed; absolute dates would expire and leave a fresh install with nothing to
/// sign up for.
public struct RelativeSeedTime: Sendable, Equatable {
    /// The furthest ahead a seed may place a session: a year and a day. Sample sessions are meant to be signed up for
    /// soon after the install; a larger number is a typing mistake.
    public static let maxDays = 366

    /// Whole days after the install day, 0 (the install day itself) to `maxDays`.
    public let inDays: Int
    /// Minutes after midnight, China time.
    public let minuteOfDay: Int

    /// Nil unless `inDays` is 0...`maxDays` and `at` is a 24-hour `HH:MM` (00:00 to 23:59).
    public init?(inDays: Int, at: String) {
        guard (0...Self.maxDays).contains(inDays), let minute = Self.minuteOfDay(at) else { return nil }
        self.inDays = inDays
        self.minuteOfDay = minute
    }

    /// The JSON object `{"in_days": N, "at": "HH:MM"}` and nothing else; nil for any other shape.
    init?(_ value: SeedJSON) {
        guard case .object(let fields) = value, Set(fields.keys) == ["in_days", "at"],
              case .number(let days) = fields["in_days"], days.rounded() == days, abs(days) <= Double(Self.maxDays + 1),
              case .string(let at) = fields["at"]
        else { return nil }
        self.init(inDays: Int(days), at: at)
    }

    /// The instant, counted from the day `now` falls on in China (UTC+8 all year since 1992, so arithmetic, as
    /// `DemandCells` does).
    public func date(installedAt now: Date) -> Date {
        let offset = 8 * 3600.0
        let installDay = ((now.timeIntervalSince1970 + offset) / 86_400).rounded(.down)
        return Date(timeIntervalSince1970: (installDay + Double(inDays)) * 86_400 + Double(minuteOfDay) * 60 - offset)
    }

    /// `14:00` → 840; exactly two digits each side, so `9:00`, `24:00` and `14:00:00` are refused.
    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}

/// Any JSON value where a seed expects a time, kept as written so a wrong one can be shown back in the error.
enum SeedJSON: Decodable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([SeedJSON])
    case object([String: SeedJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            // Checked before numbers: some decoders read `true` as 1.
            self = .bool(flag)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let list = try? container.decode([SeedJSON].self) {
            self = .array(list)
        } else {
            self = .object(try container.decode([String: SeedJSON].self))
        }
    }

    /// Compact JSON, keys sorted: `{"at":"14:00","in_days":-1}`.
    var text: String {
        switch self {
        case .string(let value): JSONText.quoted(value)
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array(let values): "[" + values.map(\.text).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted().map { JSONText.quoted($0) + ":" + fields[$0]!.text }.joined(separator: ",") + "}"
        }
    }
}

private enum JSONText {
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(text)) ?? Data("\"?\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
