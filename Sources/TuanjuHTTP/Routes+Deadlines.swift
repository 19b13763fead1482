import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `deadlines list/set`, `reports overdue`.
    static func deadlineRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/deadlines") { call in
            let caller = try await call.caller()
            let deadlines = try await call.service { try $0.listDeadlines(caller) }
            return try JSONBody.response(deadlines.map(DeadlineJSON.init))
        }
        routes.patch("/v1/deadlines/{category}") { call in
            let caller = try await call.caller()
            let category = call.path("category")
            let body = try await call.json(DeadlineBody.self)
            let deadline = try await call.service {
                try $0.setDeadline(caller, category: category, reviewHours: body.review_hours, resolveHours: body.resolve_hours)
            }
            return try JSONBody.response(DeadlineJSON(deadline))
        }
        routes.get("/v1/overdue") { call in
            let caller = try await call.caller()
            let stage = try call.query("stage").map { text in
                guard let stage = OverdueReport.Stage(rawValue: text) else {
                    throw Call.queryError("stage", type: "review|resolve", value: text)
                }
                return stage
            }
            let late = try await call.service { try $0.overdueReports(caller, stage: stage) }
            return try JSONBody.response(late.map(OverdueJSON.init))
        }
    }

    struct DeadlineBody: APIBody {
        static let fields = ["review_hours", "resolve_hours"]
        let review_hours: Int?
        let resolve_hours: Int?
    }
}

extension OpenAPIDocument {
    static let deadlineOperations: [Operation] = [
        Operation(method: "GET", path: "/v1/deadlines", summary: "Each category's targets (staff)", access: .bearer,
                  response: Schema.array(Schema.ref("Deadline"))),
        Operation(method: "PATCH", path: "/v1/deadlines/{category}", summary: "Change a category's targets (staff)", access: .bearer,
                  body: Schema.change(["review_hours": Schema.optional(Schema.integer(1...8760)),
                                       "resolve_hours": Schema.optional(Schema.integer(1...8760))]),
                  response: Schema.ref("Deadline")),
        Operation(method: "GET", path: "/v1/overdue", summary: "Open reports past their target, the latest first (staff)",
                  access: .bearer, query: ["stage": Schema.enumeration(["review", "resolve"])],
                  response: Schema.array(Schema.ref("Overdue"))),
    ]
}

extension Schema {
    static let deadlineSchemas: JSON = [
        "Deadline": object(["category": string, "review_hours": integer, "resolve_hours": integer]),
        "Overdue": object([
            "report_id": string, "category": string, "status": ref("ReportStatus"), "stage": enumeration(["review", "resolve"]),
            "due_at": time, "late_hours": number, "agency_id": optional(string), "agency": optional(string),
        ]),
    ]
}
