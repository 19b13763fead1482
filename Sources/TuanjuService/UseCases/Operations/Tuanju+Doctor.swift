import Foundation
import GRDB
import PhotoStore
import Points
import Reports
import Storage
import TuanjuCore

/// One thing `tuanju doctor` found wrong.
public struct DoctorProblem: Sendable, Equatable, Codable {
    /// Which check: integrity, foreign_keys, ledger, claims, signups, map_index, photos, webhooks.
    public let check: String
    public let detail: String
}

extension Tuanju {
    /// The checks `doctor` runs, in order.
    public static let doctorChecks = ["integrity", "foreign_keys", "ledger", "claims", "signups", "map_index", "photos", "webhooks"]

    /// `tuanju doctor` (admin): every invariant the system promises, from one read snapshot (plus the photo
    /// directory). An empty list means healthy.
    public func doctor(_ caller: Caller) throws -> [DoctorProblem] {
        try caller.requireAdmin(ServiceMsg.actionRunDoctor)
        let now = self.now
        let store = photoStore
        return try database.read { db in
            var problems: [DoctorProblem] = []
            func add(_ check: String, _ details: [String]) { problems += details.map { DoctorProblem(check: check, detail: $0) } }
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            add("integrity", integrity == ["ok"] ? [] : integrity)
            add("foreign_keys", try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map {
                "\($0[0] as String? ?? "?") row \($0[1] as Int64? ?? 0) → \($0[2] as String? ?? "?")"
            })
            add("ledger", try LedgerAudit.problems(db, budgetCap: try Setting.pointsBudgetCap.value(db)))
            add("claims", try String.fetchAll(db, sql: """
                SELECT 'task ' || id || ': claimed ' || claimed || ', active claims ' || active || ', capacity ' || capacity
                FROM (SELECT t.id, t.claimed, t.capacity,
                        (SELECT count(*) FROM claims c WHERE c.task_id = t.id AND c.state = 'active') AS active FROM tasks t)
                WHERE claimed <> active OR claimed > capacity
                """))
            add("signups", try String.fetchAll(db, sql: """
                SELECT 'session ' || id || ': signed up ' || signed_up || ', confirmed ' || confirmed || ', capacity ' || capacity
                FROM (SELECT s.id, s.signed_up, s.capacity,
                        (SELECT count(*) FROM activity_signups a WHERE a.session_id = s.id AND a.state = 'confirmed') AS confirmed
                      FROM activity_sessions s)
                WHERE signed_up <> confirmed OR signed_up > capacity
                """))
            add("map_index", try String.fetchAll(db, sql: """
                SELECT 'point ' || p.id || ' is active but not in the search index' FROM service_points p
                WHERE p.active = 1 AND NOT EXISTS (SELECT 1 FROM service_points_rtree r WHERE r.rid = p.rid
                    AND r.min_lat <= p.lat AND r.max_lat >= p.lat AND r.min_lon <= p.lon AND r.max_lon >= p.lon)
                UNION ALL
                SELECT 'index entry ' || r.rid || ' has no active point' FROM service_points_rtree r
                WHERE NOT EXISTS (SELECT 1 FROM service_points p WHERE p.rid = r.rid AND p.active = 1)
                """))
            add("photos", try photoProblems(db, store: store, now: now))
            add("webhooks", try String.fetchAll(db, sql: """
                SELECT count(*) || ' deliveries overdue by more than an hour (is `tuanju webhooks run` running?)'
                FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at < ? HAVING count(*) > 0
                UNION ALL
                SELECT count(*) || ' events older than an hour not yet fanned out to endpoints'
                FROM outbox WHERE seq > (SELECT seq FROM webhook_cursor WHERE id = 1) AND created_at < ?
                  AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled = 1 AND removed = 0)
                HAVING count(*) > 0
                """, arguments: [Timestamp.iso(now.addingTimeInterval(-3600)), Timestamp.iso(now.addingTimeInterval(-3600))]))
            return problems
        }
    }

    /// `tuanju doctor` on a database that cannot be opened: SQLite's findings on the file, read directly.
    public static func damageFindings(_ directory: DataDirectory) -> [DoctorProblem] {
        let findings = DamageInspection.findings(path: directory.databasePath)
        return (findings.isEmpty ? ["the database opens only partly; restore the last backup"] : findings)
            .map { DoctorProblem(check: "integrity", detail: $0) }
    }

    /// Referenced photos missing from disk, and files no report references that are older than an hour (a
    /// submission writes its files just before its transaction commits; `photos gc` removes the rest).
    func photoProblems(_ db: Database, store: PhotoStore, now: Date) throws -> [String] {
        let referenced = try Reports.referencedPhotos(db)
        var problems: [String] = []
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.photosPath, isDirectory: &isDirectory) || !isDirectory.boolValue {
            problems.append("the photo directory \(directory.photosPath) is missing (restore it from a backup)")
        }
        problems += referenced.sorted().filter { !store.contains($0) }.map { hash in
            let expected = store.url(for: hash, format: .jpeg)?.deletingPathExtension().path ?? hash
            return "photo \(hash) is referenced but missing (\(expected).jpg or .png)"
        }
        problems += try photoPrintProblems(db, store: store, referenced: referenced)
        let cutoff = now.addingTimeInterval(-3600)
        for hash in try store.allHashes().sorted() where !referenced.contains(hash) {
            if (Self.modificationDate(store.url(for: hash)) ?? .distantPast) < cutoff {
                problems.append("photo \(hash) is not referenced by any report (run `tuanju photos gc`)")
            }
        }
        return problems
    }
}
