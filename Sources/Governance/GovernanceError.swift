import TuanjuCore

/// Refusals of the governance rules: postings and claims.
public enum GovernanceError: TuanjuError, Equatable {
    case roleNotFound(code: String)
    case taskNotFound(id: String)
    case taskFull(taskID: String)
    case alreadyClaimed(taskID: String)
    case notClaimed(taskID: String)
    case taskClosed(taskID: String)
    case taskNotStarted(taskID: String, startsAt: String)
    case taskEnded(taskID: String)
    case tooManyClaims(limit: Int)
    case capacityBelowClaimed(claimed: Int)
    case riderInactive(id: String)
    case roleRetired(code: String)
    case roleExists(code: String)
    case categoryNotFound(code: String)
    case categoryExists(code: String)
    case categoryRetired(code: String)

    public var code: String {
        switch self {
        case .roleNotFound, .taskNotFound, .notClaimed, .categoryNotFound: "not_found"
        case .roleRetired, .categoryRetired: "invalid_state"
        case .roleExists, .categoryExists: "already_exists"
        case .taskFull: "task_full"
        case .alreadyClaimed: "already_claimed"
        case .taskClosed, .taskNotStarted, .taskEnded, .riderInactive: "invalid_state"
        case .tooManyClaims: "too_many_claims"
        case .capacityBelowClaimed: "capacity_below_claimed"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .roleNotFound(let code): LocalizedText(.roleNotFound, ["code": code])
        case .roleRetired(let code): LocalizedText(RoleMsg.roleRetired, ["code": code])
        case .roleExists(let code): LocalizedText(RoleMsg.roleExists, ["code": code])
        case .categoryNotFound(let code): LocalizedText(RoleMsg.categoryNotFound, ["code": code])
        case .categoryExists(let code): LocalizedText(RoleMsg.categoryExists, ["code": code])
        case .categoryRetired(let code): LocalizedText(RoleMsg.categoryRetired, ["code": code])
        case .taskNotFound(let id): LocalizedText(.taskNotFound, ["id": id])
        case .taskFull(let id): LocalizedText(.taskFull, ["id": id])
        case .alreadyClaimed(let id): LocalizedText(.alreadyClaimed, ["id": id])
        case .notClaimed(let id): LocalizedText(.notClaimed, ["id": id])
        case .taskClosed(let id): LocalizedText(.taskClosed, ["id": id])
        case .taskNotStarted(let id, let at): LocalizedText(.taskNotStarted, ["id": id, "at": at])
        case .taskEnded(let id): LocalizedText(.taskEnded, ["id": id])
        case .tooManyClaims(let limit): LocalizedText(.tooManyClaims, ["limit": "\(limit)"])
        case .capacityBelowClaimed(let claimed): LocalizedText(.capacityBelowClaimed, ["claimed": "\(claimed)"])
        case .riderInactive(let id): LocalizedText(.riderInactive, ["id": id])
        }
    }

    public var category: ErrorCategory { .refused }
}
