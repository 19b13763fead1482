import Engagement
import Foundation
import GRDB
import Reports
import Riders
import TuanjuCore

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
/// the `{names}` its template's text uses: the `notification.created` schema is derived from them. Most events
/// concern one rider; a session that moved concerns everyone signed up for it (one notice each).
enum Notifications {
    typealias Rule = @Sendable (any EventPayload, Database) throws -> [Notice]

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
        .redemptionCancelled: rule(RedemptionEvent.self) { event, _ in event.notice(.redemptionCancelled) },
        .redemptionFulfilled: rule(RedemptionEvent.self) { event, _ in event.notice(.redemptionFulfilled) },
        .redemptionRejected: rule(RedemptionEvent.self) { event, _ in event.notice(.redemptionRejected) },
        .redemptionExpired: rule(RedemptionEvent.self) { event, _ in event.notice(.redemptionExpired) },
        .redemptionHoldExpiring: rule(HoldExpiringEvent.self) { event, _ in
            Notice(riderID: event.riderId, template: .holdExpiring,
                   parameters: ["request": event.requestId, "points": "\(event.points)", "time": localTime(event.expiresAt)])
        },
        .sessionReminder: rule(SessionReminderEvent.self) { event, _ in
            Notice(riderID: event.riderId, template: .sessionReminder,
                   parameters: ["session": event.sessionId, "place": event.place, "time": localTime(event.startsAt)])
        },
        .sessionRescheduled: rules(SessionEvent.self) { event, db in
            try Activities.signedUpRiders(db, sessionID: event.sessionId).map { rider in
                Notice(riderID: rider, template: .sessionRescheduled,
                       parameters: ["session": event.sessionId, "place": event.place, "time": localTime(event.startsAt)])
            }
        },
        // A session's cancellation releases each sign-up with its own `activity.cancelled`: that is the notice.
        // A rider's own cancellation is not announced to them, and an erased rider is told nothing.
        .activityCancelled: rule(SignupEvent.self) { event, db in
            let session = try Activities.session(db, id: event.sessionId)
            guard session.cancelledAt != nil else { return nil }
            return Notice(riderID: event.riderId, template: .sessionCancelled, parameters: [
                "session": session.id, "place": session.place, "time": localTime(session.startsAt), "reason": session.cancelReason ?? "",
            ])
        },
    ]

    /// The notices `payload` of `kind` gives riders, if any; none for the caller themselves.
    static func notices(_ kind: EventKind, _ payload: any EventPayload, callerID: String?, in db: Database) throws -> [Notice] {
        guard let rule = rules[kind] else { return [] }
        return try rule(payload, db).filter { $0.riderID != callerID }
    }

    /// A rule for payloads of one type (a payload of another type is a programming error: `emit` asserts it).
    private static func rule<Payload: EventPayload>(
        _ type: Payload.Type, _ body: @escaping @Sendable (Payload, Database) throws -> Notice?
    ) -> Rule {
        { payload, db in try (payload as? Payload).flatMap { try body($0, db) }.map { [$0] } ?? [] }
    }

    /// A rule whose event concerns several riders.
    private static func rules<Payload: EventPayload>(
        _ type: Payload.Type, _ body: @escaping @Sendable (Payload, Database) throws -> [Notice]
    ) -> Rule {
        { payload, db in try (payload as? Payload).map { try body($0, db) } ?? [] }
    }

    /// A stored UTC time as riders read it: `2026-12-06 14:00`, Asia/Shanghai.
    static func localTime(_ iso: String) -> String {
        Timestamp.parse(iso).map(QuietHours.local) ?? iso
    }

    /// The outcome of a review; a review that follows an appeal (a second `submitted` in the history) is the
    /// appeal's outcome.
    private static func reviewNotice(_ event: ReportEvent, _ db: Database) throws -> Notice? {
        let appealed = try Reports.history(db, id: event.reportId).filter { $0.status == .submitted }.count > 1
        switch (event.status, appealed) {
        // Accepted without points (a category worth none, or `--points 0`): thanks, not "0 points credited".
        case ("accepted", false) where event.pointsAwarded == 0: return event.notice(.reportAcceptedNoPoints)
        case ("accepted", true) where event.pointsAwarded == 0: return event.notice(.appealAcceptedNoPoints)
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

extension RedemptionEvent {
    func notice(_ template: NoticeTemplate) -> Notice {
        Notice(riderID: riderId, template: template, parameters: ["request": requestId, "points": "\(points)"])
    }
}

extension Work {
    /// Writes the notifications event `eventID` gives riders, if any, in this transaction; returns the payloads
    /// of their `notification.created` events.
    func notify(_ kind: EventKind, _ payload: any EventPayload, eventID: String) throws -> [NotificationEvent] {
        try Notifications.notices(kind, payload, callerID: caller?.id, in: db).compactMap { notice in
            guard let language = try Inbox.language(db, riderID: notice.riderID) else { return nil }
            let written = try Inbox.deliver(
                db, riderID: notice.riderID, eventID: eventID, template: notice.template.code, parameters: notice.parameters,
                language: language, at: now)
            return NotificationEvent(written)
        }
    }
}
