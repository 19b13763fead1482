import Foundation
import GRDB
import Reports

/// The shape of `Seed/data/agencies.json`: the district's usual agencies, without endpoints (an admin adds those).
struct AgenciesSeed: Decodable {
    struct Entry: Decodable {
        let name: String
        let services: [String: String]
    }

    let agencies: [Entry]
}

/// The shape of `Seed/data/deadlines.json`: a default and the categories that differ.
struct DeadlinesSeed: Decodable {
    struct Targets: Decodable {
        enum CodingKeys: String, CodingKey { case reviewHours = "review_hours", resolveHours = "resolve_hours" }
        let reviewHours: Int
        let resolveHours: Int
    }

    let `default`: Targets
    let categories: [String: Targets]
}

extension Tuanju {
    /// The loop's seed parts (agencies, deadlines), once each, like the rest of the seed.
    static func loadLoopSeed(_ db: Database, _ seed: SeedFiles, at now: Date, into loaded: inout [String]) throws {
        if try !seed.isLoaded(db, part: "agencies"), let file = seed.data("agencies.json") {
            for entry in try seed.decode(AgenciesSeed.self, file).agencies {
                var changes = AgencyChanges()
                changes.name = entry.name
                changes.services = entry.services
                _ = try Agencies.add(db, try changes.validated(), at: now)
            }
            try seed.markLoaded(db, part: "agencies", at: now)
            loaded.append("agencies")
        }
        if try !seed.isLoaded(db, part: "deadlines"), let file = seed.data("deadlines.json") {
            let targets = try seed.decode(DeadlinesSeed.self, file)
            try Deadlines.load(db, defaults: (targets.default.reviewHours, targets.default.resolveHours),
                               categories: targets.categories.mapValues { ($0.reviewHours, $0.resolveHours) }, at: now)
            try seed.markLoaded(db, part: "deadlines", at: now)
            loaded.append("deadlines")
        }
    }
}
