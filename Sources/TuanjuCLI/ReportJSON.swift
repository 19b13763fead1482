import Foundation
import Reports
import TuanjuCore
import TuanjuService

/// A report as the CLI shows it (CLI.md: id, status, category, lat, lon, photos, duplicate_of, history, ...).
struct ReportJSON: Encodable {
    struct HistoryJSON: Encodable {
        let status: String
        let at: String
        let by: String
        let note: String
    }

    let id: String
    let status: String
    let category: String
    let rider_id: String
    let task_id: String
    let lat: Double?
    let lon: Double?
    let location_source: String?
    let note: String
    let photos: [String]
    let duplicate_of: String?
    let agency: String?
    let points_awarded: Int
    let submitted_at: String
    let updated_at: String
    let history: [HistoryJSON]?

    init(_ report: Report, history: [ReportHistoryEntry]? = nil) {
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
        points_awarded = report.pointsAwarded
        submitted_at = report.submittedAt
        updated_at = report.updatedAt
        self.history = history?.map { HistoryJSON(status: $0.status.rawValue, at: $0.at, by: $0.by, note: $0.note) }
    }

    static func printHuman(_ detail: ReportDetail) {
        let report = detail.report
        var pairs: [(String, String)] = [
            (Msg.colID.text, report.id),
            (Msg.colStatus.text, report.status.rawValue),
            (Msg.colCategory.text, report.categoryCode),
            (ReportMsg.labelLocation.text, report.location.map { String(format: "%.6f, %.6f", $0.lat, $0.lon) } ?? "-"),
            (ReportMsg.labelPhotos.text, report.photos.map { String($0.prefix(12)) }.joined(separator: " ")),
            (ReportMsg.labelNote.text, report.note.isEmpty ? "-" : report.note),
        ]
        if let duplicate = report.duplicateOf { pairs.append((ReportMsg.labelDuplicateOf.text, duplicate)) }
        if let agency = report.agency { pairs.append((ReportMsg.labelAgency.text, agency)) }
        pairs.append((ReportMsg.labelPoints.text, "\(report.pointsAwarded)"))
        Output.fields(pairs)
        Console.current.out(ReportMsg.labelHistory.text + ":")
        var table = Table([Msg.colStatus.text, Msg.colWhen.text, Msg.colRider.text, ReportMsg.labelNote.text])
        for entry in detail.history { table.add([entry.status.rawValue, DisplayTime.of(entry.at), entry.by, entry.note]) }
        table.print()
    }
}
