import Foundation

/// `map import` of a large CSV (one transaction, the R*Tree and an event per point changed), killed at random
/// moments, then run to the end: the imported points are exactly the distinct external ids of the file, with
/// the file's names and positions, each in the search index.
///
/// The kills alternate between two versions of the file (the same ids, other names and positions), so that
/// every run moves every point, not only the first one to commit; the final run imports v0.
struct MapCrashLoop {
    /// A file must not name an external id twice (the importer refuses the repeat as a bad row), so every
    /// row is its own point; about 12 s of importing on the 2-core machine.
    let rows = 20_000
    var distinctIDs: Int { rows }

    func run(kills: Int) throws -> CrashSummary {
        var summary = CrashSummary(command: "map import")
        let sandbox = try CrashSandbox("map")
        defer { sandbox.remove() }
        let files = [try writeCSV(root: sandbox.root, version: 0), try writeCSV(root: sandbox.root, version: 1)]
        let before = try sandbox.count("SELECT count(*) FROM service_points")
        let scratch = try CrashSandbox("map-timing")
        let (_, duration) = try timed { try TuanjuCLI.run(["map", "import", files[0]], data: scratch.data, token: scratch.coordinator) }
        scratch.remove()
        summary.figures.append(String(format: "%d rows, %d distinct external ids, a full import takes %.1f s", rows, distinctIDs, duration))

        try killRepeatedly({ ["map", "import", files[($0 + 1) % 2]] }, data: sandbox.data, token: sandbox.coordinator, kills: kills,
                           window: 0.05...max(0.1, duration * 0.95), summary: &summary)
        let final = try TuanjuCLI.run(["map", "import", files[0]], data: sandbox.data, token: sandbox.coordinator)
        summary.reruns += 1
        summary.expect(final.exit == 0, "the final import exited \(final.exit): \(final.stderr.prefix(300))")
        let points = try sandbox.count("SELECT count(*) FROM service_points WHERE external_id LIKE 'crash-%'")
        let current = try sandbox.count("SELECT count(*) FROM service_points WHERE external_id LIKE 'crash-%' AND name LIKE '% v0'")
        let indexed = try sandbox.count("SELECT count(*) FROM service_points_rtree")
        let total = try sandbox.count("SELECT count(*) FROM service_points WHERE active = 1")
        summary.figures.append("\(points) points after the final run (\(before) seed points before), \(current) with the final file's names, \(indexed) index entries")
        summary.expect(points == distinctIDs, "\(points) points, the file has \(distinctIDs) distinct external ids")
        summary.expect(current == distinctIDs, "\(distinctIDs - current) points without the final file's name")
        summary.expect(indexed == total, "\(indexed) index entries for \(total) active points")
        try sandbox.doctor(into: &summary)
        return summary
    }

    /// Points spread over Hangzhou; each version puts them elsewhere (the same for a version on every call).
    func writeCSV(root: String, version: Int) throws -> String {
        let path = root + "/points-v\(version).csv"
        var text = "external_id,kind,name,address,lat,lon,opening_hours,amenities,contact\n"
        let kinds = ["station", "box", "meal"]
        for id in 0..<rows {
            // A cheap scramble of id and version into [0, 1) twice: positions look random but are reproducible.
            let a = Double((id &* 2_654_435_761 &+ version &* 97) % 1_000_003) / 1_000_003
            let b = Double((id &* 40_503 &+ version &* 7919 &+ 12_345) % 999_983) / 999_983
            let lat = 30.20 + 0.20 * a, lon = 120.05 + 0.25 * b
            text += "crash-\(id),\(kinds[id % 3]),暖心点 \(id) v\(version),杭州市拱墅区 \(id) 号,\(String(format: "%.6f", lat)),\(String(format: "%.6f", lon)),Mo-Su 08:00-22:00,\"water,charging\",0571-8000\(String(format: "%04d", id % 10_000))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
