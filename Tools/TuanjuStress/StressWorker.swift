import Foundation
import TuanjuCore
import TuanjuService

/// One stress process: for `seconds`, picks a random operation, runs it through the service layer in this
/// process (or, one time in `cliEvery`, as a separate `tuanju` process) and counts how it ended. Prints
/// its `OperationTally` as JSON on stdout.
struct StressWorker {
    let fixture: StressFixture
    let index: Int
    let seconds: Double
    let cliEvery: Int

    init(_ arguments: Arguments) throws {
        fixture = try StressFixture.read(from: try arguments.required("fixture"))
        index = arguments.int("index", default: 0)
        seconds = Double(arguments.int("seconds", default: 60))
        cliEvery = arguments.int("cli-every", default: 25)
    }

    /// What this worker knows about its own riders (nobody else acts for them).
    struct RiderState {
        let caller: Caller
        let token: String
        var claims: Set<String> = []
        var pendingRedemptions: [String] = []
        var signups: Set<String> = []
    }

    /// Relative weights of the operations.
    static let weights: [(StressKind, Int)] = [
        (.claim, 20), (.release, 14), (.report, 14), (.redeem, 12), (.redeemCancel, 4), (.signup, 12), (.signupCancel, 10),
        (.deliver, 5),
    ]

    func run() throws -> Int32 {
        let app = try Tuanju.open(DataDirectory(path: fixture.data))
        let admin = try app.authenticate(token: fixture.admin)
        let coordinator = try app.authenticate(token: fixture.coordinator)
        var riders = try fixture.riders[index].map { RiderState(caller: try app.authenticate(token: $0.token), token: $0.token) }
        let operations = StressOperations(app: app, fixture: fixture, admin: admin, coordinator: coordinator, worker: index)
        var tally = OperationTally()
        var generator = SystemRandomNumberGenerator()
        let started = Date()
        let deadline = started.addingTimeInterval(seconds)
        var nextBatch = started.addingTimeInterval(5)
        var sequence = 0
        while Date() < deadline {
            sequence += 1
            let viaCLI = sequence % cliEvery == 0
            // Worker 0 also runs the redemption batch every 5 s, as a coordinator's cron job would.
            if index == 0, Date() >= nextBatch {
                nextBatch = Date().addingTimeInterval(5)
                operations.batch(viaCLI: viaCLI, into: &tally)
                continue
            }
            let rider = Int.random(in: 0..<riders.count, using: &generator)
            let kind = Self.pick(&generator)
            operations.perform(kind, rider: &riders[rider], viaCLI: viaCLI, sequence: sequence, generator: &generator, into: &tally)
        }
        tally.seconds = Date().timeIntervalSince(started)
        FileHandle.standardOutput.write(try JSONEncoder().encode(tally))
        return 0
    }

    static func pick(_ generator: inout SystemRandomNumberGenerator) -> StressKind {
        var roll = Int.random(in: 0..<weights.reduce(0) { $0 + $1.1 }, using: &generator)
        for (kind, weight) in weights {
            if roll < weight { return kind }
            roll -= weight
        }
        return .claim
    }
}
