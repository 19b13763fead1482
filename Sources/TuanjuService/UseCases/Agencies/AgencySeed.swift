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

extension Tuanju {
    /// The loop's seed parts (agencies), once each, like the rest of the seed.
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
    }
}
