import Engagement
import Foundation
import GRDB
import Governance
import Identity
import Points
import Riders
import Storage
import TuanjuCore

/// What erasing a rider did (or, with `--dry-run`, would do).
public struct ErasureResult: Sendable, Equatable, Codable {
    public let riderId: String
    public let claimsEnded: Int
    public let redemptionsCancelled: Int
    public let signupsCancelled: Int
    public let surveyResponsesDeleted: Int
    /// The points balance the pseudonymous account keeps (the ledger is never rewritten).
    public let balance: Int
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case riderId = "rider_id", claimsEnded = "claims_ended", redemptionsCancelled = "redemptions_cancelled"
        case signupsCancelled = "signups_cancelled", surveyResponsesDeleted = "survey_responses_deleted", balance
        case dryRun = "dry_run"
    }
}

extension Tuanju {
    /// `tuanju privacy erase RIDER` (admin): erases a rider on request, in one transaction. The profile loses
    /// name, phone, branch and party membership; tokens are revoked; active claims end (seats free up), pending
    /// redemptions are cancelled (holds voided), sign-ups for sessions not yet started are cancelled (the
    /// waitlist moves up) and survey answers are deleted. The rider id stays as a pseudonymous account: the
    /// ledger, reports and past attendance keep pointing at it, so every count and balance still adds up.
    public func eraseRider(_ caller: Caller, id: String, dryRun: Bool) throws -> ErasureResult {
        let useCase = try useCase(caller, requires: .admin(ServiceMsg.actionErase))
        if dryRun {
            return try useCase.read { db in try ErasurePlan(db, riderID: id, now: useCase.now).result(db, dryRun: true) }
        }
        return try useCase.write { work in
            let db = work.db, now = work.now
            let plan = try ErasurePlan(db, riderID: id, now: now)
            for taskID in plan.claimedTasks {
                let claim = try Claims.revoke(db, taskID: taskID, riderID: id, reason: Self.erasureReason, by: caller.id, at: now)
                try work.emit(.taskClaimRevoked, ClaimEvent(claim, by: caller))
            }
            for requestID in plan.pendingRedemptions {
                try work.emit(.redemptionCancelled, RedemptionEvent(try Redemptions.cancel(db, id: requestID, at: now)))
            }
            for sessionID in plan.upcomingSignups {
                let (signup, promoted) = try Activities.cancel(db, sessionID: sessionID, riderID: id, at: now)
                try work.emit(.activityCancelled, SignupEvent(signup))
                if let promoted { try work.emit(.activityPromoted, SignupEvent(promoted)) }
            }
            try SurveyStore.deleteResponses(db, riderID: id)
            try Credentials.revokeAll(db, of: .rider(id: id), at: now)
            let erased = try RiderDirectory.erase(db, id: id, at: now)
            try work.emit(.riderErased, RiderEvent(erased, by: caller))
            return try plan.result(db, dryRun: false)
        }
    }

    static let erasureReason = "erased on the rider's request"
}

/// What an erasure touches, read in its transaction.
struct ErasurePlan {
    let riderID: String
    let claimedTasks: [String]
    let pendingRedemptions: [String]
    let upcomingSignups: [String]
    let surveyResponses: Int

    /// Refuses a rider who does not exist or is already erased.
    init(_ db: Database, riderID: String, now: Date) throws {
        guard try RiderDirectory.find(db, id: riderID).erasedAt == nil else { throw RiderError.erased(id: riderID) }
        self.riderID = riderID
        claimedTasks = try Claims.activeTaskIDs(db, riderID: riderID)
        pendingRedemptions = try Redemptions.pendingIDs(db, riderID: riderID)
        upcomingSignups = try Activities.upcomingSessionIDs(db, riderID: riderID, after: now)
        surveyResponses = try SurveyStore.responseCount(db, riderID: riderID)
    }

    /// The counts, and the balance the pseudonymous account keeps (read from the ledger as it stands).
    func result(_ db: Database, dryRun: Bool) throws -> ErasureResult {
        ErasureResult(
            riderId: riderID, claimsEnded: claimedTasks.count, redemptionsCancelled: pendingRedemptions.count,
            signupsCancelled: upcomingSignups.count, surveyResponsesDeleted: surveyResponses,
            balance: try Ledger.balance(db, riderID: riderID).balance, dryRun: dryRun)
    }
}
