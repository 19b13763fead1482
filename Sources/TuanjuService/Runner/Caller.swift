import Identity
import Storage
import TuanjuCore

/// Who is acting: resolved from a token by `Tuanju.authenticate`. Every use case takes one and decides,
/// itself, what this caller may do.
public struct Caller: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case admin, coordinator, rider
    }

    public let kind: Kind
    public let id: String
    public let name: String
    /// What the caller is running, for the audit log: `tuanju reports review`, or an HTTP route's pattern
    /// `http POST /v1/reports/{id}/review` (never a URL with ids).
    public let command: String

    public init(kind: Kind, id: String, name: String, command: String = "tuanju") {
        self.kind = kind
        self.id = id
        self.name = name
        self.command = command
    }

    /// The same caller running another command (an HTTP server authenticates once per request, then names
    /// the route).
    public func running(_ command: String) -> Caller {
        Caller(kind: kind, id: id, name: name, command: command)
    }

    /// Staff actions are audited; riders' actions are their own records.
    var auditActor: AuditActor? {
        isStaff ? AuditActor(id: id, role: kind.rawValue, command: command) : nil
    }

    public var isStaff: Bool { kind == .admin || kind == .coordinator }

    func requireStaff(_ action: ServiceMsg) throws(AccessError) { try requireStaff(action as any CatalogMessage) }
    func requireAdmin(_ action: ServiceMsg) throws(AccessError) { try requireAdmin(action as any CatalogMessage) }
    func requireRider(_ action: ServiceMsg) throws(AccessError) { try requireRider(action as any CatalogMessage) }
    func requireSelfOrStaff(riderID: String, what: ServiceMsg) throws(AccessError) {
        try requireSelfOrStaff(riderID: riderID, what: what as any CatalogMessage)
    }
    func scope(riderID: String?, what: ServiceMsg) throws(AccessError) -> String? {
        try scope(riderID: riderID, what: what as any CatalogMessage)
    }

    /// Admins and coordinators.
    func requireStaff(_ action: any CatalogMessage) throws(AccessError) {
        guard isStaff else { throw .forbidden(action) }
    }

    func requireAdmin(_ action: any CatalogMessage) throws(AccessError) {
        guard kind == .admin else { throw .forbidden(action) }
    }

    func requireRider(_ action: any CatalogMessage) throws(AccessError) {
        guard kind == .rider else { throw .forbidden(action) }
    }

    /// Staff may act on any rider; a rider only on themself.
    func requireSelfOrStaff(riderID: String, what: any CatalogMessage) throws(AccessError) {
        if isStaff { return }
        guard kind == .rider, id == riderID else { throw .notYours(what) }
    }

    /// The rider a listing is about: a rider always lists their own (asking for another is refused);
    /// staff list the one asked for, or everyone when nil.
    func scope(riderID: String?, what: any CatalogMessage) throws(AccessError) -> String? {
        guard kind == .rider else { return riderID }
        if let riderID, riderID != id { throw .notYours(what) }
        return id
    }
}
