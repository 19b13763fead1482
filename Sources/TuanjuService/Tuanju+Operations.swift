import Foundation
import GRDB
import Identity
import Storage
import TuanjuCore

extension Tuanju {
    /// Runs one command with an audit context: staff use cases inside are logged with `command`.
    public static func audited<T>(command: String, _ body: () throws -> T) rethrows -> T {
        try AuditLog.$context.withValue(AuditLog.ContextBox(AuditContext(command: command)), operation: body)
    }

    /// The same for a request of the HTTP server (`command` is `http POST /v1/reports/{id}/review`: the route's
    /// pattern, never a URL with ids). Work the request hands to another thread must carry `AuditLog.context`
    /// there: a dispatch queue does not inherit task-locals.
    public static func audited<T>(command: String, _ body: () async throws -> T) async rethrows -> T {
        try await AuditLog.$context.withValue(AuditLog.ContextBox(AuditContext(command: command)), operation: body)
    }

    /// `audit list` (admin): newest first.
    public func auditLog(
        _ caller: Caller, actor: String?, since: Date?, page: PageRequest = PageRequest()
    ) throws -> Page<AuditLog.Entry> {
        try caller.requireAdmin(ServiceMsg.actionReadAudit)
        let page = try page.checked()
        return try database.read { db in try AuditLog.list(db, actor: actor, since: since, page: page) }
    }
}
