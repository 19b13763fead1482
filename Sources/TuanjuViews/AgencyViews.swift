import Reports
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
