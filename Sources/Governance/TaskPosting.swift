import Foundation
import GRDB
import TuanjuCore

/// A posting of a governance role that riders claim seats on. (Not `Task`: that is Swift's.)
public struct TaskPosting: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tasks"

    public enum State: String, Codable, Sendable { case open, closed }

    public var id: String
    public var roleCode: String
    public var title: String
    public var description: String
    public var areaLat: Double?
    public var areaLon: Double?
    public var areaRadiusM: Double?
    public var capacity: Int
    public var claimed: Int
    public var startsAt: String?
    public var endsAt: String?
    public var points: Int?
    public var state: State
    public var createdBy: String
    public var createdAt: String
    public var closedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, title, description, capacity, claimed, points, state
        case roleCode = "role_code"
        case areaLat = "area_lat"
        case areaLon = "area_lon"
        case areaRadiusM = "area_radius_m"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case closedAt = "closed_at"
    }

    /// Decodes without the Codable machinery: a posting is read on every claim.
    public init(row: Row) throws {
        id = row["id"]
        roleCode = row["role_code"]
        title = row["title"]
        description = row["description"]
        areaLat = row["area_lat"]
        areaLon = row["area_lon"]
        areaRadiusM = row["area_radius_m"]
        capacity = row["capacity"]
        claimed = row["claimed"]
        startsAt = row["starts_at"]
        endsAt = row["ends_at"]
        points = row["points"]
        state = State(rawValue: row["state"]) ?? .closed
        createdBy = row["created_by"]
        createdAt = row["created_at"]
        closedAt = row["closed_at"]
    }

    public init(
        id: String, roleCode: String, title: String, description: String, areaLat: Double?, areaLon: Double?,
        areaRadiusM: Double?, capacity: Int, claimed: Int, startsAt: String?, endsAt: String?, points: Int?,
        state: State, createdBy: String, createdAt: String, closedAt: String?
    ) {
        self.id = id
        self.roleCode = roleCode
        self.title = title
        self.description = description
        self.areaLat = areaLat
        self.areaLon = areaLon
        self.areaRadiusM = areaRadiusM
        self.capacity = capacity
        self.claimed = claimed
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.points = points
        self.state = state
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.closedAt = closedAt
    }

    /// The area's centre, when the posting has one.
    public var centre: Coordinate? {
        guard let areaLat, let areaLon else { return nil }
        return try? Coordinate(lat: areaLat, lon: areaLon)
    }

    /// Open, started and not yet ended at `date`: claimable (when a seat is free) and reportable.
    public func isLive(at date: Date) -> Bool {
        guard state == .open else { return false }
        if let startsAt, let start = Timestamp.parse(startsAt), start > date { return false }
        if let endsAt, let end = Timestamp.parse(endsAt), end <= date { return false }
        return true
    }

    public var seatsLeft: Int { capacity - claimed }
}

/// What a coordinator gives to create a posting, validated.
public struct TaskDraft: Sendable, Equatable {
    public var roleCode: String
    public var title: String
    public var description: String
    public var area: (centre: Coordinate, radiusM: Double)?
    public var capacity: Int
    public var startsAt: Date?
    public var endsAt: Date?
    public var points: Int?

    public init(
        roleCode: String, title: String, description: String = "", area: (centre: Coordinate, radiusM: Double)? = nil,
        capacity: Int, startsAt: Date? = nil, endsAt: Date? = nil, points: Int? = nil
    ) throws(InputError) {
        self.roleCode = roleCode
        self.title = try Text.label(title, field: GovernanceMsg.fieldTitle, maxLength: 200)
        self.description = Text.clean(description)
        guard self.description.count <= 2000 else {
            throw .invalid(.inputTooLong, ["field": GovernanceMsg.fieldDescription.text, "count": "\(self.description.count)", "max": "2000"])
        }
        if let area, !(area.radiusM > 0 && area.radiusM <= 50_000) {
            throw .invalid(.radiusInvalid, ["value": "\(area.radiusM)"])
        }
        self.area = area
        guard capacity > 0, capacity <= 100_000 else { throw .invalid(.capacityInvalid, ["value": "\(capacity)"]) }
        self.capacity = capacity
        if let startsAt, let endsAt, endsAt <= startsAt { throw .invalid(.endsBeforeStarts) }
        self.startsAt = startsAt
        self.endsAt = endsAt
        if let points, points < 0 || points > 10_000 { throw .invalid(.pointsInvalid, ["value": "\(points)"]) }
        self.points = points
    }

    public static func == (lhs: TaskDraft, rhs: TaskDraft) -> Bool {
        lhs.roleCode == rhs.roleCode && lhs.title == rhs.title && lhs.capacity == rhs.capacity
            && lhs.startsAt == rhs.startsAt && lhs.endsAt == rhs.endsAt && lhs.points == rhs.points
            && lhs.area?.centre == rhs.area?.centre && lhs.area?.radiusM == rhs.area?.radiusM
    }
}
