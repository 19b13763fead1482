import Riders
import TuanjuCore

/// `notification.created`: what a gateway needs to deliver a notification (WeChat subscription message, SMS):
/// the rider by id (the gateway maps it to its own contact; the phone never leaves), the template code, its
/// parameters and the rider's language, and the text as the inbox shows it.
struct NotificationEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case notificationId = "notification_id", riderId = "rider_id", template, parameters, language, text
        case sourceEvent = "source_event"
    }

    let notificationId: String
    let riderId: String
    let template: String
    let parameters: [String: String]
    let language: String
    let text: String
    /// The event the notification announces (its `event_id` in the outbox and in webhook deliveries).
    let sourceEvent: String

    var auditTarget: String? { notificationId }

    /// One example per template, with the parameter names its text uses, so the documented schema lists every
    /// parameter any template has (none required: each template uses its own).
    static let examples: [NotificationEvent] = NoticeTemplate.allCases.map { template in
        let names = Self.placeholders(template.texts.en)
        let parameters = Dictionary(uniqueKeysWithValues: names.map { ($0, Self.sample($0)) })
        return NotificationEvent(
            notificationId: "ntf_01J9Z3Y4M1", riderId: "rdr_01J9Z3M2A7", template: template.code, parameters: parameters,
            language: "zh", text: template.text(parameters, in: .zh), sourceEvent: "evt_01J9Z3Y4M0")
    }

    static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return Array(Set(names)).sorted()
    }

    static func sample(_ name: String) -> String {
        switch name {
        case "report", "duplicate_of": "rpt_01J9Z3S7F1"
        case "points", "amount": "30"
        case "session": "ses_01J9Z3X3L1"
        case "task": "tsk_01J9Z3Q5D1"
        case "request": "red_01J9Z3V1J1"
        case "agency": "区城管局"
        case "category": "waterlogging"
        case "time": "2027-02-06 14:00"
        case "place": "文晖街道党群服务中心"
        default: "积水约20厘米"
        }
    }
}

extension NotificationEvent {
    init(_ notice: InboxNotice) {
        self.init(
            notificationId: notice.id, riderId: notice.riderID, template: notice.template, parameters: notice.parameters,
            language: notice.language.rawValue, text: notice.text, sourceEvent: notice.eventID)
    }
}
