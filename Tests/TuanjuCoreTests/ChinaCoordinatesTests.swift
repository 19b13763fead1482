import Foundation
import Testing
import TuanjuCore

@Suite("GCJ-02 conversion")
struct ChinaCoordinatesTests {
    /// Published WGS-84 → GCJ-02 pairs (the test vectors of the eviltransform libraries and of an R package),
    /// all computed by the same Krasovsky formula: (wgsLat, wgsLon, gcjLat, gcjLon).
    static let referencePairs: [(Double, Double, Double, Double)] = [
        (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),   // Shanghai
        (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),   // Shenzhen
        (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),   // Beijing
        (39.90734, 116.39089, 39.90874107, 116.39713094),                 // Tiananmen
    ]

    @Test("Published reference pairs convert both ways to within a millimetre")
    func referencePairsMatch() throws {
        for (wgsLat, wgsLon, gcjLat, gcjLon) in Self.referencePairs {
            let gcj = try Coordinate(lat: wgsLat, lon: wgsLon).gcj02
            #expect(abs(gcj.lat - gcjLat) < 1e-8 && abs(gcj.lon - gcjLon) < 1e-8, "\(wgsLat),\(wgsLon) → \(gcj)")
            let wgs = try Coordinate.fromGCJ02(lat: gcjLat, lon: gcjLon)
            #expect(wgs.distance(to: try Coordinate(lat: wgsLat, lon: wgsLon)) < 0.001, "\(gcjLat),\(gcjLon) → \(wgs)")
        }
    }

    @Test("In Hangzhou the shift is between 100 and 700 metres")
    func hangzhouOffset() throws {
        let westLake = try Coordinate(lat: 30.29, lon: 120.17)
        let shift = westLake.distance(to: westLake.gcj02)
        #expect((100...700).contains(shift), "shift \(shift) m")
        #expect(!westLake.isOutsideChina)
    }

    @Test("WGS → GCJ → WGS stays within 0.5 m on a half-degree grid across China")
    func roundTripGrid() throws {
        var worst = 0.0
        var checked = 0
        for latStep in 0...70 {
            for lonStep in 0...120 {
                let original = try Coordinate(lat: 18 + Double(latStep) * 0.5, lon: 74 + Double(lonStep) * 0.5)
                if original.isOutsideChina { continue }
                let gcj = original.gcj02
                let back = try Coordinate.fromGCJ02(lat: gcj.lat, lon: gcj.lon)
                worst = max(worst, back.distance(to: original))
                checked += 1
            }
        }
        #expect(checked == 71 * 121)
        #expect(worst < 0.5, "worst round trip error \(worst) m")
        #expect(worst < 0.001, "the iteration should converge far below the requirement: \(worst) m")
    }

    @Test("WGS → GCJ → WGS stays within 0.5 m at random points in China")
    func roundTripRandom() throws {
        var random = SplitMix64(seed: 0x7A11_57E1)
        for _ in 0..<5_000 {
            let original = try Coordinate(lat: Double.random(in: 18...53, using: &random),
                                          lon: Double.random(in: 74...134, using: &random))
            let gcj = original.gcj02
            let back = try Coordinate(lat: gcj.lat, lon: gcj.lon, system: .gcj02)
            #expect(back.distance(to: original) < 0.5, "\(original) came back as \(back)")
        }
    }

    @Test("Positions outside China are not shifted either way")
    func outsideChinaUnchanged() throws {
        let places = [(35.6762, 139.6503), (51.5074, -0.1278), (-33.8688, 151.2093), (0, 0), (90, 180)]
        for (lat, lon) in places {
            let place = try Coordinate(lat: lat, lon: lon)
            #expect(place.isOutsideChina)
            #expect(place.gcj02 == place)
            #expect(try Coordinate.fromGCJ02(lat: lat, lon: lon) == place)
            #expect(try Coordinate(lat: lat, lon: lon, system: .gcj02) == place)
        }
    }

    @Test("A WGS-84 position is stored as given; a GCJ-02 one is converted")
    func initialiserBySystem() throws {
        let (wgsLat, wgsLon, gcjLat, gcjLon) = Self.referencePairs[0]
        #expect(try Coordinate(lat: wgsLat, lon: wgsLon, system: .wgs84) == Coordinate(lat: wgsLat, lon: wgsLon))
        let fromGCJ = try Coordinate(lat: gcjLat, lon: gcjLon, system: .gcj02)
        #expect(fromGCJ.distance(to: try Coordinate(lat: wgsLat, lon: wgsLon)) < 0.001)
    }

    @Test("Invalid latitudes and longitudes are refused in either system")
    func invalidRefused() {
        for system in CoordinateSystem.allCases {
            #expect(throws: InputError.self) { try Coordinate(lat: 91, lon: 120, system: system) }
            #expect(throws: InputError.self) { try Coordinate(lat: 30, lon: -180.5, system: system) }
            #expect(throws: InputError.self) { try Coordinate(lat: .nan, lon: 120, system: system) }
            #expect(throws: InputError.self) { try Coordinate(lat: 30, lon: .infinity, system: system) }
        }
        #expect(throws: InputError.self) { try Coordinate.fromGCJ02(lat: -90.01, lon: 0) }
    }

    @Test("Coordinate systems are named wgs84 or gcj02, with or without the hyphen, in any case")
    func systemParsing() throws {
        for (text, system) in [("wgs84", CoordinateSystem.wgs84), ("WGS-84", .wgs84), ("Wgs84", .wgs84),
                               ("gcj02", .gcj02), ("GCJ-02", .gcj02), ("gcj-02", .gcj02), ("GCJ02", .gcj02)] {
            #expect(try CoordinateSystem(parsing: text) == system, "\(text)")
        }
        for system in CoordinateSystem.allCases {
            #expect(try CoordinateSystem(parsing: system.rawValue) == system)
        }
        for text in ["", "bd09", "wgs", "gcj-2", "WGS 84", "wgs84x"] {
            #expect(throws: InputError.self, "\(text)") { try CoordinateSystem(parsing: text) }
        }
        let message = Language.$current.withValue(.en) { () -> String in
            do throws(InputError) { _ = try CoordinateSystem(parsing: "bd09"); return "" } catch { return error.message }
        }
        #expect(message == "unknown coordinate system \"bd09\"; use wgs84 or gcj02")
    }
}

/// A small seeded generator, so that a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
