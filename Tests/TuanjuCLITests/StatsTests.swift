import Foundation
import GRDB
import Testing
import TuanjuCore
@testable import TuanjuCLI
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Five reports whose history is set to hand-picked times (November 2026, UTC):
///
///     R1 road-damage    submitted 11-02 00:00, accepted 11-02 04:00, dispatched 05:00, resolved 11-04 04:00
///     R2 road-damage    submitted 11-03 00:00, accepted 11-03 10:00, dispatched 11:00, resolved 11-13 10:00
///     R3 manhole-cover  submitted 11-10 00:00, rejected 11-10 02:00
///     R4 manhole-cover  submitted 11-20 00:00, accepted 11-21 00:00 (still open: 24 h target, overdue now)
///     R5 road-damage    submitted 10-30 00:00, accepted 11-01 00:00 (still open: 168 h target, overdue now)
///
/// By hand, for 2026-11-01 … 2026-11-30: submitted 4 (not R5), accepted 4, rejected 1, resolved 2; resolution
/// rate 2/4; review hours [2, 4, 10, 24, 48] → median (rank 3) 10, p90 (rank 5) 48; resolve hours [48, 240] →
/// median 48, p90 240; overdue now 2 (R4, R5).
@Suite("tuanju stats: figures checked against a hand-computed fixture")
struct StatsTests {
    final class Fixture {
        let setup: ReportsTests.Setup
        var ids: [String] = []

        init() throws {
            setup = try ReportsTests.Setup()
            let s = setup.sandbox, c = setup.coordinator
            let plan: [(String, Int)] = [("road-damage", 0), ("road-damage", 1), ("manhole-cover", 0), ("manhole-cover", 1), ("road-damage", 0)]
            for (index, (category, rider)) in plan.enumerated() {
                let lat = String(format: "%.4f", 30.2800 + Double(index) * 0.002)
                let photo = try setup.photo("p\(index).jpg", seed: UInt64(100 + index * 37))
                let result = setup.submit(rider, ["--category", category, "--lat", lat, "--lon", "120.1600"], photos: [photo])
                ids.append(try result.object()["id"] as! String)
            }
            for index in [0, 1, 3, 4] { _ = try s.ok(["reports", "review", ids[index], "--accept"], token: c) }
            _ = try s.ok(["reports", "review", ids[2], "--reject", "--reason", "不清楚"], token: c)
            for index in [0, 1] {
                _ = try s.ok(["reports", "dispatch", ids[index], "--agency", "拱墅区城管局"], token: c)
                _ = try s.ok(["reports", "resolve", ids[index]], token: c)
            }
            let times: [[String]] = [
                ["2026-11-02T00:00:00Z", "2026-11-02T04:00:00Z", "2026-11-02T05:00:00Z", "2026-11-04T04:00:00Z"],
                ["2026-11-03T00:00:00Z", "2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z", "2026-11-13T10:00:00Z"],
                ["2026-11-10T00:00:00Z", "2026-11-10T02:00:00Z"],
                ["2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"],
                ["2026-10-30T00:00:00Z", "2026-11-01T00:00:00Z"],
            ]
            try DatabaseQueue(path: s.data + "/tuanju.sqlite").write { db in
                // The history is append-only for the application; the fixture rewrites its times.
                try db.execute(sql: "DROP TRIGGER report_history_no_update")
                for (id, at) in zip(ids, times) {
                    for (seq, time) in at.enumerated() {
                        try db.execute(sql: "UPDATE report_history SET at = ? WHERE report_id = ? AND seq = ?", arguments: [time, id, seq + 1])
                    }
                    try db.execute(sql: "UPDATE reports SET submitted_at = ? WHERE id = ?", arguments: [at[0], id])
                }
            }
        }

        func stats(_ extra: [String] = []) throws -> [String: Any] {
            try setup.sandbox.ok(["stats", "--from", "2026-11-01", "--to", "2026-11-30"] + extra, token: setup.coordinator)
        }
    }

    @Test("Totals, quantiles, groups and the weekly trend match the hand computation; small rider groups are hidden")
    func figures() throws {
        let fixture = try Fixture()
        let stats = try fixture.stats()
        #expect(stats["from"] as? String == "2026-11-01T00:00:00Z" && stats["to"] as? String == "2026-12-01T00:00:00Z")
        let totals = try #require(stats["totals"] as? [String: Any])
        #expect(totals["submitted"] as? Int == 4 && totals["accepted"] as? Int == 4)
        #expect(totals["rejected"] as? Int == 1 && totals["resolved"] as? Int == 2)
        #expect(totals["resolution_rate"] as? Double == 0.5 && totals["overdue"] as? Int == 2)
        let review = try #require(totals["time_to_review"] as? [String: Any])
        #expect(review["median_hours"] as? Double == 10 && review["p90_hours"] as? Double == 48 && review["count"] as? Int == 5)
        let resolve = try #require(totals["time_to_resolve"] as? [String: Any])
        #expect(resolve["median_hours"] as? Double == 48 && resolve["p90_hours"] as? Double == 240)

        let categories = try #require(stats["by_category"] as? [[String: Any]])
        let road = try #require(categories.first { $0["key"] as? String == "road-damage" }?["figures"] as? [String: Any])
        #expect(road["submitted"] as? Int == 2 && road["accepted"] as? Int == 3 && road["resolved"] as? Int == 2 && road["overdue"] as? Int == 1)
        #expect(road["resolution_rate"] as? Double == 0.667)
        let manhole = try #require(categories.first { $0["key"] as? String == "manhole-cover" }?["figures"] as? [String: Any])
        #expect(manhole["submitted"] as? Int == 2 && manhole["accepted"] as? Int == 1 && manhole["rejected"] as? Int == 1)
        #expect(manhole["resolution_rate"] as? Double == 0)
        let roles = try #require(stats["by_role"] as? [[String: Any]])
        #expect(roles.count == 1 && (roles[0]["figures"] as? [String: Any])?["submitted"] as? Int == 4)
        let agencies = try #require(stats["by_agency"] as? [[String: Any]])
        #expect(agencies.count == 1 && agencies[0]["key"] as? String == "拱墅区城管局")
        #expect((agencies[0]["figures"] as? [String: Any])?["resolved"] as? Int == 2)

        let trend = try #require(stats["trend"] as? [[String: Any]])
        #expect(trend.map { $0["start"] as? String } == ["2026-11-01", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"])
        #expect(trend.map { $0["submitted"] as? Int } == [0, 2, 1, 1, 0, 0])
        #expect(trend.map { $0["accepted"] as? Int } == [1, 2, 0, 1, 0, 0])
        #expect(trend.map { $0["resolved"] as? Int } == [0, 1, 1, 0, 0, 0])
        let monthly = try #require(try fixture.stats(["--by", "month"])["trend"] as? [[String: Any]])
        #expect(monthly.count == 1 && monthly[0]["submitted"] as? Int == 4 && monthly[0]["resolved"] as? Int == 2)

        // Two riders took part: every rider figure is hidden (the portrait's rule), in JSON and CSV.
        let participation = try #require(stats["participation"] as? [String: Any])
        #expect(participation["active_riders"] is NSNull && participation["reports"] is NSNull && participation["threshold"] as? Int == 5)
        let csv = fixture.setup.sandbox.run(["stats", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv"],
                                            token: fixture.setup.coordinator)
        #expect(csv.exit == 0 && csv.stdout.hasPrefix("section,key,metric,value"))
        #expect(csv.stdout.contains("participation,all,active_riders,<5") && csv.stdout.contains("totals,all,review_median_hours,10.0"))
        let points = try #require(stats["points"] as? [String: Any])
        #expect(points["awarded"] as? Int == 0 && (points["outstanding"] as? Int ?? 0) > 0)
    }

    @Test("--format svg is a standalone SVG document with Chinese labels, drawing the figures' numbers")
    func svg() throws {
        let fixture = try Fixture()
        let path = fixture.setup.sandbox.root + "/figures.svg"
        let result = fixture.setup.sandbox.run(["stats", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "svg", "-o", path],
                                               token: fixture.setup.coordinator)
        #expect(result.exit == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = SVGReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(reader.root == "svg" && reader.namespace == "http://www.w3.org/2000/svg")
        #expect(reader.texts.contains { $0.contains("各类别上报") } && reader.texts.contains { $0.contains("各承办单位办结") })
        // Bars by category: the Chinese category names with the submitted counts.
        #expect(reader.bars["by-category"]?.map(\.value).sorted() == [2, 2])
        #expect(reader.bars["by-category"]?.allSatisfy { $0.label.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } } == true)
        #expect(reader.bars["by-agency"]?.map(\.label) == ["拱墅区城管局"] && reader.bars["by-agency"]?.map(\.value) == [2])
        // Trend points: submitted, accepted, resolved per week, in order.
        #expect(reader.series["提交"] == [0, 2, 1, 1, 0, 0])
        #expect(reader.series["采纳"] == [1, 2, 0, 1, 0, 0])
        #expect(reader.series["办结"] == [0, 1, 1, 0, 0, 0])
    }

    @Test("Riders are refused (77); bad dates, steps and formats are 65")
    func refusals() throws {
        let setup = try ReportsTests.Setup()
        try setup.sandbox.expectRefusal(["stats"], token: setup.riders[0].token, exit: 77, code: "forbidden")
        for args in [["stats", "--from", "2026-13-01"], ["stats", "--from", "2026-11-30", "--to", "2026-11-01"],
                     ["stats", "--by", "day"], ["stats", "--format", "pdf"]] {
            try setup.sandbox.expectRefusal(args, token: setup.coordinator, exit: 65, code: "invalid_input")
        }
    }
}

/// Reads back what an SVG draws: the root, its texts, the bars of each chart and the points of each series.
final class SVGReader: NSObject, XMLParserDelegate {
    var root: String?
    var namespace: String?
    var texts: [String] = []
    var bars: [String: [(label: String, value: Int)]] = [:]
    var series: [String: [Int]] = [:]
    private var groups: [String] = []
    private var currentSeries: String?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name; namespace = attributes["xmlns"] }
        if name == "g" {
            groups.append(attributes["id"] ?? "")
            if let series = attributes["data-series"] { currentSeries = series }
        }
        if name == "rect", let value = attributes["data-value"].flatMap(Int.init), let group = groups.last(where: { !$0.isEmpty }) {
            bars[group, default: []].append((attributes["data-label"] ?? "", value))
        }
        if name == "circle", let value = attributes["data-value"].flatMap(Int.init), let series = currentSeries {
            self.series[series, default: []].append(value)
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" || name == "title" { texts.append(text) }
        if name == "g" {
            if groups.popLast() == "" { currentSeries = nil }
        }
    }
}
