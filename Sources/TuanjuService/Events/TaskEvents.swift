import Governance

struct TaskEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case taskId = "task_id", role, title, capacity, claimed, startsAt = "starts_at", endsAt = "ends_at", points, state, by
    }

    let taskId: String
    let role: String
    let title: String
    let capacity: Int
    let claimed: Int
    let startsAt: String?
    let endsAt: String?
    let points: Int?
    let state: String
    let by: String

    var auditTarget: String? { taskId }
    static let examples = [
        TaskEvent(
            taskId: "tsk_01J9Z3Q5D1", role: "hazard_inspector", title: "米市巷积水点巡查", capacity: 10, claimed: 3,
            startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-31T16:00:00Z", points: 20, state: "open", by: "usr_01J9Z3K8Q4"),
        TaskEvent(
            taskId: "tsk_01J9Z3Q5D2", role: "anti_fraud", title: "反诈宣传", capacity: 5, claimed: 0, startsAt: nil,
            endsAt: nil, points: nil, state: "closed", by: "usr_01J9Z3K8Q4"),
    ]
}

extension TaskEvent {
    init(_ task: TaskPosting, by caller: Caller) {
        self.init(
            taskId: task.id, role: task.roleCode, title: task.title, capacity: task.capacity, claimed: task.claimed,
            startsAt: task.startsAt, endsAt: task.endsAt, points: task.points, state: task.state.rawValue, by: caller.id)
    }
}

struct TaskClosedEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case taskId = "task_id", role, claimsEnded = "claims_ended", by
    }

    let taskId: String
    let role: String
    let claimsEnded: Int
    let by: String

    var auditTarget: String? { taskId }
    static let examples = [TaskClosedEvent(taskId: "tsk_01J9Z3Q5D1", role: "hazard_inspector", claimsEnded: 3, by: "usr_01J9Z3K8Q4")]
}

struct ClaimEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case claimId = "claim_id", taskId = "task_id", riderId = "rider_id", state, reason, by
    }

    let claimId: String
    let taskId: String
    let riderId: String
    let state: String
    let reason: String?
    let by: String

    var auditTarget: String? { taskId }
    static let examples = [
        ClaimEvent(claimId: "clm_01J9Z3R6E1", taskId: "tsk_01J9Z3Q5D1", riderId: "rdr_01J9Z3M2A7", state: "active", reason: nil, by: "rdr_01J9Z3M2A7"),
        ClaimEvent(
            claimId: "clm_01J9Z3R6E2", taskId: "tsk_01J9Z3Q5D1", riderId: "rdr_01J9Z3M2B8", state: "revoked",
            reason: "连续两周未巡查", by: "usr_01J9Z3K8Q4"),
    ]
}

extension ClaimEvent {
    init(_ claim: Claim, by caller: Caller) {
        self.init(
            claimId: claim.id, taskId: claim.taskId, riderId: claim.riderId, state: claim.state.rawValue, reason: claim.reason,
            by: caller.id)
    }
}
