import Foundation
import TuanjuCore
import TuanjuService

extension DemoScript {
    /// A rider asks to be forgotten: the admin looks first (`--dry-run`), erases, and the health checks still
    /// pass: the points stay on a pseudonymous account, so the ledger balances.
    func erasureScene(_ app: Tuanju, admin: Caller, _ coordinator: Caller) throws {
        narrator.step(OpsMsg.demoErasure)
        let sun = try app.registerRider(
            coordinator, name: "何骑手", phone: "13700005555", platform: "meituan", partyMember: false, branch: nil)
        let rider = try app.authenticate(token: sun.token, command: Invocation.command)
        _ = try app.awardPoints(coordinator, riderID: sun.profile.id, amount: 20, reason: "线下宣传", key: nil)
        // A seeded session: the seed dates it weeks after `init` (never in the past), so a refusal here is a real
        // fault and stops the demo rather than erasing a rider with nothing to cancel.
        _ = try app.signUp(rider, sessionID: "ses-health-2")
        let plan = try app.eraseRider(admin, id: sun.profile.id, dryRun: true)
        narrator.say(OpsMsg.eraseDryRun, arguments(plan))
        let done = try app.eraseRider(admin, id: sun.profile.id, dryRun: false)
        narrator.say(OpsMsg.eraseDone, arguments(done))
        let seen = try app.rider(coordinator, id: sun.profile.id)
        narrator.say(OpsMsg.demoErasedProfile, ["name": seen.name, "phone": seen.phone.isEmpty ? "-" : seen.phone])
        let problems = try app.doctor(admin)
        narrator.say(OpsMsg.demoErasedDoctor, ["count": "\(problems.count)"])
        try narrator.record("privacy.erase", [
            "rider_id": done.riderId, "balance": "\(done.balance)", "signups_cancelled": "\(done.signupsCancelled)",
        ])
    }

    private func arguments(_ result: ErasureResult) -> [String: String] {
        [
            "id": result.riderId, "claims": "\(result.claimsEnded)", "redemptions": "\(result.redemptionsCancelled)",
            "signups": "\(result.signupsCancelled)", "responses": "\(result.surveyResponsesDeleted)",
            "balance": "\(result.balance)",
        ]
    }
}
