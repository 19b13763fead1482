import Foundation
import TuanjuCore

/// Reads an RFC 7946 FeatureCollection of Point features into map fields.
enum GeoJSONPoints {
    /// The features array; refuses a file that is not a FeatureCollection.
    static func features(_ data: Data, path: String) throws(InputError) -> [Any] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalid(MapMsg.geojsonUnreadable, ["path": path, "reason": (error as NSError).localizedDescription])
        }
        guard let object = root as? [String: Any], object["type"] as? String == "FeatureCollection" else {
            throw .invalid(MapMsg.geojsonNotCollection, ["path": path])
        }
        guard let features = object["features"] as? [Any] else {
            throw .invalid(MapMsg.geojsonNoFeatures, ["path": path])
        }
        return features
    }

    /// One feature's fields. The external id is `properties.external_id`, else the feature's `id`.
    static func fields(_ feature: Any) throws(InputError) -> PointFields {
        guard let object = feature as? [String: Any], object["type"] as? String == "Feature" else {
            throw .invalid(MapMsg.geojsonNotFeature)
        }
        guard let geometry = object["geometry"] as? [String: Any] else { throw .invalid(MapMsg.geojsonNoGeometry) }
        let type = geometry["type"] as? String ?? ""
        guard type == "Point" else { throw .invalid(MapMsg.geojsonNotPoint, ["type": type]) }
        // RFC 7946: [longitude, latitude(, altitude)].
        guard let position = geometry["coordinates"] as? [Any], (2...3).contains(position.count),
            let lon = number(position[0]), let lat = number(position[1])
        else { throw .invalid(MapMsg.geojsonNoCoordinates) }
        let properties = object["properties"] as? [String: Any] ?? [:]
        var fields = PointFields()
        fields.externalID = string(properties["external_id"]) ?? string(object["id"])
        fields.kind = string(properties["kind"])
        fields.name = string(properties["name"])
        fields.address = string(properties["address"])
        fields.lat = "\(lat)"
        fields.lon = "\(lon)"
        fields.openingHours = string(properties["opening_hours"])
        fields.contact = string(properties["contact"])
        if let list = properties["amenities"] as? [Any] {
            fields.amenities = list.compactMap(string).joined(separator: ",")
        } else {
            fields.amenities = string(properties["amenities"])
        }
        return fields
    }

    static func number(_ value: Any) -> Double? {
        // JSON's true/false also arrive as NSNumber; their type code is "c" (char), which no JSON number has.
        guard !(type(of: value) == Bool.self), let number = value as? NSNumber,
            String(cString: number.objCType) != "c"
        else { return nil }
        return number.doubleValue
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
