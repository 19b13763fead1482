import Foundation

/// ISO-8601 with a zone, as CLI.md requires for every time in JSON.
public enum Timestamp {
    /// `2026-11-29T02:43:24Z`
    public static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Parses `2026-11-29T10:43:24+08:00`, `2026-11-29T02:43:24Z` or `2026-11-29T02:43:24.5Z`.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }
}
