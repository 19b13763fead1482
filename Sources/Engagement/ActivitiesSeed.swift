import Foundation
import TuanjuCore

/// The shape of `Seed/data/activities.json`.
public struct ActivitiesSeed: Decodable, Sendable {
    /// One session. Its start and end are each either relative to the install (`"starts": {"in_days": 35, "at":
    /// "14:00"}`, see `RelativeSeedTime`) or absolute (`"starts_at": "2027-01-09T14:00:00+08:00"`, for a
    /// subdistrict's own seed that names real dates). They are kept as written and resolved by `times`, so a wrong
    /// one is reported with the session's id rather than as a decoding failure.
    public struct Session: Decodable, Sendable {
        public let id: String
        public let place: String
        public let capacity: Int
        let starts: SeedJSON?
        let startsAt: SeedJSON?
        let ends: SeedJSON?
        let endsAt: SeedJSON?

        enum CodingKeys: String, CodingKey {
            case id, place, capacity, starts, ends
            case startsAt = "starts_at"
            case endsAt = "ends_at"
        }

        /// When the session starts and ends, for an install at `now`: refused (65) when a time is missing, given
        /// twice, malformed, or the end is not after the start.
        public func times(installedAt now: Date, source: String) throws(InputError) -> (starts: Date, ends: Date) {
            let starts = try time(relative: starts, absolute: startsAt, names: ("starts", "starts_at"), now: now, source: source)
            let ends = try time(relative: ends, absolute: endsAt, names: ("ends", "ends_at"), now: now, source: source)
            guard ends > starts else {
                throw .invalid(EngageMsg.seedSessionEndsFirst, [
                    "source": source, "id": id, "starts": Timestamp.iso(starts), "ends": Timestamp.iso(ends),
                ])
            }
            return (starts, ends)
        }

        private func time(
            relative: SeedJSON?, absolute: SeedJSON?, names: (relative: String, absolute: String), now: Date, source: String
        ) throws(InputError) -> Date {
            switch (relative, absolute) {
            case (let value?, nil):
                guard let time = RelativeSeedTime(value) else {
                    throw .invalid(EngageMsg.seedTimeRelative, [
                        "source": source, "id": id, "field": names.relative, "value": value.text, "max": "\(RelativeSeedTime.maxDays)",
                    ])
                }
                return time.date(installedAt: now)
            case (nil, let value?):
                guard case .string(let text) = value, let date = Timestamp.parse(text) else {
                    throw .invalid(EngageMsg.seedTimeAbsolute, [
                        "source": source, "id": id, "field": names.absolute, "value": value.text,
                    ])
                }
                return date
            default:
                throw .invalid(EngageMsg.seedTimeOneOf, [
                    "source": source, "id": id, "relative": names.relative, "absolute": names.absolute,
                ])
            }
        }
    }

    public struct Entry: Decodable, Sendable {
        public let id: String
        public let kind: Activity.Kind
        public let title: String
        public let titleZh: String
        public let description: String
        public let sessions: [Session]

        enum CodingKeys: String, CodingKey {
            case id, kind, title, description, sessions
            case titleZh = "title_zh"
        }
    }

    public let activities: [Entry]
}
