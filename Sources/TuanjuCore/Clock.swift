import Foundation

/// The source of "now", passed in so tests can drive time without sleeping.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = Clock(now: { Date() })

    /// A clock fixed at one instant.
    public static func fixed(_ date: Date) -> Clock { Clock(now: { date }) }
}
