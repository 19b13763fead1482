import TuanjuCore

/// Refusals of the report rules.
public enum ReportError: TuanjuError, Equatable {
    case notFound(id: String)
    case categoryNotFound(code: String)
    case noActiveClaim(category: String)
    case invalidState(id: String, from: String, to: String)
    case duplicateTargetInvalid(id: String)
    case taskNotForCategory(taskID: String, category: String)
    case agencyNotFound(reference: String)
    case agencyRetired(id: String)
    case agencyNameTaken(name: String)

    public var code: String {
        switch self {
        case .notFound, .categoryNotFound, .agencyNotFound: "not_found"
        case .agencyRetired: "invalid_state"
        case .agencyNameTaken: "already_exists"
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
        case .agencyNotFound(let reference): LocalizedText(ReportMsg.agencyNotFound, ["agency": reference])
        case .agencyRetired(let id): LocalizedText(ReportMsg.agencyRetired, ["id": id])
        case .agencyNameTaken(let name): LocalizedText(ReportMsg.agencyNameTaken, ["name": name])
        case .taskNotForCategory(let taskID, let category):
            LocalizedText(ReportMsg.taskNotForCategory, ["task": taskID, "category": category])
        }
    }

    public var category: ErrorCategory { .refused }
}
