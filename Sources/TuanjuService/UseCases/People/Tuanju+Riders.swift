import CSVReader
import Foundation
import GRDB
import Identity
import Riders
import Storage
import TuanjuCore

extension Tuanju {
    /// `riders register` (staff): the new rider's token is returned once.
    public func registerRider(
        _ caller: Caller, name: String, phone: String, platform: String, partyMember: Bool, branch: String?
    ) throws -> IssuedRider {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionRegisterRiders))
        let draft = try RiderDraft(name: name, phone: phone, platform: platform, partyMember: partyMember, branch: branch)
        return try useCase.write { work in
            let rider = try RiderDirectory.register(work.db, draft, at: work.now)
            let token = try Credentials.issue(work.db, for: .rider(id: rider.id), at: work.now)
            try work.emit(.riderRegistered, RiderEvent(rider, by: caller))
            return IssuedRider(profile: RiderProfile(rider, for: caller), token: token)
        }
    }

    /// `riders import` (staff): commits in chunks of about a second (`ImportChunks`), so no other writer
    /// waits for more than one chunk (reads never wait). Rows upsert by phone, so a re-run after an interruption
    /// finishes the work exactly once, counting what the interrupted run committed as `unchanged`. Each
    /// chunk that changed riders appends its own `riders.imported` event. `strict` reads the whole file
    /// first and imports nothing when any row is bad.
    public func importRiders(
        _ caller: Caller, path: String, strict: Bool, progress: ((Int) -> Void)? = nil
    ) throws -> RiderImportSummary {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionImportRiders))
        do {
            if strict { try RiderImport.check(reader: try CSVReader(path: path), path: path) }
            var importer = try RiderImport(reader: try CSVReader(path: path), path: path, at: useCase.now)
            var more = true
            while more {
                try useCase.write { work in
                    let (chunk, rest) = try importer.step(
                        work.db, rows: ImportChunks.rows, until: ImportChunks.deadline, progress: progress)
                    if chunk.imported + chunk.updated > 0 {
                        try work.emit(.ridersImported, RidersImportedEvent(
                            imported: chunk.imported, updated: chunk.updated, unchanged: chunk.unchanged,
                            skipped: chunk.skipped, by: caller.id))
                    }
                    more = rest
                }
                if more { ImportChunks.yield() }
            }
            return importer.summary
        } catch let error as CSVReadError {
            throw InputError.missingFile(path: path, reason: error.reason)
        }
    }

    /// `riders show [ID]`: a rider sees themself (without ID); staff see anyone.
    public func rider(_ caller: Caller, id: String?) throws -> RiderProfile {
        let id = try id ?? ownID(caller)
        try caller.requireSelfOrStaff(riderID: id, what: .whatRiderProfile)
        return try database.read { db in RiderProfile(try RiderDirectory.find(db, id: id), for: caller) }
    }

    /// `riders list` (staff).
    public func listRiders(_ caller: Caller, _ filter: RiderFilter, page: PageRequest = PageRequest()) throws -> Page<RiderProfile> {
        try caller.requireStaff(.actionListRiders)
        let page = try page.checked()
        return try database.read { db in try RiderDirectory.list(db, filter, page: page).map { RiderProfile($0, for: caller) } }
    }

    /// `riders update` (staff, or the rider on their own profile).
    public func updateRider(_ caller: Caller, id: String?, _ changes: RiderChanges) throws -> RiderProfile {
        let id = try id ?? ownID(caller)
        try caller.requireSelfOrStaff(riderID: id, what: .whatRiderProfile)
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        return try useCase(caller, requires: .anyone).write { work in
            let rider = try RiderDirectory.update(work.db, id: id, changes, at: work.now)
            try work.emit(.riderUpdated, RiderEvent(rider, by: caller))
            return RiderProfile(rider, for: caller)
        }
    }

    /// `riders deactivate` (staff): the rider's tokens stop working in the same transaction.
    public func deactivateRider(_ caller: Caller, id: String) throws -> RiderProfile {
        try useCase(caller, requires: .staff(ServiceMsg.actionDeactivateRiders)).write { work in
            let rider = try RiderDirectory.deactivate(work.db, id: id, at: work.now)
            try Credentials.revokeAll(work.db, of: .rider(id: id), at: work.now)
            try work.emit(.riderDeactivated, RiderEvent(rider, by: caller))
            return RiderProfile(rider, for: caller)
        }
    }

    /// `riders reactivate` (staff). Old tokens stay revoked: issue a new one with `riders token`.
    public func reactivateRider(_ caller: Caller, id: String) throws -> RiderProfile {
        try useCase(caller, requires: .staff(ServiceMsg.actionReactivateRiders)).write { work in
            let rider = try RiderDirectory.reactivate(work.db, id: id, at: work.now)
            try work.emit(.riderReactivated, RiderEvent(rider, by: caller))
            return RiderProfile(rider, for: caller)
        }
    }

    /// `riders token` (staff): a new token for an active rider (imported riders have none); older ones are revoked.
    public func issueRiderToken(_ caller: Caller, id: String) throws -> IssuedRider {
        try useCase(caller, requires: .staff(ServiceMsg.actionIssueRiderTokens)).write { work in
            let rider = try RiderDirectory.find(work.db, id: id)
            guard rider.active else { throw RiderError.inactive(id: id) }
            try Credentials.revokeAll(work.db, of: .rider(id: id), at: work.now)
            let token = try Credentials.issue(work.db, for: .rider(id: id), at: work.now)
            try work.audit(.riderTokenIssued, target: rider.id)
            return IssuedRider(profile: RiderProfile(rider, for: caller), token: token)
        }
    }
}
