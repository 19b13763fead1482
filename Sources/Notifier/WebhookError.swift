import TuanjuCore

public enum WebhookError: TuanjuError, Equatable {
    case endpointNotFound(id: String)
    case deliveryNotFound(id: String)
    case deliveryNotDead(id: String)

    public var code: String {
        switch self {
        case .endpointNotFound, .deliveryNotFound: "not_found"
        case .deliveryNotDead: "invalid_state"
        }
    }

    public var text: LocalizedText {
        switch self {
        case .endpointNotFound(let id): LocalizedText(.webhookNotFound, ["id": id])
        case .deliveryNotFound(let id): LocalizedText(.deliveryNotFound, ["id": id])
        case .deliveryNotDead(let id): LocalizedText(.deliveryNotDead, ["id": id])
        }
    }

    public var category: ErrorCategory { .refused }
}
