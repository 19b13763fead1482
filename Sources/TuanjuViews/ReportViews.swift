import Governance
import Reports
import TuanjuService

/// A report as `reports list/show --json` show it (CLI.md: id, status, category, lat, lon, photos, duplicate_of, history, ...).
public struct ReportJSON: Encodable, Sendable {
    public struct HistoryJSON: Encodable, Sendable {
        public let status: String
        public let at: String
        public let by: String
        public let note: String
    }

    public let id: String
    public let status: String
    public let category: String
    public let rider_id: String
    public let task_id: String
    public let lat: Double?
    public let lon: Double?
    public let location_source: String?
    public let note: String
    public let photos: [String]
    public let duplicate_of: String?
    public let agency: String?
    public let agency_id: String?
    public let points_awarded: Int
    public let submitted_at: String
    public let updated_at: String
    public let history: [HistoryJSON]?
    /// Present when a photo looks like one of another report of the last 30 days (`possible_reuse`).
    public let possible_reuse: PossibleReuseJSON?
    /// The stored files (`reports show` on the CLI only: paths on this machine are no business of HTTP clients).
    public let files: [PhotoFilesJSON]?

    /// A possible re-use, as the reviewer sees it.
    public struct PossibleReuseJSON: Encodable, Sendable {
        /// The earlier report whose photo this one resembles.
        public let report: String
        /// Which photo of this report, 1-based.
        public let photo: Int
        /// Differing bits of the two 64-bit perceptual hashes (0 = the same picture).
        public let distance: Int
        /// A coordinator accepted the report as original (`--original`), so it earns points.
        public let accepted_as_original: Bool
    }

    /// Where one photo and its thumbnail are stored.
    public struct PhotoFilesJSON: Encodable, Sendable {
        public let photo: Int
        public let sha256: String
        public let original: String?
        public let thumbnail: String?
    }

    public init(_ report: Report, history: [ReportHistoryEntry]? = nil, files: [ReportPhotoFiles]? = nil) {
        id = report.id
        status = report.status.rawValue
        category = report.categoryCode
        rider_id = report.riderID
        task_id = report.taskID
        lat = report.location?.lat
        lon = report.location?.lon
        location_source = report.locationSource
        note = report.note
        photos = report.photos
        duplicate_of = report.duplicateOf
        agency = report.agency
        agency_id = report.agencyID
        points_awarded = report.pointsAwarded
        submitted_at = report.submittedAt
        updated_at = report.updatedAt
        self.history = history?.map { HistoryJSON(status: $0.status.rawValue, at: $0.at, by: $0.by, note: $0.note) }
        possible_reuse = report.possibleReuse.map {
            PossibleReuseJSON(report: $0.report, photo: $0.position + 1, distance: $0.distance, accepted_as_original: $0.cleared)
        }
        self.files = files?.map {
            PhotoFilesJSON(photo: $0.number, sha256: $0.sha256, original: $0.original?.path, thumbnail: $0.thumbnail?.path)
        }
    }
}

/// What `reports submit --json` prints.
public struct ReportSubmitJSON: Encodable, Sendable {
    public let id: String
    public let status: String
    public let photos: [String]
    /// Always present: null when no likely duplicate was found (CLI.md).
    public let duplicate_of: String?
    public let lat: Double?
    public let lon: Double?

    public init(_ report: Report) {
        id = report.id
        status = report.status.rawValue
        photos = report.photos
        duplicate_of = report.duplicateOf
        lat = report.location?.lat
        lon = report.location?.lon
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(photos, forKey: .photos)
        try container.encode(duplicate_of, forKey: .duplicate_of)
        try container.encode(lat, forKey: .lat)
        try container.encode(lon, forKey: .lon)
    }

    enum CodingKeys: String, CodingKey { case id, status, photos, duplicate_of, lat, lon }
}

/// What `reports review/dispatch/resolve/reopen --json` print.
public struct ReviewResultJSON: Encodable, Sendable {
    public let id: String
    public let status: String
    public let points_awarded: Int
    public let duplicate_of: String?
    public let agency: String?
    public let agency_id: String?

    public init(_ report: Report) {
        id = report.id
        status = report.status.rawValue
        points_awarded = report.pointsAwarded
        duplicate_of = report.duplicateOf
        agency = report.agency
        agency_id = report.agencyID
    }
}

/// A GeoReport v2 service (`reports services`, `GET /open311/v2/services.json`): one per report category.
public struct Open311ServiceJSON: Encodable, Sendable {
    public let service_code: String
    public let service_name: String
    public let description: String
    public let metadata: Bool
    public let type: String
    public let keywords: String
    public let group: String

    /// Every category of every role, in the roles' order.
    public static func all(_ roles: [RoleWithCategories]) -> [Open311ServiceJSON] {
        roles.flatMap { entry in
            entry.categories.map { category in
                Open311ServiceJSON(
                    service_code: category.code, service_name: category.name,
                    description: "\(category.nameZh) · \(entry.role.nameZh)", metadata: false, type: "realtime",
                    keywords: [entry.role.code, category.code].joined(separator: ","), group: entry.role.name)
            }
        }
    }
}
