import TuanjuCore

/// What a coordinator does to a report. The state machine:
///
///     submitted → accepted | rejected (reason) | duplicate (of another report)
///     accepted  → dispatched (agency) → resolved → reopened → dispatched | resolved
///
/// Anything else is refused with `invalid_state`.
public enum ReviewAction: Sendable, Equatable {
    case accept(note: String)
    case reject(reason: String)
    case duplicate(of: String, note: String)
    case dispatch(agency: String, note: String)
    case resolve(note: String)
    case reopen(note: String)

    /// The status the action leads to.
    public var target: Report.Status {
        switch self {
        case .accept: .accepted
        case .reject: .rejected
        case .duplicate: .duplicate
        case .dispatch: .dispatched
        case .resolve: .resolved
        case .reopen: .reopened
        }
    }

    /// The statuses it may start from.
    public var allowedFrom: Set<Report.Status> {
        switch self {
        case .accept, .reject, .duplicate: [.submitted]
        case .dispatch: [.accepted, .reopened]
        case .resolve: [.dispatched, .reopened]
        case .reopen: [.resolved]
        }
    }

    /// The note kept in the history.
    public var note: String {
        switch self {
        case .accept(let note), .duplicate(_, let note), .dispatch(_, let note), .resolve(let note), .reopen(let note): note
        case .reject(let reason): reason
        }
    }

    /// Validates the free text of an action (a reason is required to reject, an agency to dispatch).
    public func validated() throws(InputError) -> ReviewAction {
        switch self {
        case .accept(let note): return .accept(note: try ReportDraft.note(note))
        case .reject(let reason): return .reject(reason: try ReportDraft.reason(reason, missing: Msg.reasonRequired))
        case .duplicate(let of, let note): return .duplicate(of: of, note: try ReportDraft.note(note))
        case .dispatch(let agency, let note):
            return .dispatch(agency: try Text.label(agency, field: ReportMsg.fieldAgency, maxLength: 200), note: try ReportDraft.note(note))
        case .resolve(let note): return .resolve(note: try ReportDraft.note(note))
        case .reopen(let note): return .reopen(note: try ReportDraft.note(note))
        }
    }
}
