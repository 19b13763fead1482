import Foundation
import GRDB
import Identity
import Storage
import TuanjuCore

/// What a use case requires of its caller, checked before anything else happens.
enum Permission {
    /// Any valid token.
    case anyone
    /// Admins and coordinators; `action` names what was refused.
    case staff(_ action: any CatalogMessage)
    case admin(_ action: any CatalogMessage)
    case rider(_ action: any CatalogMessage)

    func check(_ caller: Caller) throws(AccessError) {
        switch self {
        case .anyone: return
        case .staff(let action): try caller.requireStaff(action)
        case .admin(let action): try caller.requireAdmin(action)
        case .rider(let action): try caller.requireRider(action)
        }
    }
}

/// One use case in progress: a caller whose permission was checked, and one `now` for every row it writes.
/// `write` runs one transaction; a batch use case (imports, redemption runs) calls it once per chunk, with the
/// same caller and time.
struct UseCase {
    let database: AppDatabase
    /// Nil for work the installation does itself (`init`, scheduled jobs): nothing is audited.
    let caller: Caller?
    let now: Date

    func write<T>(_ body: (Work) throws -> T) throws -> T {
        try database.write { db in try body(work(db)) }
    }

    /// Reads in one snapshot, at the use case's time (dry runs, checks before a write).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }

    /// The work of this use case on a connection already in a transaction (an importer's per-row callback).
    func work(_ db: Database) -> Work {
        Work(db: db, now: now, caller: caller)
    }
}

/// Inside a use case's transaction: the connection, the time and the caller. Events emitted here go to the
/// outbox, and for a staff caller to the audit log, in the same transaction as the change they announce.
struct Work {
    let db: Database
    let now: Date
    let caller: Caller?

    /// Appends `payload` as an event of `kind` (its type must be the kind's payload type), and the notifications
    /// it gives riders (`Notifications`) with its `notification.created` event; returns the event id.
    @discardableResult
    func emit<Payload: EventPayload>(_ kind: EventKind, _ payload: Payload) throws -> String {
        assert(kind.payloadType == Payload.self, "\(kind.rawValue) carries \(kind.payloadType), not \(Payload.self)")
        let id = try Outbox.append(db, type: kind.rawValue, payload: payload, at: now)
        for notification in try notify(kind, payload, eventID: id) {  // the riders' inboxes, each with its own event
            try Outbox.append(db, type: EventKind.notificationCreated.rawValue, payload: notification, at: now)
        }
        if let actor = caller?.auditActor {
            try AuditLog.record(db, actor, action: kind.rawValue, target: payload.auditTarget, at: now)
        }
        return id
    }

    /// Records a staff action that announces nothing to webhooks (credentials, the webhook set-up itself) in
    /// the audit log.
    func audit(_ action: AuditAction, target: String?) throws {
        if let actor = caller?.auditActor { try AuditLog.record(db, actor, action: action.rawValue, target: target, at: now) }
    }

    /// The acting staff member's id, for records that say who decided something (`by`); nil when a rider's own
    /// action or the installation itself does the work.
    var staffID: String? { caller?.isStaff == true ? caller?.id : nil }
}

extension Tuanju {
    /// Starts a use case: refuses a caller without `permission` (nothing has happened yet) and fixes its time.
    func useCase(_ caller: Caller, requires permission: Permission) throws(AccessError) -> UseCase {
        try permission.check(caller)
        return UseCase(database: database, caller: caller, now: now)
    }

    /// Work the installation does itself, with no caller (seeding, scheduled jobs).
    func systemUseCase() -> UseCase {
        UseCase(database: database, caller: nil, now: now)
    }
}
