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
            (CLIMsg.colID.text, report.id),
            (CLIMsg.colStatus.text, report.status.rawValue),
            (CLIMsg.colCategory.text, report.categoryCode),
            (ReportCLIMsg.labelLocation.text, report.location.map { String(format: "%.6f, %.6f", $0.lat, $0.lon) } ?? "-"),
            (ReportCLIMsg.labelPhotos.text, report.photos.map { String($0.prefix(12)) }.joined(separator: " ")),
            (ReportCLIMsg.labelNote.text, report.note.isEmpty ? "-" : report.note),
        ]
        if let duplicate = report.duplicateOf { pairs.append((ReportCLIMsg.labelDuplicateOf.text, duplicate)) }
        if let agency = report.agency { pairs.append((ReportCLIMsg.labelAgency.text, agency)) }
        pairs.append((ReportCLIMsg.labelPoints.text, "\(report.pointsAwarded)"))
        Output.fields(pairs)
        if let reuse = report.possibleReuse {
            let arguments = ["report": reuse.report, "position": "\(reuse.position + 1)", "distance": "\(reuse.distance)"]
            Console.current.out((reuse.cleared ? PhotoCLIMsg.labelReuseCleared : PhotoCLIMsg.labelPossibleReuse).text(arguments))
        }
        Console.current.out(PhotoCLIMsg.labelFiles.text + ":")
        for file in files {
            Console.current.out("  \(file.number). \(file.original?.path ?? "-")")
            Console.current.out("     \(PhotoCLIMsg.labelThumbnail.text): \(file.thumbnail?.path ?? "-")")
        }
        Console.current.out(ReportCLIMsg.labelHistory.text + ":")
        var table = Table([CLIMsg.colStatus.text, CLIMsg.colWhen.text, CLIMsg.colRider.text, ReportCLIMsg.labelNote.text])
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
