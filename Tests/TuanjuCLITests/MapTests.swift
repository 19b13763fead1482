import Foundation
import Testing
import TuanjuCore
@testable import TuanjuCLI

@Suite("tuanju map")
struct MapTests {
    @Test("init loads the sample map; a rider finds the nearest station without a token")
    func nearestFromSeed() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["map", "nearest", "--lat", "30.2925", "--lon", "120.1710", "--kind", "station", "--limit", "3", "--json"])
        try #require(result.exit == 0, "\(result.stderr)")
        let points = try result.array()
        #expect(points.count == 3)
        let distances = points.compactMap { $0["distance_m"] as? Double }
        #expect(distances == distances.sorted())
        #expect(points.allSatisfy { $0["kind"] as? String == "station" && $0["sample"] as? Bool == true })
    }

    @Test("GCJ-02 input finds the same point as its WGS-84 position")
    func gcj02Input() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let wgs = try Coordinate(lat: 30.2960, lon: 120.1650)
        let added = try sandbox.ok(["map", "add", "--kind", "box", "--name", "测试箱", "--lat", "30.2960", "--lon", "120.1650"], token: coordinator)
        let gcj = wgs.gcj02
        let found = try sandbox.run(["map", "nearest", "--lat", "\(gcj.lat)", "--lon", "\(gcj.lon)", "--crs", "gcj02",
                                     "--kind", "box", "--limit", "1", "--json"]).array()
        #expect(found.first?["id"] as? String == added["id"] as? String)
        #expect((found.first?["distance_m"] as? Double ?? 99) < 0.5)
    }

    @Test("--open-now --at filters by opening hours in Asia/Shanghai")
    func openAt() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.ok(["map", "add", "--kind", "meal", "--name", "夜宵", "--lat", "30.2900", "--lon", "120.1600",
                            "--hours", "Mo-Su 21:00-03:00"], token: coordinator)
        let base = ["map", "nearest", "--lat", "30.2900", "--lon", "120.1600", "--kind", "meal", "--within", "10", "--open-now", "--json"]
        let lateNight = try sandbox.run(base + ["--at", "2026-12-01T01:30:00+08:00"]).array()
        let noon = try sandbox.run(base + ["--at", "2026-12-01T12:00:00+08:00"]).array()
        #expect(lateNight.count == 1)
        #expect(noon.isEmpty)
    }

    @Test("Searches are counted per cell and day, never stored as positions")
    func demandCells() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        for lat in ["30.29001", "30.29002", "30.29003"] {
            #expect(sandbox.run(["map", "nearest", "--lat", lat, "--lon", "120.17001", "--kind", "station"]).exit == 0)
        }
        let snapshot = try sandbox.snapshot()
        #expect(!snapshot.contains("30.29001") && !snapshot.contains("30.29002"))
        let demand = try sandbox.run(["map", "demand", "--kind", "station", "--json"], token: coordinator).array()
        #expect(demand.count == 1)
        #expect(demand.first?["queries"] as? Int == 3)
        #expect(demand.first?["nearest_distance_m"] as? Double != nil)
        try sandbox.expectRefusal(["map", "demand"], token: try sandbox.rider("骑手", phone: "13800000001", coordinator: coordinator).token, exit: 77)
    }

    @Test("Import CSV and GeoJSON upserts by external id; a second import changes nothing")
    func importTwice() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let csv = try sandbox.file("points.csv", """
            external_id,kind,name,address,lat,lon,opening_hours,amenities,contact
            x-1,station,驿站一,某路1号,30.2901,120.1601,24/7,"water,charging",
            x-2,box,便民箱二,,30.2902,120.1602,,umbrella,0571-1234
            """)
        let first = try sandbox.run(["map", "import", csv, "--json"], token: coordinator).object()
        #expect(first["imported"] as? Int == 2)
        let again = try sandbox.run(["map", "import", csv, "--json"], token: coordinator).object()
        #expect(again["imported"] as? Int == 0 && again["unchanged"] as? Int == 2)
        let geojson = try sandbox.file("points.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "x-1", "geometry": {"type": "Point", "coordinates": [120.1611, 30.2911]},
               "properties": {"kind": "station", "name": "驿站一(新址)", "amenities": ["water"]}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.1700, 30.3000]},
               "properties": {"external_id": "x-3", "kind": "meal", "name": "便利餐三", "opening_hours": "Mo-Fr 11:00-14:00"}}
            ]}
            """)
        let mixed = try sandbox.run(["map", "import", geojson, "--json"], token: coordinator).object()
        #expect(mixed["updated"] as? Int == 1 && mixed["imported"] as? Int == 1)
        let exported = sandbox.run(["map", "export", "--format", "geojson"])
        let collection = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
        let features = collection?["features"] as? [[String: Any]] ?? []
        #expect(features.count == 50 + 3)
        let csvOut = sandbox.run(["map", "export", "--format", "csv", "--kind", "meal"]).stdout
        #expect(csvOut.hasPrefix("id,external_id,kind,name,address,lat,lon,opening_hours,amenities,contact\n"))
        #expect(csvOut.contains("x-3,meal,便利餐三"))
    }

    @Test("An exported CSV imports again with nothing changed")
    func roundTrip() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = sandbox.root + "/export.csv"
        #expect(sandbox.run(["map", "export", "--format", "csv", "--output", path]).exit == 0)
        let before = try sandbox.snapshot()
        let summary = try sandbox.run(["map", "import", path, "--json"], token: coordinator).object()
        #expect(summary["unchanged"] as? Int == 50)
        #expect(try sandbox.snapshot() == before)
    }

    @Test("Add, update and remove emit events; a removed point is no longer found")
    func lifecycle() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let id = try sandbox.ok(["map", "add", "--kind", "station", "--name", "新驿站", "--lat", "30.30", "--lon", "120.18",
                                 "--hours", "24/7", "--amenities", "water, charging"], token: coordinator)["id"] as! String
        let updated = try sandbox.ok(["map", "update", id, "--name", "新驿站(改)", "--hours", "Mo-Fr 08:00-18:00"], token: coordinator)
        #expect(updated["name"] as? String == "新驿站(改)")
        _ = try sandbox.ok(["map", "remove", id], token: coordinator)
        let found = try sandbox.run(["map", "nearest", "--lat", "30.30", "--lon", "120.18", "--limit", "1", "--json"]).array()
        #expect(found.first?["id"] as? String != id)
        let snapshot = try sandbox.snapshot()
        for type in ["service_point.created", "service_point.updated", "service_point.removed"] {
            #expect(snapshot.contains(type))
        }
        try sandbox.expectRefusal(["map", "remove", id], token: coordinator, exit: 1, code: "invalid_state")
    }

    @Test("Bad input is refused with the CLI.md exit code and changes nothing", arguments: [
        (["map", "nearest", "--lat", "91", "--lon", "120"], Int32(65)),
        (["map", "nearest", "--lat", "30", "--lon", "181"], Int32(65)),
        (["map", "nearest", "--lat", "nan", "--lon", "120"], Int32(65)),
        (["map", "nearest", "--lat", "abc", "--lon", "120"], Int32(65)),
        (["map", "nearest", "--lon", "120"], Int32(64)),
        (["map", "nearest", "--lat", "30.29", "--lon", "120.17", "--kind", "spaceport"], Int32(65)),
        (["map", "nearest", "--lat", "30.29", "--lon", "120.17", "--limit", "0"], Int32(65)),
        (["map", "nearest", "--lat", "30.29", "--lon", "120.17", "--limit", "101"], Int32(65)),
        (["map", "nearest", "--lat", "30.29", "--lon", "120.17", "--within=-5"], Int32(65)),
        (["map", "nearest", "--lat", "30.29", "--lon", "120.17", "--crs", "bd09"], Int32(65)),
    ])
    func badSearch(arguments: [String], exit: Int32) throws {
        let sandbox = try Sandbox()
        try sandbox.expectRefusal(arguments, token: nil, exit: exit)
    }

    @Test("Bad map edits are refused and change nothing")
    func badEdits() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("骑手", phone: "13800000002", coordinator: coordinator)
        let add = ["map", "add", "--kind", "station", "--name", "X", "--lat", "30.29", "--lon", "120.17"]
        try sandbox.expectRefusal(add + ["--hours", "Mo-Fx 08:00-20:00"], token: coordinator, exit: 65)
        let hoursError = sandbox.run(add + ["--hours", "Mo-Fx 08:00-20:00", "--lang", "en"], token: coordinator).stderr
        #expect(hoursError.contains("position"), "\(hoursError)")
        try sandbox.expectRefusal(["map", "add", "--kind", "rocket", "--name", "X", "--lat", "30.29", "--lon", "120.17"], token: coordinator, exit: 65)
        try sandbox.expectRefusal(add, token: rider.token, exit: 77)
        try sandbox.expectRefusal(add, token: nil, exit: 77)
        try sandbox.expectRefusal(add + ["--amenities", "jacuzzi"], token: coordinator, exit: 65)
    }

    @Test("Bad import files: each bad item is reported by line or index; --strict imports nothing", arguments: [
        ("bad.geojson", #"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.1, 30.2]}}"#, "not a GeoJSON FeatureCollection", Int32(65)),
        ("line.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "l1", "geometry": {"type": "LineString", "coordinates": [[120.1, 30.2], [120.2, 30.3]]}, "properties": {"kind": "station", "name": "L"}}]}"#, "LineString", Int32(65)),
        ("nocoord.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "n1", "geometry": {"type": "Point"}, "properties": {"kind": "station", "name": "N"}}]}"#, "coordinates", Int32(65)),
        ("dups.csv", "external_id,kind,name,lat,lon\nd-1,station,A,30.29,120.17\nd-1,box,B,30.28,120.16\n", "line 2", Int32(65)),
        ("badlat.csv", "external_id,kind,name,lat,lon\nb-1,station,A,95,120.17\n", "line 2", Int32(65)),
        ("hours.csv", "external_id,kind,name,lat,lon,opening_hours\nh-1,station,A,30.29,120.17,Mo-Fr 25:00-26:00\n", "line 2", Int32(65)),
        ("noid.csv", "external_id,kind,name,lat,lon\n,station,A,30.29,120.17\n", "external_id", Int32(65)),
    ])
    func badImports(name: String, contents: String, mention: String, exit: Int32) throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = try sandbox.file(name, contents)
        try sandbox.expectRefusal(["map", "import", path, "--strict"], token: coordinator, exit: exit)
        let result = sandbox.run(["map", "import", path, "--strict", "--lang", "en"], token: coordinator)
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    @Test("Without --strict the good rows are imported, the bad ones listed, exit 65")
    func partialImport() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let path = try sandbox.file("mixed.csv", """
            external_id,kind,name,lat,lon
            m-1,station,好的,30.29,120.17
            m-2,station,坏的,abc,120.17
            m-1,box,重复,30.28,120.16
            m-3,meal,也好,30.30,120.18
            """)
        let result = sandbox.run(["map", "import", path, "--json"], token: coordinator)
        #expect(result.exit == 65)
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["imported"] as? Int == 2)
        let errors = summary?["errors"] as? [[String: Any]] ?? []
        #expect(errors.compactMap { $0["line"] as? Int } == [3, 4])
    }
}
