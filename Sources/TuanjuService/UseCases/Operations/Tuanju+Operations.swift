import Foundation
import GRDB
import Identity
import Storage
import TuanjuCore

extension Tuanju {
    /// `audit list` (admin): newest first.
    public func auditLog(
        _ caller: Caller, actor: String?, since: Date?, page: PageRequest = PageRequest()
    ) throws -> Page<AuditLog.Entry> {
        try caller.requireAdmin(ServiceMsg.actionReadAudit)
        let page = try page.checked()
        return try database.read { db in try AuditLog.list(db, actor: actor, since: since, page: page) }
    }
}
