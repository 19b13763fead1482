import Foundation

/// A WGS-84 position in decimal degrees, validated.
public struct Coordinate: Sendable, Equatable, Hashable, Codable {
    public let lat: Double
    public let lon: Double

    public init(lat: Double, lon: Double) throws(InputError) {
        guard lat.isFinite, (-90...90).contains(lat) else { throw .invalid(.latitudeInvalid, ["value": "\(lat)"]) }
        guard lon.isFinite, (-180...180).contains(lon) else { throw .invalid(.longitudeInvalid, ["value": "\(lon)"]) }
        self.lat = lat
        self.lon = lon
    }

    /// Parses `30.29,120.17`.
    public init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else {
            throw .invalid(.coordinateInvalid, ["text": text])
        }
        try self.init(lat: lat, lon: lon)
    }

    /// Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m).
    public func distance(to other: Coordinate) -> Double {
        let radius = 6_371_008.8
        let phi1 = lat * .pi / 180, phi2 = other.lat * .pi / 180
        let dPhi = (other.lat - lat) * .pi / 180
        let dLambda = (other.lon - lon) * .pi / 180
        let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * radius * asin(min(1, sqrt(a)))
    }
}
