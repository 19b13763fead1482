import GRDB
import Reports
import Riders

/// What an event tells one rider: the template and its arguments.
struct Notice: Equatable {
    let riderID: String
    let template: NoticeTemplate
    let parameters: [String: String]
}

/// Which events concern one rider, and what their inbox says. `Work.emit` asks this rule for each event and
/// writes the notification in the event's transaction. A rider is not told of their own action (a rider who
/// cancels their own redemption gets nothing; one whose request a coordinator cancelled does).
///
/// Adding a kind is one line in `rules` (and a template in `NoticeTemplate`). A notice's parameters are exactly
/// the `{names}` its template's text uses: the `notification.created` schema is derived from them.
enum Notifications {
    typealias Rule = @Sendable (any EventPayload, Database) throws -> Notice?

    static let rules: [EventKind: Rule] = [
        .reportReviewed: rule(ReportEvent.self) { event, db in try reviewNotice(event, db) },
        .reportDispatched: rule(ReportEvent.self) { event, _ in event.notice(.reportDispatched, ["agency": event.agency ?? ""]) },
        .reportResolved: rule(ReportEvent.self) { event, _ in event.notice(.reportResolved) },
        .pointsAwarded: rule(PointsEvent.self) { event, _ in
            // A report's points are in the report's own notice.
            event.key.hasPrefix("award:report:") ? nil : event.notice(.pointsAwarded)
        },
        .pointsAdjusted: rule(PointsEvent.self) { event, _ in event.notice(.pointsAdjusted) },
        .activityPromoted: rule(SignupEvent.self) { event, _ in
            Notice(riderID: event.riderId, template: .waitlistPromoted, parameters: ["session": event.sessionId])
        },
        .taskClaimRevoked: rule(ClaimEvent.self) { event, _ in
            Notice(riderID: event.riderId, template: .claimRevoked, parameters: ["task": event.taskId, "reason": event.reason ?? ""])
        },
        .redemptionCancelled: rule(RedemptionEvent.self) { event, _ in
            Notice(riderID: event.riderId, template: .redemptionCancelled,
                   parameters: ["request": event.requestId, "points": "\(event.points)"])
        },
    ]

    /// The notice `payload` of `kind` gives its rider, if any; nil when the rider is the caller.
    static func notice(_ kind: EventKind, _ payload: any EventPayload, callerID: String?, in db: Database) throws -> Notice? {
        guard let rule = rules[kind], let notice = try rule(payload, db), notice.riderID != callerID else { return nil }
        return notice
    }

    /// A rule for payloads of one type (a payload of another type is a programming error: `emit` asserts it).
    private static func rule<Payload: EventPayload>(
        _ type: Payload.Type, _ body: @escaping @Sendable (Payload, Database) throws -> Notice?
    ) -> Rule {
        { payload, db in try (payload as? Payload).flatMap { try body($0, db) } }
    }

    /// The outcome of a review; a review that follows an appeal (a second `submitted` in the history) is the
    /// appeal's outcome.
    private static func reviewNotice(_ event: ReportEvent, _ db: Database) throws -> Notice? {
        let appealed = try Reports.history(db, id: event.reportId).filter { $0.status == .submitted }.count > 1
        switch (event.status, appealed) {
        case ("accepted", false): return event.notice(.reportAccepted, ["points": "\(event.pointsAwarded)"])
        case ("accepted", true): return event.notice(.appealAccepted, ["points": "\(event.pointsAwarded)"])
        case ("rejected", false): return event.notice(.reportRejected, ["reason": event.note])
        case ("duplicate", false): return event.notice(.reportDuplicate, ["duplicate_of": event.duplicateOf ?? ""])
        case (_, true): return event.notice(.appealRejected, ["reason": event.note])
        default: return nil
        }
    }
}

extension ReportEvent {
    func notice(_ template: NoticeTemplate, _ extra: [String: String] = [:]) -> Notice {
        Notice(riderID: riderId, template: template,
               parameters: extra.merging(["report": reportId]) { first, _ in first })
    }
}

extension PointsEvent {
    func notice(_ template: NoticeTemplate) -> Notice {
        Notice(riderID: riderId, template: template, parameters: ["amount": "\(amount)", "reason": reason])
    }
}

extension Work {
    /// Writes the notification event `eventID` gives a rider, if any, in this transaction; returns the payload
    /// of its `notification.created` event.
    func notify(_ kind: EventKind, _ payload: any EventPayload, eventID: String) throws -> NotificationEvent? {
        guard let notice = try Notifications.notice(kind, payload, callerID: caller?.id, in: db),
              let language = try Inbox.language(db, riderID: notice.riderID)
        else { return nil }
        let written = try Inbox.deliver(
            db, riderID: notice.riderID, eventID: eventID, template: notice.template.code, parameters: notice.parameters,
            language: language, at: now)
        return NotificationEvent(written)
    }
}
