import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `tuanju stats` over HTTP: JSON at /v1/stats, the meeting charts at /v1/stats.svg.
    static func statsRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/stats") { call in
            let (stats, _) = try await figures(call)
            return try JSONBody.response(stats)
        }
        routes.get("/v1/stats.svg") { call in
            let (stats, names) = try await figures(call)
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: StatsSVG.render(stats, names: names))))
            response.headers[.contentType] = "image/svg+xml; charset=utf-8"
            return response
        }
    }

    static func figures(_ call: Call) async throws -> (StatsJSON, [String: String]) {
        let caller = try await call.caller()
        let from = call.query("from"), to = call.query("to")
        let by = try call.query("by").map { text in
            guard let grouping = Figures.Grouping(rawValue: text) else { throw Call.queryError("by", type: "week|month", value: text) }
            return grouping
        } ?? .week
        return try await call.service { app in
            let figures = try app.stats(caller, from: from, to: to, by: by)
            let names = Dictionary(try app.roles().flatMap(\.categories).map { ($0.code, $0.nameZh) }, uniquingKeysWith: { a, _ in a })
            return (StatsJSON(figures), names)
        }
    }
}

extension OpenAPIDocument {
    static let statsQuery: KeyValuePairs<String, JSON> = [
        "from": Schema.example(Schema.string, "2026-12-01"), "to": Schema.example(Schema.string, "2026-12-31"),
        "by": Schema.enumeration(["week", "month"]),
    ]

    static let statsOperations: [Operation] = [
        Operation(method: "GET", path: "/v1/stats", summary: "The figures of a period (staff)", access: .bearer, query: statsQuery,
                  response: Schema.ref("Stats")),
        Operation(method: "GET", path: "/v1/stats.svg", summary: "The figures as meeting charts, standalone SVG (staff)", access: .bearer,
                  query: statsQuery, response: ["type": "string", "contentEncoding": "binary"] as JSON, responseType: "image/svg+xml"),
    ]
}

extension Schema {
    static let statsSchemas: JSON = {
        let quantiles = optional(object(["median_hours": number, "p90_hours": number, "count": integer]))
        let counts = object([
            "submitted": integer, "accepted": integer, "rejected": integer, "resolved": integer, "overdue": integer,
            "resolution_rate": optional(number), "time_to_review": quantiles, "time_to_resolve": quantiles,
        ])
        let group = object(["key": string, "figures": counts])
        let hidden = optional(integer)
        return [
            "Stats": object([
                "from": time, "to": time, "by": enumeration(["week", "month"]), "totals": counts,
                "by_category": array(group), "by_role": array(group), "by_agency": array(group),
                "trend": array(object(["start": string, "submitted": integer, "accepted": integer, "rejected": integer, "resolved": integer])),
                "participation": object([
                    "active_riders": hidden, "claims": hidden, "reports": hidden, "signups": hidden, "attendance": hidden,
                    "lessons": hidden, "survey_answers": hidden, "threshold": integer,
                ]),
                "points": object(["awarded": integer, "redeemed": integer, "held": integer, "outstanding": integer]),
                "demand": array(object(["lat": number, "lon": number, "queries": integer])),
            ]),
        ]
    }()
}
