/// The event catalogue: every event Tuanju announces, declared once with its payload type and what it means.
/// Use cases emit them through `Work.emit`; webhook subscriptions name them; `tuanju webhooks events` and
/// docs/events.md list them with the JSON Schema of each payload (`EventCatalogue`).
public enum EventKind: String, CaseIterable, Sendable {
    case userCreated = "user.created"
    case userRevoked = "user.revoked"

    case riderRegistered = "rider.registered"
    case riderUpdated = "rider.updated"
    case riderDeactivated = "rider.deactivated"
    case riderReactivated = "rider.reactivated"
    case riderErased = "rider.erased"
    case ridersImported = "riders.imported"

    case servicePointCreated = "service_point.created"
    case servicePointUpdated = "service_point.updated"
    case servicePointRemoved = "service_point.removed"

    case taskCreated = "task.created"
    case taskUpdated = "task.updated"
    case taskClosed = "task.closed"
    case taskClaimed = "task.claimed"
    case taskReleased = "task.released"
    case taskClaimRevoked = "task.claim_revoked"

    case reportSubmitted = "report.submitted"
    case reportReviewed = "report.reviewed"
    case reportDispatched = "report.dispatched"
    case reportResolved = "report.resolved"
    case reportReopened = "report.reopened"
    case reportAppealed = "report.appealed"
    case reportsPurged = "reports.purged"

    case pointsAwarded = "points.awarded"
    case pointsAdjusted = "points.adjusted"

    case rewardCreated = "reward.created"
    case rewardUpdated = "reward.updated"
    case redemptionRequested = "redemption.requested"
    case redemptionCancelled = "redemption.cancelled"
    case redemptionBatchCompleted = "redemption.batch_completed"

    case surveyAnswered = "survey.answered"
    case activitySignedUp = "activity.signed_up"
    case activityCancelled = "activity.cancelled"
    case activityPromoted = "activity.promoted"
    case activityCheckedIn = "activity.checked_in"
    case lessonCompleted = "lesson.completed"

    case settingsChanged = "settings.changed"

    /// The payload every event of this kind carries.
    public var payloadType: any EventPayload.Type {
        switch self {
        case .userCreated, .userRevoked: UserEvent.self
        case .riderRegistered, .riderUpdated, .riderDeactivated, .riderReactivated, .riderErased: RiderEvent.self
        case .ridersImported: RidersImportedEvent.self
        case .servicePointCreated, .servicePointUpdated, .servicePointRemoved: ServicePointEvent.self
        case .taskCreated, .taskUpdated: TaskEvent.self
        case .taskClosed: TaskClosedEvent.self
        case .taskClaimed, .taskReleased, .taskClaimRevoked: ClaimEvent.self
        case .reportSubmitted, .reportReviewed, .reportDispatched, .reportResolved, .reportReopened, .reportAppealed:
            ReportEvent.self
        case .reportsPurged: ReportsPurgedEvent.self
        case .pointsAwarded, .pointsAdjusted: PointsEvent.self
        case .rewardCreated, .rewardUpdated: RewardEvent.self
        case .redemptionRequested, .redemptionCancelled: RedemptionEvent.self
        case .redemptionBatchCompleted: BatchEvent.self
        case .surveyAnswered: SurveyAnsweredEvent.self
        case .activitySignedUp, .activityCancelled, .activityPromoted, .activityCheckedIn: SignupEvent.self
        case .lessonCompleted: LessonEvent.self
        case .settingsChanged: SettingChangedEvent.self
        }
    }

    /// One line for webhook consumers: what happened.
    public var summary: String {
        switch self {
        case .userCreated: "An admin created a coordinator or admin account (or `init` created the first admin)."
        case .userRevoked: "An admin revoked a user; their tokens stopped working."
        case .riderRegistered: "A coordinator registered a rider."
        case .riderUpdated: "A rider's profile changed (by the rider or a coordinator)."
        case .riderDeactivated: "A coordinator deactivated a rider; their tokens stopped working."
        case .riderReactivated: "A coordinator reactivated a rider."
        case .riderErased: "An admin erased a rider on request; the id stays as a pseudonymous account."
        case .ridersImported: "One committed chunk of a rider import, with its counts."
        case .servicePointCreated: "A service point was added to the warm-heart map (by hand or by an import)."
        case .servicePointUpdated: "A service point changed."
        case .servicePointRemoved: "A service point was taken off the map."
        case .taskCreated: "A coordinator posted a governance task."
        case .taskUpdated: "A task posting changed."
        case .taskClosed: "A coordinator closed a task; its active claims ended."
        case .taskClaimed: "A rider claimed a seat on a task."
        case .taskReleased: "A rider gave their seat back."
        case .taskClaimRevoked: "A coordinator (or an erasure) took a rider's seat away."
        case .reportSubmitted: "A rider submitted a photo report."
        case .reportReviewed: "A coordinator accepted, rejected or marked a report as a duplicate."
        case .reportDispatched: "A coordinator dispatched a report to an agency."
        case .reportResolved: "A report was resolved."
        case .reportReopened: "A coordinator reopened a resolved report."
        case .reportAppealed: "A rider appealed the rejection of their report; it is back in the review queue."
        case .reportsPurged: "Old rejected reports lost their photos and precise position (privacy retention)."
        case .pointsAwarded: "Points were credited to a rider from the budget (a report, a lesson, or by hand)."
        case .pointsAdjusted: "An admin corrected a rider's balance with a reasoned transfer."
        case .rewardCreated: "A reward was added to the catalogue."
        case .rewardUpdated: "A reward changed (cost, stock, name, active)."
        case .redemptionRequested: "A rider asked to redeem a reward; the points are held."
        case .redemptionCancelled: "A redemption request was cancelled; the hold is voided."
        case .redemptionBatchCompleted: "A redemption batch finished, with its counts."
        case .surveyAnswered: "A rider answered (or re-answered) a questionnaire."
        case .activitySignedUp: "A rider signed up for an activity session (a place, or the waitlist)."
        case .activityCancelled: "A rider's sign-up was cancelled."
        case .activityPromoted: "A waitlisted rider moved up to a place."
        case .activityCheckedIn: "A coordinator checked a rider in at a session."
        case .lessonCompleted: "A rider completed a party lesson."
        case .settingsChanged: "An admin changed a setting."
        }
    }
}
