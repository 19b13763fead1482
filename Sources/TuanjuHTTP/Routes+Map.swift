import Foundation
import Hummingbird
import ServiceMap
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// The warm-heart map: public, like `map nearest`, `map kinds` and `map show`.
    static func mapRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/map/nearest") { call in
            guard let lat = call.query("lat") else { throw HTTPFailure.invalid(HTTPMsg.fieldMissing, ["field": "lat"]) }
            guard let lon = call.query("lon") else { throw HTTPFailure.invalid(HTTPMsg.fieldMissing, ["field": "lon"]) }
            let system = try CoordinateSystem(parsing: call.query("crs") ?? "wgs84")
            let origin = try Coordinate(parsingLat: lat, lon: lon, system: system)
            let instant = try call.query("at").map(TuanjuAPI.time) ?? Date()
            let query = try NearestQuery(
                origin: origin, kind: call.query("kind"), limit: try call.queryInt("limit") ?? NearestQuery.defaultLimit,
                within: try call.queryDouble("within"), openAt: try call.queryBool("open_now") == true ? instant : nil)
            let results = try await call.service { try $0.nearest(query) }
            return try JSONBody.response(results.map { PointJSON($0.point, distance: $0.distanceM, at: instant) })
        }
        routes.get("/v1/map/kinds") { call in
            let kinds = try await call.service { try $0.mapKinds() }
            return try JSONBody.response(kinds)
        }
        routes.get("/v1/map/points/{id}") { call in
            let id = call.path("id")
            let point = try await call.service { try $0.servicePoint(id: id) }
            return try JSONBody.response(PointJSON(point))
        }
    }

    /// ISO-8601 with a zone, as CLI.md's times.
    static func time(_ text: String) throws -> Date {
        guard let date = Timestamp.parse(text) else { throw InputError.invalid(.timeInvalid, ["text": text]) }
        return date
    }
}
