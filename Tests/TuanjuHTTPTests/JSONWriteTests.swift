import Foundation
import ServiceMap
import TuanjuCore
import Testing
import TuanjuViews
@testable import TuanjuHTTP

@Suite("JSON bodies written straight from the view's tree")
struct JSONWriteTests {
    static let keys = ["a", "B", "a1", "a10", "a2", "_x", "Z", "é", "中文", "ab_c", "a_b", "aB", "ab", "", "z/y", "k\"q"]
    static let strings = ["", "plain", "with \"quotes\" and \\backslash", "slash/es", "tab\tnew\nline\r", "\u{01}\u{1f}\u{7f}\u{08}\u{0c}",
                          "中文 émoji 🚲", "\u{2028}\u{2029}", "</script>"]
    static let doubles: [Double] = [0, -0.0, 1, 3.0, 0.1 + 0.2, 1e-7, 1e21, 1e22, -1.5e-300, 30.273675, 120.154774, 56.7,
                                    123_456_789.123, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, 2e16, 9_007_199_254_740_992]

    static func tree(depth: Int, using generator: inout some RandomNumberGenerator) -> JSONTree {
        switch Int.random(in: depth > 2 ? 0...5 : 0...7, using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int([Int64.min, Int64.max, 0, -1, Int64.random(in: -1_000_000...1_000_000, using: &generator)].randomElement(using: &generator)!)
        case 3: return .unsigned([UInt64.max, 0, 42].randomElement(using: &generator)!)
        case 4: return .double(Bool.random(using: &generator) ? doubles.randomElement(using: &generator)!
                               : Double.random(in: -1e6...1e6, using: &generator))
        case 5: return .string(strings.randomElement(using: &generator)!)
        case 6: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in tree(depth: depth + 1, using: &generator) })
        default:
            var fields: [String: JSONTree] = [:]
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                fields[keys.randomElement(using: &generator)!] = tree(depth: depth + 1, using: &generator)
            }
            return .object(fields)
        }
    }

    @Test("2,000 random trees come out byte for byte as JSONEncoder (sorted keys, slashes unescaped) writes them")
    func sameAsJSONEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let tree = Self.tree(depth: 0, using: &generator)
            let expected = Array(try JSONBody.encoder.encode(tree))
            let written = try tree.json()
            #expect(written == expected, "\(String(decoding: written, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
            if written != expected { break }
        }
        #expect(throws: JSONTreeError.nonFiniteNumber) { try JSONTree.array([.double(.nan)]).json() }
    }

    @Test("A view that builds its own tree builds exactly what Encodable makes of it: points with and without optionals")
    func handBuiltTrees() throws {
        let sandbox = try APISandbox()
        let origin = try Coordinate(parsingLat: "30.2925", lon: "120.171", system: .wgs84)
        let found = try sandbox.app.nearest(try NearestQuery(origin: origin, limit: 20))
        #expect(found.count > 3)
        for (index, nearby) in found.enumerated() {
            let view = PointJSON(nearby.point, distance: index % 2 == 0 ? nearby.distanceM : nil)
            #expect(view.jsonTree == (try JSONTree.reflect(view)), "\(view)")
        }
        let views = found.map { PointJSON($0.point, distance: $0.distanceM) }
        #expect(try JSONTree.encode(views) == (try JSONTree.reflect(views)))
    }

    @Test("A view that writes its own JSON writes the bytes its tree writes: points with odd text, unset optionals, amenities")
    func selfWrittenViews() throws {
        let sandbox = try APISandbox()
        let origin = try Coordinate(parsingLat: "30.2925", lon: "120.171", system: .wgs84)
        let found = try sandbox.app.nearest(try NearestQuery(origin: origin, limit: 20))
        #expect(found.count > 3)
        var generator = SystemRandomNumberGenerator()
        var views: [PointJSON] = []
        for (index, nearby) in found.enumerated() {
            var point = nearby.point
            point.name = Self.strings.randomElement(using: &generator)!
            point.address = Self.strings.randomElement(using: &generator)!
            point.contact = Self.strings.randomElement(using: &generator)!
            point.amenities = (0..<(index % 3)).map { _ in Self.strings.randomElement(using: &generator)! }
            if index % 4 == 1 { point.externalID = nil; point.openingHours = nil }
            let view = PointJSON(point, distance: index % 2 == 0 ? nearby.distanceM : nil)
            views.append(view)
            #expect(try JSONTree.json(of: view) == (try JSONTree.reflect(view).json()), "\(view)")
        }
        #expect(try JSONTree.json(of: views) == (try JSONTree.reflect(views).json()))
        #expect(try JSONTree.json(of: [PointJSON]()) == Array("[]".utf8))
    }
}
