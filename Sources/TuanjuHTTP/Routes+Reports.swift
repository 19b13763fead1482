import Foundation
import Hummingbird
import Reports
import ServiceMap
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    static let reportTextFields = ["category", "task", "lat", "lon", "crs", "note"]

    /// `reports submit` (multipart/form-data with `photo` file parts), `list`, `show`, `review`, `dispatch`,
    /// `resolve`, `reopen`.
    static func reportRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/reports") { call in
            let caller = try await call.caller()
            let upload = try await PhotoUpload.read(&call, photoField: "photo", textFields: reportTextFields, strict: true)
            let fields = upload.fields
            guard let category = fields["category"] else { throw HTTPFailure.invalid(HTTPMsg.fieldMissing, ["field": "category"]) }
            var location: Coordinate?
            if fields["lat"] != nil || fields["lon"] != nil {
                location = try Coordinate(parsingLat: fields["lat"], lon: fields["lon"],
                                          system: try CoordinateSystem(parsing: fields["crs"] ?? "wgs84"))
            }
            let photos = upload.inputs
            let report = try await call.service { [location] app in
                try app.submitReport(caller, ReportSubmission(
                    category: category, taskID: fields["task"], location: location, note: fields["note"], photos: photos))
            }
            return try JSONBody.response(ReportSubmitJSON(report), status: .created)
        }
        routes.get("/v1/reports") { call in
            let caller = try await call.caller()
            var filter = Reports.Filter()
            filter.status = try call.query("status").map { text throws(InputError) in try Report.Status(parsing: text) }
            filter.riderID = try call.queryBool("mine") == true ? caller.id : call.query("rider")
            filter.category = call.query("category")
            let page = try call.page()
            let reports = try await call.service { [filter] in try $0.listReports(caller, filter, page: page) }
            return try JSONBody.page(reports.map { ReportJSON($0) }, for: call.request, limit: page.limit)
        }
        routes.get("/v1/reports/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let detail = try await call.service { try $0.report(caller, id: id) }
            return try JSONBody.response(ReportJSON(detail.report, history: detail.history))
        }
        routes.get("/v1/reports/{id}/photos/{n}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            guard let number = Int(call.path("n")) else {
                throw HTTPFailure.invalid(HTTPMsg.fieldInvalid, ["field": "n", "value": call.path("n")])
            }
            let size = try call.query("size").map { text throws(InputError) in try PhotoSize(parsing: text) } ?? .original
            let file = try await call.service { try $0.reportPhoto(caller, id: id, number: number, size: size) }
            return try PhotoResponse.response(file, ifNoneMatch: call.request.headers[.ifNoneMatch])
        }
        routes.post("/v1/reports/{id}/review") { call in
            let caller = try await call.caller()
            let body = try await call.json(Review.self)
            let action: ReviewAction
            switch body.decision {
            case "accept": action = .accept(note: body.note ?? "")
            case _ where body.original == true: throw InputError.invalid(ServiceMsg.originalOnlyOnAccept)
            case "reject": action = .reject(reason: body.reason ?? body.note ?? "")
            case "duplicate": action = .duplicate(of: body.duplicate_of ?? "", note: body.note ?? "")
            default:
                throw HTTPFailure.invalid(HTTPMsg.fieldInvalid, ["field": "decision", "value": body.decision])
            }
            return try await review(call, caller, action, points: body.points, original: body.original ?? false)
        }
        routes.post("/v1/reports/{id}/dispatch") { call in
            let caller = try await call.caller()
            let body = try await call.json(Dispatch.self)
            return try await review(call, caller, .dispatch(agency: body.agency, note: body.note ?? ""))
        }
        routes.post("/v1/reports/{id}/resolve") { call in
            let caller = try await call.caller()
            let body = try await call.json(NoteOnly.self)
            return try await review(call, caller, .resolve(note: body.note ?? ""))
        }
        routes.post("/v1/reports/{id}/reopen") { call in
            let caller = try await call.caller()
            let body = try await call.json(NoteOnly.self)
            return try await review(call, caller, .reopen(note: body.note ?? ""))
        }
        routes.post("/v1/reports/{id}/appeal") { call in
            let caller = try await call.caller()
            let body = try await call.json(AppealBody.self)
            let id = call.path("id")
            let report = try await call.service { try $0.appealReport(caller, id: id, reason: body.reason) }
            return try JSONBody.response(ReviewResultJSON(report))
        }
    }

    static func review(
        _ call: Call, _ caller: Caller, _ action: ReviewAction, points: Int? = nil, original: Bool = false
    ) async throws -> Response {
        let id = call.path("id")
        let report = try await call.service { try $0.reviewReport(caller, id: id, action, points: points, original: original) }
        return try JSONBody.response(ReviewResultJSON(report))
    }

    struct Review: APIBody {
        static let fields = ["decision", "points", "reason", "duplicate_of", "note", "original"]
        /// accept, reject or duplicate.
        let decision: String
        let points: Int?
        /// With accept: a photo flagged as possible re-use is original, so the report earns points.
        let original: Bool?
        let reason: String?
        let duplicate_of: String?
        let note: String?
    }

    struct AppealBody: APIBody {
        static let fields = ["reason"]
        let reason: String
    }

    struct Dispatch: APIBody {
        static let fields = ["agency", "note"]
        let agency: String
        let note: String?
    }

    struct NoteOnly: APIBody {
        static let fields = ["note"]
        let note: String?
    }
}
