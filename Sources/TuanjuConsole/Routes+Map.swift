import Foundation
import Hummingbird
import Reports
import TuanjuCore
import TuanjuService

extension WebConsole {
    /// The most reports the map draws at once (newest first); the page says how many matched. Keeps the page
    /// small and fast with 10,000 reports in the database.
    static let mapPinLimit = 2000

    /// The map: reports and service points over the service area, filtered by status, category and dates
    /// (Beijing days, `to` inclusive); the demand cells as a heat layer.
    static func mapRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        routes.get("/console/map") { visit in
            let caller = try visit.staff
            var filter = Reports.PinFilter()
            filter.status = try visit.query("status").map { text throws(InputError) in try Report.Status(parsing: text) }
            filter.category = visit.query("category")
            filter.from = try visit.query("from").map { try beijingDayStart($0, plus: 0) }
            filter.to = try visit.query("to").map { try beijingDayStart($0, plus: 1) }
            let map = try await visit.service { [filter] in try $0.consoleMap(caller, filter, limit: mapPinLimit) }
            let names = try await Names.load(visit)
            var context = visit.frame(title: ConsoleMsg.mapTitle.text, nav: "Map")
            context["svg"] = MapSVG(areas: map.areas, points: map.points, pins: map.pins, demand: map.demand)
                .render(names: names, language: visit.language, width: 960, height: 640)
            context["summary"] = ConsoleMsg.mapShowing.text([
                "shown": "\(map.pins.count)", "matching": "\(map.matching)", "points": "\(map.points.count)", "cells": "\(map.demand.count)",
            ])
            if map.areas.isEmpty { context["noArea"] = true }
            context["statuses"] = Report.Status.allCases.map { status -> [String: Any] in
                ["code": status.rawValue, "name": Names.status(status, visit.language), "selected": filter.status == status]
            }
            context["categories"] = names.categoryChoices.map { choice -> [String: Any] in
                ["code": choice.code, "name": choice.name, "selected": filter.category == choice.code]
            }
            context["from"] = visit.query("from") ?? ""
            context["to"] = visit.query("to") ?? ""
            return visit.page("map", context)
        }
    }

    /// `2026-12-05` → the ISO time that Beijing day starts (plus `plus` days), as `submitted_at` is compared.
    static func beijingDayStart(_ text: String, plus days: Int) throws -> String {
        guard text.count == 10, let date = try? Date("\(text)T00:00:00+08:00", strategy: .iso8601) else {
            throw InputError.invalid(.timeInvalid, ["text": text])
        }
        return Timestamp.iso(date.addingTimeInterval(Double(days) * 86_400))
    }
}
