import Foundation
import GRDB
import TuanjuCore

/// A rider's photo report of a problem (a hazard, a fraud leaflet, an unsafe kitchen).
public struct Report: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case submitted, accepted, rejected, duplicate, dispatched, resolved, reopened

        /// Still being handled: counts for duplicate detection, and is `open` in Open311.
        public var isOpen: Bool {
            switch self {
            case .submitted, .accepted, .dispatched, .reopened: true
            case .rejected, .duplicate, .resolved: false
            }
        }

        public init(parsing text: String) throws(InputError) {
            guard let status = Status(rawValue: text.lowercased()) else {
                throw .invalid(ReportMsg.statusUnknown, [
                    "value": text, "known": Status.allCases.map(\.rawValue).joined(separator: ", "),
                ])
            }
            self = status
        }
    }

    public var id: String
    public var riderID: String
    public var categoryCode: String
    public var taskID: String
    public var claimID: String
    public var location: Coordinate?
    public var locationSource: String?
    public var note: String
    public var status: Status
    public var duplicateOf: String?
    /// The agency's name as dispatched (free text on reports dispatched before agencies were records).
    public var agency: String?
    /// The agency record it was dispatched to; nil on reports dispatched before agencies were records.
    public var agencyID: String?
    public var pointsAwarded: Int
    public var submittedAt: String
    public var updatedAt: String
    /// SHA-256 of each stored photo, in the order given.
    public var photos: [String]
    /// Set when one of its photos looks like a photo of another recent report (`possible_reuse`).
    public var possibleReuse: PossibleReuse?

    /// A photo of this report within `PhotoPrint.reuseDistance` of a photo of `report`, submitted in the 30 days
    /// before. It earns no points unless a coordinator accepts the report as original (`cleared`).
    public struct PossibleReuse: Sendable, Equatable {
        public let report: String
        /// Which photo of this report (0-based).
        public let position: Int
        /// Differing bits of the two 64-bit perceptual hashes.
        public let distance: Int
        public var cleared: Bool

        public init(report: String, position: Int, distance: Int, cleared: Bool = false) {
            self.report = report
            self.position = position
            self.distance = distance
            self.cleared = cleared
        }
    }

    static let columns = """
        id, rider_id, category_code, task_id, claim_id, lat, lon, location_source, note, status, duplicate_of,
        agency, points_awarded, submitted_at, updated_at, reuse_of, reuse_position, reuse_distance, reuse_cleared, agency_id
        """

    init(row: Row, photos: [String]) throws {
        id = row[0]
        riderID = row[1]
        categoryCode = row[2]
        taskID = row[3]
        claimID = row[4]
        if let lat: Double = row[5], let lon: Double = row[6] { location = try Coordinate(lat: lat, lon: lon) }
        locationSource = row[7]
        note = row[8]
        status = Status(rawValue: row[9]) ?? .submitted
        duplicateOf = row[10]
        agency = row[11]
        pointsAwarded = row[12]
        submittedAt = row[13]
        updatedAt = row[14]
        agencyID = row[19]
        self.photos = photos
        if let of: String = row[15] {
            possibleReuse = PossibleReuse(report: of, position: row[16] ?? 0, distance: row[17] ?? 0, cleared: row[18] ?? false)
        }
    }
}

/// One stored photo of a report.
public struct ReportPhoto: Sendable, Equatable {
    public let sha256: String
    public let format: String
    public let bytes: Int

    public init(sha256: String, format: String, bytes: Int) {
        self.sha256 = sha256
        self.format = format
        self.bytes = bytes
    }
}

/// One transition of a report: who, when, and a note.
public struct ReportHistoryEntry: Sendable, Equatable {
    public let status: Report.Status
    public let at: String
    public let by: String
    public let note: String
}

/// A validated report before it is stored.
public struct ReportDraft: Sendable {
    public static let maxNoteLength = 1000

    public let riderID: String
    public let categoryCode: String
    public let taskID: String
    public let claimID: String
    public let location: Coordinate
    public let locationSource: String
    public let note: String
    public let photos: [ReportPhoto]

    public init(
        riderID: String, categoryCode: String, taskID: String, claimID: String, location: Coordinate,
        locationSource: String, note: String, photos: [ReportPhoto]
    ) {
        self.riderID = riderID
        self.categoryCode = categoryCode
        self.taskID = taskID
        self.claimID = claimID
        self.location = location
        self.locationSource = locationSource
        self.note = note
        self.photos = photos
    }

    /// A reason someone must give (a coordinator's rejection, a rider's appeal): a note that is not empty. The one
    /// rule for every such reason; `missing` says which reason is missing.
    public static func reason(_ text: String, missing: some CatalogMessage) throws(InputError) -> String {
        let reason = try note(text)
        guard !reason.isEmpty else { throw .invalid(missing) }
        return reason
    }

    /// A note as stored: control characters removed, at most 1,000 characters.
    public static func note(_ text: String?) throws(InputError) -> String {
        let cleaned = Text.clean(text ?? "")
        guard cleaned.count <= maxNoteLength else {
            throw .invalid(.inputTooLong, [
                "field": ReportMsg.fieldNote.text, "count": "\(cleaned.count)", "max": "\(maxNoteLength)",
            ])
        }
        return cleaned
    }
}
