import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

extension WebConsole {
    /// Figures: the charts of `tuanju stats` (the same SVG as `GET /v1/stats.svg`) embedded in a page, for a
    /// period and a grouping chosen in a form.
    static func figureRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        routes.get("/console/figures") { visit in
            let caller = try visit.staff
            let (from, to, by) = try period(visit)
            let figures = try await visit.service { try StatsJSON($0.stats(caller, from: from, to: to, by: by)) }
            var context = visit.frame(title: ConsoleMsg.figuresTitle.text, nav: "Figures")
            var items = [URLQueryItem(name: "by", value: by.rawValue)]
            if let from { items.append(URLQueryItem(name: "from", value: from)) }
            if let to { items.append(URLQueryItem(name: "to", value: to)) }
            var components = URLComponents()
            components.path = "/console/figures.svg"
            components.queryItems = items
            context["chart"] = components.string ?? "/console/figures.svg"
            context["from"] = from ?? ""
            context["to"] = to ?? ""
            context["byMonth"] = by == .month
            let totals = figures.totals
            context["totals"] = ConsoleMsg.totals.text([
                "submitted": "\(totals.submitted)", "accepted": "\(totals.accepted)", "rejected": "\(totals.rejected)",
                "resolved": "\(totals.resolved)",
            ])
            return visit.page("figures", context)
        }
        routes.get("/console/figures.svg") { visit in
            let caller = try visit.staff
            let (from, to, by) = try period(visit)
            let svg = try await visit.service { app in
                let figures = try StatsJSON(app.stats(caller, from: from, to: to, by: by))
                let names = Dictionary(try app.roles().flatMap(\.categories).map { ($0.code, $0.nameZh) }, uniquingKeysWith: { a, _ in a })
                return StatsSVG.render(figures, names: names)
            }
            return ConsoleHeaders.file(Data(svg.utf8), type: "image/svg+xml; charset=utf-8", cache: "no-store")
        }
    }

    static func period(_ visit: Visit) throws -> (from: String?, to: String?, by: Figures.Grouping) {
        let by = visit.query("by").flatMap { Figures.Grouping(rawValue: $0) } ?? .week
        return (visit.query("from"), visit.query("to"), by)
    }
}
