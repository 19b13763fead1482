import Foundation
import TuanjuCore
import TuanjuService

/// The operations of the stress mix, each runnable in-process (the service layer, as a server would call
/// it) or as a separate `tuanju` process (the CLI, as a script would call it).
struct StressOperations {
    let app: Tuanju
    let fixture: StressFixture
    let admin: Caller
    let coordinator: Caller
    let worker: Int

    /// The Wenhui service area, where reports are accepted.
    static let latitudes = 30.280...30.310
    static let longitudes = 120.150...120.190

    func perform(
        _ kind: StressKind, rider: inout StressWorker.RiderState, viaCLI: Bool, sequence: Int,
        generator: inout SystemRandomNumberGenerator, into tally: inout OperationTally
    ) {
        let caller = rider.caller
        switch kind {
        case .claim:
            let task = fixture.tasks.randomElement(using: &generator)!
            if run(kind, viaCLI, ["tasks", "claim", task], rider.token, &tally, { _ = try app.claimTask(caller, id: task) }) != nil {
                rider.claims.insert(task)
            }
        case .release:
            guard let task = rider.claims.randomElement(using: &generator) else {
                return perform(.claim, rider: &rider, viaCLI: viaCLI, sequence: sequence, generator: &generator, into: &tally)
            }
            if run(kind, viaCLI, ["tasks", "release", task], rider.token, &tally, { _ = try app.releaseTask(caller, id: task) }) != nil {
                rider.claims.remove(task)
            }
        case .report:
            guard let task = rider.claims.randomElement(using: &generator) else {
                return perform(.claim, rider: &rider, viaCLI: viaCLI, sequence: sequence, generator: &generator, into: &tally)
            }
            let lat = Double.random(in: Self.latitudes, using: &generator)
            let lon = Double.random(in: Self.longitudes, using: &generator)
            let photo = fixture.photos.randomElement(using: &generator)!
            let note = "stress w\(worker) #\(sequence)"
            let cli = ["reports", "submit", "--category", "road-damage", "--task", task, "--lat", "\(lat)", "--lon", "\(lon)",
                       "--photo", photo, "--note", note]
            _ = run(kind, viaCLI, cli, rider.token, &tally) {
                _ = try app.submitReport(caller, ReportSubmission(
                    category: "road-damage", taskID: task, location: try Coordinate(lat: lat, lon: lon), note: note, photoPaths: [photo]))
            }
        case .redeem:
            let reward = fixture.rewards.randomElement(using: &generator)!
            let result = run(kind, viaCLI, ["rewards", "redeem", reward], rider.token, &tally) {
                try app.redeem(caller, rewardID: reward, quantity: 1).id
            }
            if let id = result?.value ?? result?.json?["request_id"] as? String { rider.pendingRedemptions.append(id) }
        case .redeemCancel:
            guard !rider.pendingRedemptions.isEmpty else {
                return perform(.redeem, rider: &rider, viaCLI: viaCLI, sequence: sequence, generator: &generator, into: &tally)
            }
            // A batch may have fulfilled it meanwhile: then the cancel is refused, as it should be.
            let id = rider.pendingRedemptions.remove(at: Int.random(in: 0..<rider.pendingRedemptions.count, using: &generator))
            _ = run(kind, viaCLI, ["redemptions", "cancel", id], rider.token, &tally) { _ = try app.cancelRedemption(caller, id: id) }
        case .signup:
            let candidates = fixture.sessions.filter { !rider.signups.contains($0) }
            guard let session = candidates.randomElement(using: &generator) else {
                return perform(.signupCancel, rider: &rider, viaCLI: viaCLI, sequence: sequence, generator: &generator, into: &tally)
            }
            if run(kind, viaCLI, ["activities", "signup", session], rider.token, &tally, { _ = try app.signUp(caller, sessionID: session) }) != nil {
                rider.signups.insert(session)
            }
        case .signupCancel:
            guard let session = rider.signups.randomElement(using: &generator) else {
                return perform(.signup, rider: &rider, viaCLI: viaCLI, sequence: sequence, generator: &generator, into: &tally)
            }
            if run(kind, viaCLI, ["activities", "cancel", session], rider.token, &tally, { _ = try app.cancelSignup(caller, sessionID: session) }) != nil {
                rider.signups.remove(session)
            }
        case .deliver:
            _ = run(kind, viaCLI, ["webhooks", "deliver"], fixture.admin, &tally) {
                _ = try app.deliverWebhooks(admin, untilIdle: false, maxSeconds: nil)
            }
        case .batch:
            batch(viaCLI: viaCLI, into: &tally)
        }
    }

    func batch(viaCLI: Bool, into tally: inout OperationTally) {
        _ = run(.batch, viaCLI, ["redemptions", "run"], fixture.coordinator, &tally) {
            _ = try app.runRedemptions(coordinator, limit: nil, dryRun: false)
        }
    }

    /// What a successful operation gave back: the in-process value, or the CLI's JSON.
    struct Success<Value> {
        let value: Value?
        let json: [String: Any]?
    }

    /// Runs one operation and counts its outcome; nil unless it succeeded.
    func run<Value>(
        _ kind: StressKind, _ viaCLI: Bool, _ cli: [String], _ token: String, _ tally: inout OperationTally,
        _ body: () throws -> Value
    ) -> Success<Value>? {
        if viaCLI {
            do {
                let outcome = try TuanjuCLI.run(cli, data: fixture.data, token: token)
                let result = OperationOutcome(exit: outcome.exit)
                tally.add(kind, result, cli: true, code: outcome.errorCode, detail: "exit \(outcome.exit): \(outcome.stderr.prefix(300))")
                return result == .ok ? Success(value: nil, json: outcome.json) : nil
            } catch {
                tally.add(kind, .failed, cli: true, detail: "\(error)")
                return nil
            }
        }
        let started = Date()
        do {
            let value = try body()
            tally.add(kind, .ok, cli: false, seconds: Date().timeIntervalSince(started))
            return Success(value: value, json: nil)
        } catch {
            tally.add(kind, OperationOutcome(error), cli: false, seconds: Date().timeIntervalSince(started),
                      code: (error as? any TuanjuError)?.code, detail: "\(error)")
            return nil
        }
    }
}
