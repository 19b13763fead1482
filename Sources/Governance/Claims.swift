import Foundation
import GRDB
import Storage
import TuanjuCore

/// The rules of claims. Each runs inside the caller's `BEGIN IMMEDIATE` transaction, so the checks and the
/// insert see the same state; the schema's unique index and capacity CHECK back them up.
public enum Claims {
    /// Claims a seat for `riderID`. At most `maxActive` live claims per rider.
    public static func claim(
        _ db: Database, taskID: String, riderID: String, maxActive: Int, at date: Date
    ) throws -> Claim {
        let task = try Tasks.find(db, id: taskID)
        guard task.state == .open else { throw GovernanceError.taskClosed(taskID: taskID) }
        if let startsAt = task.startsAt, let start = Timestamp.parse(startsAt), start > date {
            throw GovernanceError.taskNotStarted(taskID: taskID, startsAt: startsAt)
        }
        if let endsAt = task.endsAt, let end = Timestamp.parse(endsAt), end <= date {
            throw GovernanceError.taskEnded(taskID: taskID)
        }
        let riderActive = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT active FROM riders WHERE id = ?"), arguments: [riderID])
        guard riderActive == true else { throw GovernanceError.riderInactive(id: riderID) }
        if try activeClaim(db, taskID: taskID, riderID: riderID) != nil {
            throw GovernanceError.alreadyClaimed(taskID: taskID)
        }
        guard task.claimed < task.capacity else { throw GovernanceError.taskFull(taskID: taskID) }
        guard try liveClaimCount(db, riderID: riderID, at: date) < maxActive else {
            throw GovernanceError.tooManyClaims(limit: maxActive)
        }
        let claim = Claim(
            id: Identifier.make("clm"), taskId: taskID, riderId: riderID, state: .active,
            claimedAt: Timestamp.iso(date), endedAt: nil, endedBy: nil, reason: nil)
        // The hot path of a contended posting: a cached statement, no Codable round trip.
        try db.cachedStatement(sql: "INSERT INTO claims (id, task_id, rider_id, state, claimed_at) VALUES (?, ?, ?, 'active', ?)")
            .execute(arguments: [claim.id, claim.taskId, claim.riderId, claim.claimedAt])
        return claim
    }

    /// The rider gives their seat back.
    public static func release(_ db: Database, taskID: String, riderID: String, at date: Date) throws -> Claim {
        guard var claim = try activeClaim(db, taskID: taskID, riderID: riderID) else {
            throw GovernanceError.notClaimed(taskID: taskID)
        }
        claim.state = .released
        claim.endedAt = Timestamp.iso(date)
        claim.endedBy = riderID
        try claim.update(db)
        return claim
    }

    /// A coordinator takes a rider's seat away, with a reason.
    public static func revoke(
        _ db: Database, taskID: String, riderID: String, reason: String, by revoker: String, at date: Date
    ) throws -> Claim {
        let reason = try Text.label(reason, field: .fieldReason, maxLength: 500)
        _ = try Tasks.find(db, id: taskID)
        guard var claim = try activeClaim(db, taskID: taskID, riderID: riderID) else {
            throw GovernanceError.notClaimed(taskID: taskID)
        }
        claim.state = .revoked
        claim.endedAt = Timestamp.iso(date)
        claim.endedBy = revoker
        claim.reason = reason
        try claim.update(db)
        return claim
    }

    public static func activeClaim(_ db: Database, taskID: String, riderID: String) throws -> Claim? {
        try Claim.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM claims WHERE rider_id = ? AND task_id = ? AND state = 'active'"),
            arguments: [riderID, taskID])
    }

    /// The rider's oldest active claim on a posting of `roleCode` (what a report is filed under).
    public static func activeClaim(_ db: Database, riderID: String, roleCode: String) throws -> Claim? {
        try Claim.fetchOne(db.cachedStatement(sql: """
            SELECT claims.* FROM claims JOIN tasks ON tasks.id = claims.task_id
            WHERE claims.rider_id = ? AND claims.state = 'active' AND tasks.role_code = ?
            ORDER BY claims.claimed_at, claims.id LIMIT 1
            """), arguments: [riderID, roleCode])
    }

    /// Whether anyone holds an active claim on the posting.
    public static func hasActiveClaims(_ db: Database, taskID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM claims WHERE task_id = ? AND state = 'active')"), arguments: [taskID]) ?? false
    }

    /// Active claims on postings that are still live (open, not ended) at `date`.
    public static func liveClaimCount(_ db: Database, riderID: String, at date: Date) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM claims JOIN tasks ON tasks.id = claims.task_id
            WHERE claims.rider_id = ? AND claims.state = 'active' AND tasks.state = 'open'
              AND (tasks.ends_at IS NULL OR tasks.ends_at > ?)
            """), arguments: [riderID, Timestamp.iso(date)]) ?? 0
    }

    /// Claim history, newest first.
    public static let keyset = Keyset(table: "claims", keys: ["claimed_at", "id"], descending: true)

    public static func history(_ db: Database, taskID: String?, riderID: String?, page: PageRequest) throws -> Page<Claim> {
        var request = Claim.all()
        if let taskID { request = request.filter(Column("task_id") == taskID) }
        if let riderID { request = request.filter(Column("rider_id") == riderID) }
        if let after = try keyset.after(db, page.after) { request = request.filter(sql: after.sql, arguments: after.arguments) }
        let rows = try request.order(Column("claimed_at").desc, Column("id").desc).limit(page.limit + 1).fetchAll(db)
        return Page.cut(rows, limit: page.limit, id: \.id)
    }

    /// Active claims of a posting with the riders' names, for coordinators.
    public static func claimers(_ db: Database, taskID: String) throws -> [(claim: Claim, riderName: String)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT claims.*, riders.name AS rider_name FROM claims JOIN riders ON riders.id = claims.rider_id
            WHERE claims.task_id = ? AND claims.state = 'active' ORDER BY claims.claimed_at, claims.id
            """, arguments: [taskID])
        return try rows.map { (try Claim(row: $0), $0["rider_name"]) }
    }
}
