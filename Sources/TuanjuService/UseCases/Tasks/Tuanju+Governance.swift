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
        try useCase(caller, requires: .staff(ServiceMsg.actionManageTasks)).write { work in
            let task = try Tasks.create(work.db, draft, by: caller.id, at: work.now)
            try work.emit(.taskCreated, TaskEvent(task, by: caller))
            return task
        }
    }

    /// `tasks update` (staff).
    public func updateTask(_ caller: Caller, id: String, _ changes: TaskChanges) throws -> TaskPosting {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionManageTasks))
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        return try useCase.write { work in
            let task = try Tasks.update(work.db, id: id, changes)
            try work.emit(.taskUpdated, TaskEvent(task, by: caller))
            return task
        }
    }

    /// `tasks close` (staff): the posting's active claims end with it.
    public func closeTask(_ caller: Caller, id: String) throws -> TaskPosting {
        try useCase(caller, requires: .staff(ServiceMsg.actionManageTasks)).write { work in
            let (task, ended) = try Tasks.close(work.db, id: id, by: caller.id, at: work.now)
            try work.emit(.taskClosed, TaskClosedEvent(
                taskId: task.id, role: task.roleCode, claimsEnded: ended, by: caller.id))
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
        try useCase(caller, requires: .rider(ServiceMsg.actionClaimTasks)).write { work in
            let limit = try Setting.maxActiveClaims.value(work.db)
            let claim = try Claims.claim(work.db, taskID: id, riderID: caller.id, maxActive: limit, at: work.now)
            try work.emit(.taskClaimed, ClaimEvent(claim, by: caller))
            return claim
        }
    }

    /// `tasks release` (rider): gives the caller's own seat back.
    public func releaseTask(_ caller: Caller, id: String) throws -> Claim {
        try useCase(caller, requires: .rider(ServiceMsg.actionClaimTasks)).write { work in
            let claim = try Claims.release(work.db, taskID: id, riderID: caller.id, at: work.now)
            try work.emit(.taskReleased, ClaimEvent(claim, by: caller))
            return claim
        }
    }

    /// `tasks revoke` (staff): takes a rider's seat away, with a reason.
    public func revokeClaim(_ caller: Caller, taskID: String, riderID: String, reason: String) throws -> Claim {
        try useCase(caller, requires: .staff(ServiceMsg.actionRevokeClaims)).write { work in
            let claim = try Claims.revoke(work.db, taskID: taskID, riderID: riderID, reason: reason, by: caller.id, at: work.now)
            try work.emit(.taskClaimRevoked, ClaimEvent(claim, by: caller))
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
