import Foundation
import GRDB
import Identity
import Points
import Storage
import TuanjuCore

extension Tuanju {
    /// `points balance [--rider ID]`: a rider sees their own; staff anyone's.
    public func pointsBalance(_ caller: Caller, riderID: String?) throws -> Balance {
        let riderID = try riderID ?? ownID(caller)
        try caller.requireSelfOrStaff(riderID: riderID, what: .whatPoints)
        return try database.read { db in
            try requireRider(db, riderID)
            return try Ledger.balance(db, riderID: riderID)
        }
    }

    /// `points history [--rider ID]`: transfers in and out of the rider's account, newest first.
    public func pointsHistory(_ caller: Caller, riderID: String?, page: PageRequest = PageRequest()) throws -> Page<Transfer> {
        let riderID = try riderID ?? ownID(caller)
        try caller.requireSelfOrStaff(riderID: riderID, what: .whatPoints)
        let page = try page.checked()
        return try database.read { db in
            try requireRider(db, riderID)
            return try Ledger.history(db, account: Ledger.riderAccount(riderID), page: page)
        }
    }

    /// `points award` (staff): points from the budget for something done offline. `key` makes a script's
    /// retry harmless; without one every call is a new award.
    public func awardPoints(_ caller: Caller, riderID: String, amount: Int, reason: String, key: String?) throws -> Balance {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionAdjustPoints))
        let amount = try LedgerLimits.awardAmount(amount)
        // A hand-made award says why: the ledger is read by people.
        guard !Text.clean(reason).isEmpty else { throw InputError.invalid(.reasonRequired) }
        return try useCase.write { work in
            try requireRider(work.db, riderID)
            let key = "manual:" + (key ?? Identifier.make("awd"))
            try award(work, riderID: riderID, amount: amount, key: key, reason: reason)
            return try Ledger.balance(work.db, riderID: riderID)
        }
    }

    /// Awards points inside a use case's transaction, under the budget cap, with its event. Reports and
    /// lessons call this with keys such as `award:report:<id>` and `lesson:<id>:<rider>`.
    /// The award is made by the staff member acting, or by the rule itself (nil) when a rider's action pays.
    @discardableResult
    func award(_ work: Work, riderID: String, amount: Int, key: String, reason: String) throws -> Bool {
        let cap = try Setting.pointsBudgetCap.value(work.db)
        let actor = work.staffID
        let made = try Ledger.award(work.db, riderID: riderID, amount: amount, key: key, reason: reason, cap: cap, by: actor, at: work.now)
        if made {
            try work.emit(.pointsAwarded, PointsEvent(riderId: riderID, amount: amount, key: key, reason: reason, by: actor))
        }
        return made
    }

    /// `points adjust` (admin): a correction is a new transfer with a reason, never an edit.
    public func adjustPoints(_ caller: Caller, riderID: String, amount: Int, reason: String, key: String?) throws -> Balance {
        let useCase = try useCase(caller, requires: .admin(ServiceMsg.actionAdjustPoints))
        // Bounded before anything else: `abs` below cannot meet Int.min.
        let amount = try LedgerLimits.adjustmentAmount(amount)
        guard !Text.clean(reason).isEmpty else { throw InputError.invalid(.reasonRequired) }
        return try useCase.write { work in
            try requireRider(work.db, riderID)
            let account = try Ledger.ensureAccount(work.db, riderID: riderID)
            let key = "adjust:" + (key ?? Identifier.make("adj"))
            let (from, to) = amount > 0 ? (Ledger.adjustments, account) : (account, Ledger.adjustments)
            try Ledger.transfer(work.db, key: key, from: from, to: to, amount: abs(amount), kind: .adjustment,
                                reason: reason, by: caller.id, at: work.now)
            try work.emit(.pointsAdjusted, PointsEvent(
                riderId: riderID, amount: amount, key: key, reason: reason, by: caller.id))
            return try Ledger.balance(work.db, riderID: riderID)
        }
    }

    /// `points verify` (admin): every invariant of the ledger; an empty list means sound.
    public func verifyLedger(_ caller: Caller) throws -> [String] {
        try caller.requireAdmin(.actionVerifyLedger)
        return try database.read { db in
            try LedgerAudit.problems(db, budgetCap: try Setting.pointsBudgetCap.value(db))
        }
    }

    func requireRider(_ db: Database, _ riderID: String) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM riders WHERE id = ?"), arguments: [riderID]) == true else {
            throw PointsError.riderNotFound(id: riderID)
        }
    }

    /// The caller's own rider id, for commands whose ID a rider may leave out.
    func ownID(_ caller: Caller) throws -> String {
        guard caller.kind == .rider else { throw InputError.invalid(.giveRiderID) }
        return caller.id
    }
}
