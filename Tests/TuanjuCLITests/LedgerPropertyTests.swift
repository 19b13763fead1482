import Foundation
import Points
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

/// SplitMix64: a small deterministic generator, so a failing sequence can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Ledger property")
struct LedgerPropertyTests {
    /// The edge values of issue #16: 0, ±1, the documented maxima and one past them, Int64.max and Int64.min.
    static let edges = [
        0, 1, -1, 2, 30, 100, LedgerLimits.transferMax, LedgerLimits.transferMax + 1, -LedgerLimits.transferMax,
        -LedgerLimits.transferMax - 1, 1_000_000, 1_000_001, 10_000_000, 10_000_001, LedgerLimits.paymentMax,
        LedgerLimits.paymentMax + 1, 100, 101, Int.max, Int.min, Int.max - 1, Int.min + 1,
    ]

    @Test("Random award/adjust/reward/redeem/cancel/batch sequences with edge values never trap, keep every invariant, and refusals change nothing")
    func randomSequences() throws {
        let setup = try PointsTests.Setup(stock: 5)
        let sandbox = setup.sandbox
        let app = try Tuanju.open(DataDirectory(path: sandbox.data))
        let admin = try app.authenticate(token: sandbox.adminToken)
        let coordinator = try app.authenticate(token: setup.coordinator)
        let riders = [try app.authenticate(token: setup.li.token), try app.authenticate(token: setup.zhang.token)]
        var rewards = [setup.reward]
        var random = SeededGenerator(seed: 16)
        var refused = 0, done = 0
        func amount() -> Int {
            Bool.random(using: &random) ? Self.edges.randomElement(using: &random)! : Int.random(in: -50...200, using: &random)
        }
        for step in 0..<300 {
            let before = try sandbox.snapshot()
            let rider = riders.randomElement(using: &random)!
            let operation = Int.random(in: 0..<8, using: &random)
            do {
                switch operation {
                case 0, 1: _ = try app.awardPoints(coordinator, riderID: rider.id, amount: amount(), reason: "step \(step)", key: nil)
                case 2: _ = try app.adjustPoints(admin, riderID: rider.id, amount: amount(), reason: "step \(step)", key: nil)
                case 3: rewards.append(try app.addReward(coordinator, name: "r\(step)", nameZh: nil, cost: amount(), stock: amount()).id)
                case 4, 5:
                    _ = try app.redeem(rider, rewardID: rewards.randomElement(using: &random)!, quantity: amount())
                case 6:
                    let pending = try app.listRedemptions(rider, state: .pending, riderID: nil)
                    guard let one = pending.rows.randomElement(using: &random) else { continue }
                    _ = try app.cancelRedemption(rider, id: one.id)
                default:
                    let limit = Bool.random(using: &random) ? nil : amount()
                    _ = try app.runRedemptions(coordinator, limit: limit, dryRun: false)
                }
                done += 1
            } catch let error as TuanjuError {
                refused += 1
                #expect(try sandbox.snapshot() == before, "step \(step): \(error) changed the database")
            }
            let problems = try app.verifyLedger(admin)
            #expect(problems.isEmpty, "step \(step): \(problems)")
            if !problems.isEmpty { break }
        }
        #expect(refused > 20 && done > 20, "the sequence exercised both paths: \(done) done, \(refused) refused")
    }
}
