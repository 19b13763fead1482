import Foundation
import GRDB
import Governance
import Identity
import Riders
import Storage
import TuanjuCore

/// A posting as a caller may see it: coordinators also see who holds its seats.
public struct TaskDetail: Sendable {
    public let task: TaskPosting
    /// Nil for riders.
    public let claimers: [Claimer]?
}

public struct Claimer: Sendable, Equatable {
    public let riderId: String
    public let name: String
    public let claimedAt: String
}

extension Tuanju {
    /// `tasks create` (staff).
    public func createTask(_ caller: Caller, _ draft: TaskDraft) throws -> TaskPosting {
        try caller.requireStaff(.actionManageTasks)
        let now = self.now
        return try database.write { db in
            let task = try Tasks.create(db, draft, by: caller.id, at: now)
            try Outbox.append(db, type: "task.created", payload: TaskEvent(task, by: caller), at: now)
            return task
        }
    }

    /// `tasks update` (staff).
    public func updateTask(_ caller: Caller, id: String, _ changes: TaskChanges) throws -> TaskPosting {
        try caller.requireStaff(.actionManageTasks)
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        let now = self.now
        return try database.write { db in
            let task = try Tasks.update(db, id: id, changes)
            try Outbox.append(db, type: "task.updated", payload: TaskEvent(task, by: caller), at: now)
            return task
        }
    }

    /// `tasks close` (staff): the posting's active claims end with it.
    public func closeTask(_ caller: Caller, id: String) throws -> TaskPosting {
        try caller.requireStaff(.actionManageTasks)
        let now = self.now
        return try database.write { db in
            let (task, ended) = try Tasks.close(db, id: id, by: caller.id, at: now)
            try Outbox.append(db, type: "task.closed", payload: TaskClosedEvent(
                taskId: task.id, role: task.roleCode, claimsEnded: ended, by: caller.id), at: now)
            return task
        }
    }

    /// `tasks list` (any token).
    public func listTasks(_ caller: Caller, _ filter: TaskFilter, page: PageRequest = PageRequest()) throws -> Page<TaskPosting> {
        let now = self.now
        let page = try page.checked()
        return try database.read { db in try Tasks.list(db, filter, page: page, at: now) }
    }

    /// `tasks show` (any token; claimers for staff only).
    public func task(_ caller: Caller, id: String) throws -> TaskDetail {
        try database.read { db in
            let task = try Tasks.find(db, id: id)
            let claimers = caller.isStaff
                ? try Claims.claimers(db, taskID: id).map {
                    Claimer(riderId: $0.claim.riderId, name: $0.riderName, claimedAt: $0.claim.claimedAt)
                }
                : nil
            return TaskDetail(task: task, claimers: claimers)
        }
    }

    /// `tasks claim` (rider): one transaction; capacity, uniqueness and the per-rider limit are checked
    /// inside it.
    public func claimTask(_ caller: Caller, id: String) throws -> Claim {
        try caller.requireRider(.actionClaimTasks)
        let now = self.now
        return try database.write { db in
            let limit = try Setting.maxActiveClaims.value(db)
            let claim = try Claims.claim(db, taskID: id, riderID: caller.id, maxActive: limit, at: now)
            try Outbox.append(db, type: "task.claimed", payload: ClaimEvent(claim, by: caller), at: now)
            return claim
        }
    }

    /// `tasks release` (rider): gives the caller's own seat back.
    public func releaseTask(_ caller: Caller, id: String) throws -> Claim {
        try caller.requireRider(.actionClaimTasks)
        let now = self.now
        return try database.write { db in
            let claim = try Claims.release(db, taskID: id, riderID: caller.id, at: now)
            try Outbox.append(db, type: "task.released", payload: ClaimEvent(claim, by: caller), at: now)
            return claim
        }
    }

    /// `tasks revoke` (staff): takes a rider's seat away, with a reason.
    public func revokeClaim(_ caller: Caller, taskID: String, riderID: String, reason: String) throws -> Claim {
        try caller.requireStaff(.actionRevokeClaims)
        let now = self.now
        return try database.write { db in
            let claim = try Claims.revoke(db, taskID: taskID, riderID: riderID, reason: reason, by: caller.id, at: now)
            try Outbox.append(db, type: "task.claim_revoked", payload: ClaimEvent(claim, by: caller), at: now)
            return claim
        }
    }

    /// `tasks claims`: riders see their own history; staff anyone's.
    public func claimHistory(
        _ caller: Caller, taskID: String?, riderID: String?, page: PageRequest = PageRequest()
    ) throws -> Page<Claim> {
        let page = try page.checked()
        let riderID = try caller.scope(riderID: riderID, what: .whatClaims)
        return try database.read { db in try Claims.history(db, taskID: taskID, riderID: riderID, page: page) }
    }
}

// MARK: - Events

struct TaskEvent: Encodable {
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

    init(_ task: TaskPosting, by caller: Caller) {
        taskId = task.id
        role = task.roleCode
        title = task.title
        capacity = task.capacity
        claimed = task.claimed
        startsAt = task.startsAt
        endsAt = task.endsAt
        points = task.points
        state = task.state.rawValue
        by = caller.id
    }
}

struct TaskClosedEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case taskId = "task_id", role, claimsEnded = "claims_ended", by
    }

    let taskId: String
    let role: String
    let claimsEnded: Int
    let by: String
}

struct ClaimEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case claimId = "claim_id", taskId = "task_id", riderId = "rider_id", state, reason, by
    }

    let claimId: String
    let taskId: String
    let riderId: String
    let state: String
    let reason: String?
    let by: String

    init(_ claim: Claim, by caller: Caller) {
        claimId = claim.id
        taskId = claim.taskId
        riderId = claim.riderId
        state = claim.state.rawValue
        reason = claim.reason
        by = caller.id
    }
}
