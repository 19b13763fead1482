import Foundation

/// `riders import` of a large CSV (one transaction), killed at random moments, then run to the end: the
/// riders are exactly the distinct phones of the file, with the file's last word on each.
///
/// The kills alternate between two versions of the file (the same phones, the names marked v1 or v0), so
/// that every run changes every rider, not only the first one to commit; the final run imports v0.
struct RidersCrashLoop {
    let rows = 200_000
    let distinctPhones = 190_000

    func run(kills: Int) throws -> CrashSummary {
        var summary = CrashSummary(command: "riders import")
        let sandbox = try CrashSandbox("riders")
        defer { sandbox.remove() }
        let files = [try writeCSV(root: sandbox.root, version: 0), try writeCSV(root: sandbox.root, version: 1)]
        // How long a whole import takes, on a scratch directory of its own.
        let scratch = try CrashSandbox("riders-timing")
        let (_, duration) = try timed { try TuanjuCLI.run(["riders", "import", files[0]], data: scratch.data, token: scratch.coordinator) }
        scratch.remove()
        summary.figures.append(String(format: "%d rows, %d distinct phones, a full import takes %.1f s", rows, distinctPhones, duration))

        try killRepeatedly({ ["riders", "import", files[($0 + 1) % 2]] }, data: sandbox.data, token: sandbox.coordinator, kills: kills,
                           window: 0.05...max(0.1, duration * 0.95), summary: &summary)
        let final = try TuanjuCLI.run(["riders", "import", files[0]], data: sandbox.data, token: sandbox.coordinator)
        summary.reruns += 1
        summary.expect(final.exit == 0, "the final import exited \(final.exit): \(final.stderr.prefix(300))")
        let riders = try sandbox.count("SELECT count(*) FROM riders")
        let current = try sandbox.count("SELECT count(*) FROM riders WHERE name LIKE '% v0'")
        summary.figures.append("\(riders) riders after the final run (imported \(final.json?["imported"] ?? "?"), updated \(final.json?["updated"] ?? "?"), unchanged \(final.json?["unchanged"] ?? "?")); \(current) with the final file's names")
        summary.expect(riders == distinctPhones, "\(riders) riders, the file has \(distinctPhones) distinct phones")
        summary.expect(current == distinctPhones, "\(distinctPhones - current) riders without the final file's name")
        summary.expect((final.json?["skipped"] as? Int) == 0, "rows skipped: \(final.stdout.prefix(300))")
        try sandbox.doctor(into: &summary)
        return summary
    }

    /// The last `rows - distinctPhones` rows repeat earlier phones under another name (the later row wins).
    func writeCSV(root: String, version: Int) throws -> String {
        let path = root + "/riders-v\(version).csv"
        var text = "name,phone,platform,party_member,branch\n"
        text.reserveCapacity(rows * 40)
        let platforms = ["meituan", "eleme", "other"]
        for index in 0..<rows {
            let phone = String(format: "139%08d", index % distinctPhones)
            text += "骑手\(index) v\(version),\(phone),\(platforms[index % 3]),\(index % 7 == 0 ? "yes" : "no"),\(index % 5 == 0 ? "文晖支部" : "")\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
