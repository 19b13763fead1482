import Foundation
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

/// The human form of a report; the JSON shape is `TuanjuViews.ReportJSON`.
extension ReportJSON {
    static func printHuman(_ detail: ReportDetail, files: [ReportPhotoFiles]) {
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
        if let reuse = report.possibleReuse {
            let arguments = ["report": reuse.report, "position": "\(reuse.position + 1)", "distance": "\(reuse.distance)"]
            Console.current.out((reuse.cleared ? PhotoMsg.labelReuseCleared : PhotoMsg.labelPossibleReuse).text(arguments))
        }
        Console.current.out(PhotoMsg.labelFiles.text + ":")
        for file in files {
            Console.current.out("  \(file.number). \(file.original?.path ?? "-")")
            Console.current.out("     \(PhotoMsg.labelThumbnail.text): \(file.thumbnail?.path ?? "-")")
        }
        Console.current.out(ReportMsg.labelHistory.text + ":")
        var table = Table([Msg.colStatus.text, Msg.colWhen.text, Msg.colRider.text, ReportMsg.labelNote.text])
        for entry in detail.history { table.add([entry.status.rawValue, DisplayTime.of(entry.at), entry.by, entry.note]) }
        table.print()
    }
}

extension ReportJSON {
    /// The REUSE cell of `reports list`: the earlier report a photo resembles, `ok` once accepted as original.
    static func reuseCell(_ report: Report) -> String {
        guard let reuse = report.possibleReuse else { return "" }
        return reuse.cleared ? "\(reuse.report) (ok)" : reuse.report
    }
}
