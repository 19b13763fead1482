import Foundation
import GRDB
import Storage
import TuanjuCore

/// Filters for listing riders.
public struct RiderFilter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable { case active, inactive, all }

    public var platform: Platform?
    public var partyMember: Bool?
    public var branch: String?
    public var nameContains: String?
    public var status: Status = .active

    public init() {}
}

/// Changes to a profile; nil leaves a field as it is.
public struct RiderChanges: Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var platform: String?
    public var partyMember: Bool?
    /// `.some(nil)` clears the branch.
    public var branch: String??
    /// The inbox's language: `zh` or `en`.
    public var language: String?
    /// When reminders wait: `11:00-13:00,17:00-19:30` or `none` (`QuietHours`).
    public var quietHours: String?

    public init() {}
    public var isEmpty: Bool { self == RiderChanges() }
}

/// The rules of rider profiles. Runs inside the caller's transaction.
public enum RiderDirectory {
    public static func register(_ db: Database, _ draft: RiderDraft, at date: Date) throws -> Rider {
        if try Rider.filter(Column("phone") == draft.phone.digits).fetchCount(db) > 0 {
            throw RiderError.phoneTaken(masked: draft.phone.masked)
        }
        let now = Timestamp.iso(date)
        let rider = Rider(
            id: Identifier.make("rdr"), name: draft.name, phone: draft.phone.digits,
            platform: draft.platform, partyMember: draft.partyMember, branch: draft.branch,
            active: true, registeredAt: now, updatedAt: now, deactivatedAt: nil, erasedAt: nil)
        try rider.insert(db)
        return rider
    }

    public static func find(_ db: Database, id: String) throws -> Rider {
        guard let rider = try Rider.fetchOne(db, key: id) else { throw RiderError.notFound(id: id) }
        return rider
    }

    /// Registration order; the order of paging.
    public static let keyset = Keyset(table: "riders", keys: ["rowid"], descending: false)

    public static func list(_ db: Database, _ filter: RiderFilter, page: PageRequest) throws -> Page<Rider> {
        var request = Rider.all()
        if let after = try keyset.after(db, page.after) { request = request.filter(sql: after.sql, arguments: after.arguments) }
        switch filter.status {
        case .active: request = request.filter(Column("active") == true)
        case .inactive: request = request.filter(Column("active") == false)
        case .all: break
        }
        if let platform = filter.platform { request = request.filter(Column("platform") == platform.rawValue) }
        if let party = filter.partyMember { request = request.filter(Column("party_member") == party) }
        if let branch = filter.branch { request = request.filter(Column("branch") == branch) }
        if let text = filter.nameContains, !text.isEmpty {
            request = request.filter(Column("name").like("%\(text)%"))
        }
        let rows = try request
            .order(Column.rowID)  // registration order
            .limit(page.limit + 1)
            .fetchAll(db)
        return Page.cut(rows, limit: page.limit, id: \.id)
    }

    public static func update(_ db: Database, id: String, _ changes: RiderChanges, at date: Date) throws -> Rider {
        var rider = try find(db, id: id)
        guard rider.erasedAt == nil else { throw RiderError.erased(id: id) }
        if let name = changes.name { rider.name = try Text.label(name, field: .fieldName) }
        if let platform = changes.platform { rider.platform = try Platform(parsing: platform) }
        if let party = changes.partyMember { rider.partyMember = party }
        if let branch = changes.branch { rider.branch = try RiderDraft.branch(branch) }
        if let language = changes.language {
            guard ["zh", "en"].contains(language) else { throw InputError.invalid(InboxMsg.languageUnknown, ["text": language]) }
            rider.language = language
        }
        if let quiet = changes.quietHours { rider.quietHours = try QuietHours(parsing: quiet).text }
        if let phoneText = changes.phone {
            let phone = try PhoneNumber(phoneText)
            if phone.digits != rider.phone,
               try Rider.filter(Column("phone") == phone.digits).fetchCount(db) > 0 {
                throw RiderError.phoneTaken(masked: phone.masked)
            }
            rider.phone = phone.digits
        }
        rider.updatedAt = Timestamp.iso(date)
        try rider.update(db)
        return rider
    }

    public static func deactivate(_ db: Database, id: String, at date: Date) throws -> Rider {
        var rider = try find(db, id: id)
        guard rider.active else { throw RiderError.inactive(id: id) }
        rider.active = false
        rider.deactivatedAt = Timestamp.iso(date)
        rider.updatedAt = rider.deactivatedAt!
        try rider.update(db)
        return rider
    }

    /// Erases a profile on the rider's request: name, phone, branch and party membership are gone for good; the
    /// id stays, as a pseudonymous account that keeps the rider's ledger, claims and reports consistent. The
    /// phone number is free to register again (as a new rider).
    public static func erase(_ db: Database, id: String, at date: Date) throws -> Rider {
        var rider = try find(db, id: id)
        guard rider.erasedAt == nil else { throw RiderError.erased(id: id) }
        let now = Timestamp.iso(date)
        rider.name = Rider.erasedName
        rider.phone = nil
        rider.branch = nil
        rider.partyMember = false
        rider.active = false
        rider.deactivatedAt = rider.deactivatedAt ?? now
        rider.erasedAt = now
        rider.updatedAt = now
        try rider.update(db)
        return rider
    }

    public static func reactivate(_ db: Database, id: String, at date: Date) throws -> Rider {
        var rider = try find(db, id: id)
        guard rider.erasedAt == nil else { throw RiderError.erased(id: id) }
        guard !rider.active else { throw RiderError.alreadyActive(id: id) }
        rider.active = true
        rider.deactivatedAt = nil
        rider.updatedAt = Timestamp.iso(date)
        try rider.update(db)
        return rider
    }
}
