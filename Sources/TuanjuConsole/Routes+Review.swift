import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService

extension WebConsole {
    /// How many reports one queue page shows: a sitting's worth, and a page that stays fast.
    static let queuePage = 20

    /// The review queue and its actions: accept (with points), reject (with a reason), mark duplicate. Each
    /// action is `Tuanju.reviewReport`, the use case the CLI and the API call (authorization, one transaction,
    /// the event, the rider's notice, the audit entry naming the console's route).
    static func reviewRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        routes.get("/console") { visit in
            let caller = try visit.staff
            let (reports, waiting) = try await visit.service { try $0.reviewQueue(caller, limit: queuePage) }
            let names = try await Names.load(visit)
            var context = visit.frame(title: ConsoleMsg.queueTitle.text, nav: "Queue")
            context["waiting"] = ConsoleMsg.queueWaiting.text(["count": "\(waiting)", "shown": "\(reports.count)"])
            context["reports"] = reports.map { card($0, names, visit.language) }
            if let id = visit.query("done"), let status = visit.query("status").flatMap({ Report.Status(rawValue: $0) }) {
                context["flash"] = ConsoleMsg.reviewed.text(["id": id, "status": Names.status(status, visit.language)])
                // An accepted report is dispatched from its page: the flash links there.
                if status == .accepted { context["flashReport"] = id }
            }
            return visit.page("queue", context)
        }
        routes.post("/console/reports/{id}/accept") { visit in
            let points = try visit.form["points"].map { text throws(InputError) in
                guard let value = Int(text) else { throw InputError.invalid(.pointsInvalid, ["value": text]) }
                return value
            }
            return try await review(visit, .accept(note: visit.form["note"] ?? ""), points: points, original: visit.form["original"] != nil)
        }
        routes.post("/console/reports/{id}/reject") { visit in
            try await review(visit, .reject(reason: visit.form["reason"] ?? ""))
        }
        routes.post("/console/reports/{id}/duplicate") { visit in
            try await review(visit, .duplicate(of: visit.form["of"] ?? "", note: visit.form["note"] ?? ""))
        }
    }

    /// One review through the use case, then back to where the form was (the queue, or the report's page).
    static func review(_ visit: Visit, _ action: ReviewAction, points: Int? = nil, original: Bool = false) async throws -> Response {
        let caller = try visit.staff, id = visit.path("id")
        let report = try await visit.service { try $0.reviewReport(caller, id: id, action, points: points, original: original) }
        let back = visit.form["back"] == "report" ? "/console/reports/\(id)" : "/console"
        return ConsoleHeaders.redirect("\(back)?done=\(id)&status=\(report.status.rawValue)")
    }

    /// A report as a queue card: its thumbnails, facts, warnings and the numbers its forms need.
    static func card(_ report: Report, _ names: Names, _ language: Language) -> [String: Any] {
        var card: [String: Any] = [
            "id": report.id,
            "category": names.category(report.categoryCode),
            "place": report.location.map { String(format: "%.5f, %.5f", $0.lat, $0.lon) } ?? ConsoleMsg.noPlace.text([:], in: language),
            "submittedAt": report.submittedAt,
            "submittedLocal": Markup.localTime(report.submittedAt),
            "rider": report.riderID,
            "note": report.note,
            "thumbs": report.photos.indices.map { index -> [String: Any] in
                let n = index + 1
                return [
                    "thumb": "/console/reports/\(report.id)/photos/\(n)?size=thumb",
                    "full": "/console/reports/\(report.id)/photos/\(n)",
                    "alt": ConsoleMsg.photoAlt.text(["n": "\(n)", "id": report.id], in: language),
                ]
            },
        ]
        if let duplicateOf = report.duplicateOf {
            card["duplicateOf"] = duplicateOf
            card["duplicateText"] = ConsoleMsg.duplicateWarning.text(["id": duplicateOf], in: language)
        }
        // `position` counts from 0 in the record; people count photos from 1.
        if let reuse = report.possibleReuse, !reuse.cleared {
            card["reuse"] = ConsoleMsg.reuseWarning.text(
                ["position": "\(reuse.position + 1)", "id": reuse.report, "distance": "\(reuse.distance)"], in: language)
        }
        return card
    }
}
