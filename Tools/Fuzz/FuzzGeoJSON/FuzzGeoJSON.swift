import Foundation
import FuzzSupport
import ServiceMap
import TuanjuCore

/// The GeoJSON map import on any bytes, without a database: `MapImport.geoJSONDrafts` reads the
/// FeatureCollection and checks each feature as `map import` does. Whatever it accepts must be a valid
/// point (coordinates in range, hours that parse again); whatever it refuses must say why.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let json = Data(FuzzInput.bytes(data, size))
    for system in [CoordinateSystem.wgs84, .gcj02] {
        let results: [Result<PointDraft, InputError>]
        do {
            results = try MapImport(system: system, strict: false, at: Date(timeIntervalSince1970: 0))
                .geoJSONDrafts(json, path: "fuzz.geojson")
        } catch {
            FuzzInput.require(!error.message.isEmpty, "empty refusal message")
            return 0
        }
        for result in results {
            switch result {
            case .success(let draft):
                let location = draft.location
                FuzzInput.require((-90...90).contains(location.lat) && (-180...180).contains(location.lon),
                                  "location out of range: \(location)")
                if let hours = draft.openingHours {
                    FuzzInput.require((try? OpeningHours(parsing: hours)) != nil, "accepted hours do not parse: \(hours)")
                }
            case .failure(let error):
                FuzzInput.require(!error.message.isEmpty, "empty refusal message")
            }
        }
    }
    return 0
}

@main
enum FuzzGeoJSONMain {
    static func main() { FuzzDriver.main("FuzzGeoJSON", fuzzGeoJSON) }
}
