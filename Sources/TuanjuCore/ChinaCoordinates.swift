import Foundation

/// The datum a coordinate was written in. Chinese map apps (Amap/Gaode, Tencent) show and share GCJ-02;
/// GPS receivers and OpenStreetMap use WGS-84. Tuanju stores WGS-84 only and converts at the edge.
public enum CoordinateSystem: String, Sendable, CaseIterable {
    case wgs84
    case gcj02

    /// Accepts `wgs84`, `WGS-84`, `gcj02`, `GCJ-02` in any letter case.
    public init(parsing text: String) throws(InputError) {
        // The spellings every client sends, without Foundation's trimming (a search reads this on every request).
        if let exact = CoordinateSystem(rawValue: text) { self = exact; return }
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "")
        guard let system = CoordinateSystem(rawValue: key) else {
            throw .invalid(Msg.coordinateSystemUnknown, ["text": text])
        }
        self = system
    }
}

extension Coordinate {
    /// Reads a position written in `system` and stores it as WGS-84.
    public init(lat: Double, lon: Double, system: CoordinateSystem) throws(InputError) {
        switch system {
        case .wgs84: try self.init(lat: lat, lon: lon)
        case .gcj02: self = try Coordinate.fromGCJ02(lat: lat, lon: lon)
        }
    }

    /// The rough bounding box that every GCJ-02 implementation uses: outside it, nothing is shifted.
    /// It includes parts of neighbouring countries and leaves out nothing of mainland China.
    public var isOutsideChina: Bool {
        GCJ02.isOutsideChina(lat: lat, lon: lon)
    }

    /// This WGS-84 position as GCJ-02 (the standard Krasovsky-ellipsoid obfuscation, shifts of 100–700 m).
    /// Positions outside China come back unchanged.
    public var gcj02: Coordinate {
        if isOutsideChina { return self }
        let shifted = GCJ02.forward(lat: lat, lon: lon)
        return Coordinate(validLat: shifted.lat, validLon: shifted.lon)
    }

    /// The WGS-84 position whose GCJ-02 form is (`lat`, `lon`). GCJ-02 has no closed-form inverse, so this
    /// iterates `w ← w − (gcj(w) − g)` until the residual is below 1e-9° (about 0.1 mm), at most 30 times;
    /// the shift varies slowly, so a handful of steps suffice anywhere in China. A GCJ-02 position outside
    /// the box is returned unchanged (a point within a few hundred metres of the box edge is ambiguous by
    /// nature; the box runs through sea and desert there).
    public static func fromGCJ02(lat: Double, lon: Double) throws(InputError) -> Coordinate {
        let given = try Coordinate(lat: lat, lon: lon)
        if given.isOutsideChina { return given }
        var guess = (lat: lat, lon: lon)
        for _ in 0..<30 {
            let image = GCJ02.forward(lat: guess.lat, lon: guess.lon)
            let error = (lat: image.lat - lat, lon: image.lon - lon)
            if abs(error.lat) < 1e-9, abs(error.lon) < 1e-9 { break }
            guess = (guess.lat - error.lat, guess.lon - error.lon)
        }
        return Coordinate(validLat: guess.lat, validLon: guess.lon)
    }

    /// For results of the conversion, which stay within a kilometre of a validated position inside China.
    private init(validLat: Double, validLon: Double) {
        lat = validLat
        lon = validLon
    }
}

/// The published WGS-84 → GCJ-02 formula (Krasovsky 1940 ellipsoid), applied without the China check.
enum GCJ02 {
    static let semiMajorAxis = 6_378_245.0
    static let eccentricitySquared = 0.00669342162296594323

    static func isOutsideChina(lat: Double, lon: Double) -> Bool {
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
    }

    static func forward(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        let x = lon - 105.0, y = lat - 35.0
        let radLat = lat / 180.0 * .pi
        let sinLat = sin(radLat)
        let magic = 1 - eccentricitySquared * sinLat * sinLat
        let sqrtMagic = sqrt(magic)
        let dLat = transformLat(x: x, y: y) * 180.0
            / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * .pi)
        let dLon = transformLon(x: x, y: y) * 180.0 / (semiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return (lat + dLat, lon + dLon)
    }

    static func transformLat(x: Double, y: Double) -> Double {
        var result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x))
        result += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        result += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        result += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        return result
    }

    static func transformLon(x: Double, y: Double) -> Double {
        var result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x))
        result += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        result += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        result += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        return result
    }
}
