import TuanjuCore

/// Refusals of the report rules.
public enum ReportError: TuanjuError, Equatable {
    case notFound(id: String)
    case categoryNotFound(code: String)
    case noActiveClaim(category: String)
    case invalidState(id: String, from: String, to: String)
    case duplicateTargetInvalid(id: String)
    case taskNotForCategory(taskID: String, category: String)

    public var code: String {
        switch self {
        case .notFound, .categoryNotFound: "not_found"
        case .noActiveClaim: "no_active_claim"
        case .invalidState, .duplicateTargetInvalid: "invalid_state"
        case .taskNotForCategory: "task_not_for_category"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .notFound(let id): LocalizedText(ReportMsg.reportNotFound, ["id": id])
        case .categoryNotFound(let code): LocalizedText(ReportMsg.categoryNotFound, ["code": code])
        case .noActiveClaim(let category): LocalizedText(ReportMsg.noActiveClaim, ["category": category])
        case .invalidState(let id, let from, let to): LocalizedText(ReportMsg.invalidTransition, ["id": id, "from": from, "to": to])
        case .duplicateTargetInvalid(let id): LocalizedText(ReportMsg.duplicateTargetInvalid, ["id": id])
        case .taskNotForCategory(let taskID, let category):
            LocalizedText(ReportMsg.taskNotForCategory, ["task": taskID, "category": category])
        }
    }

    public var category: ErrorCategory { .refused }
}
