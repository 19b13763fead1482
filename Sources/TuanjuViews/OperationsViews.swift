import Storage
import TuanjuService

/// What `doctor --json` prints: every check run, and the problems found (none when `ok`).
public struct DoctorJSON: Encodable, Sendable {
    public let ok: Bool
    public let checks: [String]
    public let problems: [DoctorProblem]

    public init(_ problems: [DoctorProblem]) {
        ok = problems.isEmpty
        checks = Tuanju.doctorChecks
        self.problems = problems
    }
}

/// One entry of `audit list --json`.
public struct AuditEntryJSON: Encodable, Sendable {
    public let seq: Int64
    public let at: String
    public let actor_id: String
    public let actor_role: String
    public let action: String
    public let target: String?
    public let command: String

    public init(_ entry: AuditLog.Entry) {
        seq = entry.seq
        at = entry.at
        actor_id = entry.actorID
        actor_role = entry.actorRole
        action = entry.action
        target = entry.target
        command = entry.command
    }
}
