import Foundation
import ServiceMap
import TuanjuCore
import TuanjuService
import TuanjuViews

extension DemoScript {
    /// A rider between deliveries asks the warm-heart map for the nearest open rest station.
    func mapScene(_ app: Tuanju, _ coordinator: Caller) throws {
        narrator.step(MapCLIMsg.demoMap)
        // Where the rider stands, as the phone's map app reports it: GCJ-02.
        let standing = try Coordinate(lat: 30.2925, lon: 120.1710)
        let phone = standing.gcj02
        narrator.say(MapCLIMsg.demoMapPhone, [
            "lat": String(format: "%.5f", phone.lat), "lon": String(format: "%.5f", phone.lon),
            "shift": "\(Int(standing.distance(to: phone).rounded()))",
        ])
        let now = Date()
        let query = try NearestQuery(
            origin: try Coordinate(lat: phone.lat, lon: phone.lon, system: .gcj02), kind: "station", limit: 3, openAt: now)
        let found = try app.nearest(query)
        try app.flushDemand()
        for result in found {
            narrator.say(MapCLIMsg.demoMapResult, [
                "name": result.point.name, "distance": PointJSON.metres(result.distanceM),
                "hours": result.point.openingHours ?? MapCLIMsg.hoursUnknown.text,
            ])
        }
        narrator.say(MapCLIMsg.demoMapPrivacy)
        let demand = try app.mapDemand(coordinator, sinceDay: nil, kind: "station", limit: 1)
        if let cell = demand.first {
            narrator.say(MapCLIMsg.demoMapDemand, [
                "lat": String(format: "%.4f", cell.cell.centre.lat), "lon": String(format: "%.4f", cell.cell.centre.lon),
                "count": "\(cell.queries)",
            ])
        }
        try narrator.record("map.nearest", found.map { PointJSON($0.point, distance: $0.distanceM, at: now) })
    }
}
