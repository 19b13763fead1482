import Engagement
import Foundation
import Points
import TuanjuCore

/// `activity.session_reminder`: a session a rider has a place on starts in `lead_hours` (24 or 2).
struct SessionReminderEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case sessionId = "session_id", riderId = "rider_id", startsAt = "starts_at", place, leadHours = "lead_hours"
    }

    let sessionId: String
    let riderId: String
    let startsAt: String
    let place: String
    let leadHours: Int

    var auditTarget: String? { sessionId }
    static let examples = [
        SessionReminderEvent(sessionId: "ses_01J9Z3X3L1", riderId: "rdr_01J9Z3M2A7", startsAt: "2027-02-06T06:00:00Z",
                             place: "文晖街道党群服务中心", leadHours: 24),
        SessionReminderEvent(sessionId: "ses_01J9Z3X3L1", riderId: "rdr_01J9Z3M2A7", startsAt: "2027-02-06T06:00:00Z",
                             place: "文晖街道党群服务中心", leadHours: 2),
    ]
}

extension SessionReminderEvent {
    init(_ place: UpcomingPlace, lead: TimeInterval) {
        self.init(sessionId: place.sessionID, riderId: place.riderID, startsAt: Timestamp.iso(place.startsAt), place: place.place,
                  leadHours: Int(lead / 3600))
    }
}

/// `redemption.hold_expiring`: a pending request's hold ends at `expires_at` unless a batch handles it first.
struct HoldExpiringEvent: EventPayload {
    enum CodingKeys: String, CodingKey {
        case requestId = "request_id", riderId = "rider_id", points, expiresAt = "expires_at"
    }

    let requestId: String
    let riderId: String
    let points: Int
    let expiresAt: String

    var auditTarget: String? { requestId }
    static let examples = [
        HoldExpiringEvent(requestId: "red_01J9Z3V1J1", riderId: "rdr_01J9Z3M2A7", points: 120, expiresAt: "2027-01-05T02:00:00Z"),
    ]
}

extension HoldExpiringEvent {
    init(_ hold: Redemptions.ExpiringHold) {
        self.init(requestId: hold.requestID, riderId: hold.riderID, points: hold.points, expiresAt: Timestamp.iso(hold.expiresAt))
    }
}
