import Foundation
import Testing
@testable import Notifier

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("A receiver's Retry-After is honoured up to a day; Int.max, negative and out-of-range attempts never trap")
    func hostileRetryAfter() {
        let policy = RetryPolicy()
        #expect(policy.delay(afterAttempts: 1, retryAfter: Int.max, random: 0.5) == Double(RetryPolicy.maxRetryAfter))
        #expect(policy.delay(afterAttempts: 1, retryAfter: Int.min, random: 0.5) == 5)
        #expect(policy.delay(afterAttempts: 1, retryAfter: 60, random: 0.5) == 60)
        #expect(policy.delay(afterAttempts: 0, retryAfter: nil, random: 0.5) == nil)
        #expect(policy.delay(afterAttempts: Int.min, retryAfter: nil, random: 0.5) == nil)
        #expect(policy.delay(afterAttempts: Int.max, retryAfter: nil, random: 0.5) == nil)
    }
}
