import Reports
import TuanjuCore
import TuanjuService

/// The JSON shape of an agency. The API key is never part of it: `api_key_set` says whether one is stored.
public struct AgencyJSON: Encodable, Sendable {
    public let id: String
    public let name: String
    public let open311_endpoint: String?
    public let jurisdiction_id: String?
    public let services: [String: String]
    public let api_key_set: Bool
    public let allow_private: Bool
    public let created_at: String
    public let updated_at: String
    public let retired_at: String?

    public init(_ agency: Agency) {
        id = agency.id
        name = agency.name
        open311_endpoint = agency.open311Endpoint
        jurisdiction_id = agency.jurisdictionID
        services = agency.services
        api_key_set = agency.hasAPIKey
        allow_private = agency.allowPrivate
        created_at = agency.createdAt
        updated_at = agency.updatedAt
        retired_at = agency.retiredAt
    }
}

/// What one pass of the Open311 loop did (`agencies sync`, `POST /v1/agencies/sync`).
public struct AgencySyncJSON: Encodable, Sendable {
    public let sent, retrying, dead, polled, updated, resolved, poll_failures: Int

    public init(_ summary: Open311PassSummary) {
        sent = summary.sent
        retrying = summary.retrying
        dead = summary.dead
        polled = summary.polled
        updated = summary.updated
        resolved = summary.resolved
        poll_failures = summary.pollFailures
    }
}

/// A category's targets (`deadlines list|set`, `GET /v1/deadlines`).
public struct DeadlineJSON: Encodable, Sendable {
    public let category: String
    public let review_hours: Int
    public let resolve_hours: Int

    public init(_ deadline: Deadline) {
        category = deadline.category
        review_hours = deadline.reviewHours
        resolve_hours = deadline.resolveHours
    }
}

/// A late report (`reports overdue`, `GET /v1/overdue`).
public struct OverdueJSON: Encodable, Sendable {
    public let report_id: String
    public let category: String
    public let status: String
    public let stage: String
    public let due_at: String
    public let late_hours: Double
    public let agency_id: String?
    public let agency: String?

    public init(_ report: OverdueReport) {
        report_id = report.reportID
        category = report.category
        status = report.status.rawValue
        stage = report.stage.rawValue
        due_at = Timestamp.iso(report.dueAt)
        late_hours = (report.late / 36).rounded() / 100
        agency_id = report.agencyID
        agency = report.agency
    }
}
