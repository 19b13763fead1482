import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService

extension WebConsole {
    /// A report's page (photos full size, upright as stored; its history; its place on the map), its photos,
    /// and dispatching it to an agency once accepted.
    static func reportRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        routes.get("/console/reports/{id}") { visit in try await reportPage(visit) }
        routes.get("/console/reports/{id}/photos/{n}") { visit in
            let caller = try visit.staff, id = visit.path("id")
            let number = Int(visit.path("n")) ?? 0
            let size = try visit.query("size").map { text throws(InputError) in try PhotoSize(parsing: text) } ?? .original
            let file = try await visit.service { try $0.reportPhoto(caller, id: id, number: number, size: size) }
            var headers: HTTPFields = [:]
            headers[.eTag] = file.etag
            headers[.cacheControl] = "private, max-age=31536000, immutable"
            ConsoleHeaders.secure(&headers, html: false)
            if let match = visit.request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == file.etag }) {
                return Response(status: .notModified, headers: headers)
            }
            let bytes = try await ConsoleWork.run { try Data(contentsOf: file.url) }
            headers[.contentType] = file.mediaType
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        routes.post("/console/reports/{id}/dispatch") { visit in
            try await review(visit, .dispatch(agency: visit.form["agency"] ?? "", note: visit.form["note"] ?? ""))
        }
    }

    static func reportPage(_ visit: Visit) async throws -> Response {
        let caller = try visit.staff, id = visit.path("id")
        let (detail, map, agencies) = try await visit.service { app in
            let detail = try app.report(caller, id: id)
            let map = try app.consoleMap(caller, Reports.PinFilter(), limit: 0)
            let agencies = try app.listAgencies(caller, includeRetired: false, page: PageRequest(limit: 100)).rows
            return (detail, map, agencies)
        }
        let names = try await Names.load(visit)
        let report = detail.report
        var context = visit.frame(title: ConsoleMsg.reportTitle.text(["id": report.id]), nav: "Report")
        var fields = card(report, names, visit.language)
        fields["back"] = "report"
        fields["status"] = Names.status(report.status, visit.language)
        fields["reviewable"] = report.status == .submitted
        fields["dispatchable"] = ReviewAction.dispatch(agency: "", note: "").allowedFrom.contains(report.status)
        fields["agencies"] = agencies.map { ["id": $0.id, "name": $0.name] }
        fields["hasAgencies"] = !agencies.isEmpty
        fields["history"] = detail.history.map { entry -> [String: Any] in
            ["status": Names.status(entry.status, visit.language), "at": Markup.localTime(entry.at), "atISO": entry.at,
             "by": ConsoleMsg.historyBy.text(["who": entry.by]), "note": entry.note]
        }
        if let location = report.location {
            let pin = ReportPin(id: report.id, status: report.status, categoryCode: report.categoryCode, location: location,
                                submittedAt: report.submittedAt)
            fields["svg"] = MapSVG(areas: map.areas, points: map.points, pins: [pin], demand: [], highlight: report.id)
                .render(names: names, language: visit.language, width: 640, height: 420)
        }
        context["report"] = fields
        if let done = visit.query("done"), let status = visit.query("status").flatMap({ Report.Status(rawValue: $0) }) {
            context["flash"] = ConsoleMsg.reviewed.text(["id": done, "status": Names.status(status, visit.language)])
        }
        return visit.page("report", context)
    }
}
