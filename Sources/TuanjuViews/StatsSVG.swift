import Foundation
import Reports
import TuanjuCore

/// `tuanju stats --format svg`: the charts a coordinator shows at a meeting, as one standalone SVG 1.1 file with
/// Chinese labels: the trend (submitted, accepted, resolved per week or month), reports by category, resolved
/// by agency. Every mark carries its number in `data-value` and as a text label, so tests can read it back.
public enum StatsSVG {
    static let width = 900.0
    static let chartHeight = 300.0
    static let colours = ["#1f77b4", "#2ca02c", "#d62728"]

    public static func render(_ stats: StatsJSON, names: [String: String] = [:]) -> String {
        var body = ""
        var y = 60.0
        let step = stats.by == "week" ? "周" : "月"
        body += trend(stats, title: DeadlineMsg.chartTrend.texts.zh.replacingOccurrences(of: "{step}", with: step), top: y)
        y += chartHeight + 40
        let categories = stats.by_category.prefix(12).map { (names[$0.key] ?? $0.key, $0.figures.submitted) }
        body += bars(categories, title: DeadlineMsg.chartCategory.texts.zh, id: "by-category", top: y)
        y += chartHeight + 40
        let agencies = stats.by_agency.prefix(12).map { ($0.key, $0.figures.resolved) }
        body += bars(agencies, title: DeadlineMsg.chartAgency.texts.zh, id: "by-agency", top: y)
        y += chartHeight + 20
        let title = DeadlineMsg.statsTitle.texts.zh
            .replacingOccurrences(of: "{from}", with: String(stats.from.prefix(10)))
            .replacingOccurrences(of: "{to}", with: String(stats.to.prefix(10)))
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(fmt(width))" height="\(fmt(y))" viewBox="0 0 \(fmt(width)) \(fmt(y))" font-family="'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif">
            <title>\(escape(title))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="20" y="32" font-size="20" font-weight="bold">\(escape(title))</text>
            \(body)</svg>

            """
    }

    static func trend(_ stats: StatsJSON, title: String, top: Double) -> String {
        let left = 60.0, right = width - 40, bottom = top + chartHeight - 40
        let series: [(String, [Int])] = [
            (DeadlineMsg.legendSubmitted.texts.zh, stats.trend.map(\.submitted)),
            (DeadlineMsg.legendAccepted.texts.zh, stats.trend.map(\.accepted)),
            (DeadlineMsg.legendResolved.texts.zh, stats.trend.map(\.resolved)),
        ]
        let maximum = max(1, series.flatMap(\.1).max() ?? 1)
        let count = max(1, stats.trend.count)
        func x(_ index: Int) -> Double { count == 1 ? (left + right) / 2 : left + (right - left) * Double(index) / Double(count - 1) }
        func yOf(_ value: Int) -> Double { bottom - (bottom - top - 30) * Double(value) / Double(maximum) }
        var out = "<g id=\"trend\">\n<text x=\"20\" y=\"\(fmt(top + 10))\" font-size=\"16\">\(escape(title))</text>\n"
        out += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(bottom))\" x2=\"\(fmt(right))\" y2=\"\(fmt(bottom))\" stroke=\"#888\"/>\n"
        for (index, bucket) in stats.trend.enumerated() {
            out += "<text x=\"\(fmt(x(index)))\" y=\"\(fmt(bottom + 18))\" font-size=\"11\" text-anchor=\"middle\">\(escape(String(bucket.start.dropFirst(5))))</text>\n"
        }
        for (number, (name, values)) in series.enumerated() {
            let colour = colours[number]
            let points = values.enumerated().map { "\(fmt(x($0.offset))),\(fmt(yOf($0.element)))" }.joined(separator: " ")
            out += "<g class=\"series\" data-series=\"\(escape(name))\">\n"
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            for (index, value) in values.enumerated() {
                out += "<circle cx=\"\(fmt(x(index)))\" cy=\"\(fmt(yOf(value)))\" r=\"3\" fill=\"\(colour)\" data-value=\"\(value)\"/>\n"
            }
            out += "<text x=\"\(fmt(right - 150 + Double(number) * 50))\" y=\"\(fmt(top + 10))\" font-size=\"12\" fill=\"\(colour)\">\(escape(name))</text>\n</g>\n"
        }
        return out + "</g>\n"
    }

    static func bars(_ values: [(String, Int)], title: String, id: String, top: Double) -> String {
        let left = 180.0, right = width - 60
        var out = "<g id=\"\(id)\">\n<text x=\"20\" y=\"\(fmt(top + 10))\" font-size=\"16\">\(escape(title))</text>\n"
        let maximum = max(1, values.map(\.1).max() ?? 1)
        let rowHeight = min(28.0, (chartHeight - 40) / Double(max(1, values.count)))
        for (index, (label, value)) in values.enumerated() {
            let y = top + 30 + Double(index) * rowHeight
            let length = (right - left) * Double(value) / Double(maximum)
            out += "<text x=\"\(fmt(left - 8))\" y=\"\(fmt(y + rowHeight * 0.65))\" font-size=\"12\" text-anchor=\"end\">\(escape(label))</text>\n"
            out += "<rect class=\"bar\" x=\"\(fmt(left))\" y=\"\(fmt(y + 2))\" width=\"\(fmt(length))\" height=\"\(fmt(rowHeight - 4))\" fill=\"\(colours[0])\" data-label=\"\(escape(label))\" data-value=\"\(value)\"/>\n"
            out += "<text x=\"\(fmt(left + length + 6))\" y=\"\(fmt(y + rowHeight * 0.65))\" font-size=\"12\">\(value)</text>\n"
        }
        return out + "</g>\n"
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// XML text and attribute escaping; control characters (not allowed in XML 1.0) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
