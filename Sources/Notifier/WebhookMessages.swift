import TuanjuCore

// Messages of webhook endpoints and deliveries (Notifier), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum WebhookMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors
    case webhookURLInvalid, webhookAddressRefused, webhookEventsInvalid, webhookNotFound, deliveryNotFound
    case deliveryNotDead, webhookEndpointsLimit

    public var texts: (en: String, zh: String) {
        switch self {
        case .webhookURLInvalid: ("\"{url}\" is not an http or https URL with a host", "“{url}”不是带主机名的 http 或 https 地址")
        case .webhookAddressRefused: ("\"{url}\" points at a {reason} address, which webhooks may not reach", "“{url}”指向{reason}地址,Webhook 不允许访问")
        case .webhookEventsInvalid: ("\"{events}\" is not a list of event types (e.g. report.submitted,task.claimed) or all", "“{events}”不是事件类型列表(例如 report.submitted,task.claimed)或 all")
        case .webhookNotFound: ("no webhook endpoint {id}", "没有编号为 {id} 的 Webhook 端点")
        case .deliveryNotFound: ("no webhook delivery {id}", "没有编号为 {id} 的投递记录")
        case .deliveryNotDead: ("delivery {id} is not dead; only dead deliveries can be replayed", "投递 {id} 未失效;只有失效的投递才能重放")
        case .webhookEndpointsLimit: ("there are already {max} webhook endpoints, the most there can be; remove one first", "Webhook 端点已达上限 {max} 个;请先删除一个")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: WebhookMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: WebhookMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
