import Foundation

/// `map import` of a large CSV (one transaction, R*Tree and an event per point), killed at random moments,
/// then run to the end: the imported points are exactly the distinct external ids of the file, each in the
/// search index once.
struct MapCrashLoop {
    /// A file must not name an external id twice (the importer refuses the repeat as a bad row), so every
    /// row is its own point; about 12 s of importing on the 2-core machine.
    let rows = 20_000
    var distinctIDs: Int { rows }

    func run(kills: Int) throws -> CrashSummary {
        var summary = CrashSummary(command: "map import")
        let sandbox = try CrashSandbox("map")
        defer { sandbox.remove() }
        let file = try writeCSV(root: sandbox.root)
        let arguments = ["map", "import", file]
        let before = try sandbox.count("SELECT count(*) FROM service_points")
        let scratch = try CrashSandbox("map-timing")
        let (_, duration) = try timed { try TuanjuCLI.run(arguments, data: scratch.data, token: scratch.coordinator) }
        scratch.remove()
        summary.figures.append(String(format: "%d rows, %d distinct external ids, a full import takes %.1f s", rows, distinctIDs, duration))

        try killRepeatedly(arguments, data: sandbox.data, token: sandbox.coordinator, kills: kills,
                           window: 0.05...max(0.1, duration * 0.95), summary: &summary)
        let final = try TuanjuCLI.run(arguments, data: sandbox.data, token: sandbox.coordinator)
        summary.reruns += 1
        summary.expect(final.exit == 0, "the final import exited \(final.exit): \(final.stderr.prefix(300))")
        let points = try sandbox.count("SELECT count(*) FROM service_points WHERE external_id LIKE 'crash-%'")
        let indexed = try sandbox.count("SELECT count(*) FROM service_points_rtree")
        let total = try sandbox.count("SELECT count(*) FROM service_points WHERE active = 1")
        summary.figures.append("\(points) points after the final run (\(before) seed points before), \(indexed) index entries")
        summary.expect(points == distinctIDs, "\(points) points, the file has \(distinctIDs) distinct external ids")
        summary.expect(indexed == total, "\(indexed) index entries for \(total) active points")
        try sandbox.doctor(into: &summary)
        return summary
    }

    /// Points spread over Hangzhou.
    func writeCSV(root: String) throws -> String {
        let path = root + "/points.csv"
        var text = "external_id,kind,name,address,lat,lon,opening_hours,amenities,contact\n"
        let kinds = ["station", "box", "meal"]
        var generator = SystemRandomNumberGenerator()
        for index in 0..<rows {
            let id = index % distinctIDs
            let lat = Double.random(in: 30.20...30.40, using: &generator)
            let lon = Double.random(in: 120.05...120.30, using: &generator)
            text += "crash-\(id),\(kinds[id % 3]),暖心点 \(index),杭州市拱墅区 \(id) 号,\(String(format: "%.6f", lat)),\(String(format: "%.6f", lon)),Mo-Su 08:00-22:00,\"water,charging\",0571-8000\(String(format: "%04d", id % 10_000))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
