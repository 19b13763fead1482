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

    /// `audit list` (admin): newest first.
    public func auditLog(_ caller: Caller, actor: String?, since: Date?, limit: Int) throws -> [AuditLog.Entry] {
        try caller.requireAdmin(OpsMsg.actionReadAudit)
        guard (1...10_000).contains(limit) else { throw InputError.invalid(.limitRange, ["max": "10000"]) }
        return try database.read { db in try AuditLog.list(db, actor: actor, since: since, limit: limit) }
    }
}
