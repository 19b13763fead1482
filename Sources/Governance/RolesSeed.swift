import Foundation
import TuanjuCore

/// The shape of `Seed/data/roles.json`.
public struct RolesSeed: Decodable, Sendable {
    public struct Role: Decodable, Sendable {
        public let code: String
        public let name: String
        public let nameZh: String
        public let description: String?
        public let categories: [Category]
    }

    public struct Category: Decodable, Sendable {
        public let code: String
        public let name: String
        public let nameZh: String
        public let points: Int
    }

    public let version: Int
    public let roles: [Role]

    /// Decodes and checks a seed file: unique codes, at least one category per role, points >= 0.
    public static func decode(_ data: Data, source: String) throws -> RolesSeed {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let seed: RolesSeed
        do {
            seed = try decoder.decode(RolesSeed.self, from: data)
        } catch {
            throw InputError.invalid(.seedInvalid, ["source": source, "reason": "\(error)"])
        }
        var codes = Set<String>()
        for role in seed.roles {
            guard codes.insert(role.code).inserted else {
                throw InputError.invalid(.seedDuplicate, ["source": source, "code": role.code])
            }
            guard !role.categories.isEmpty else {
                throw InputError.invalid(.seedNoCategories, ["source": source, "code": role.code])
            }
            for category in role.categories {
                guard codes.insert(category.code).inserted else {
                    throw InputError.invalid(.seedDuplicate, ["source": source, "code": category.code])
                }
                guard category.points >= 0 else {
                    throw InputError.invalid(.seedNegativePoints, ["source": source, "code": category.code])
                }
                // The same bound as a review's --points: these are awarded for each accepted report.
                guard category.points <= 10_000 else {
                    throw InputError.invalid(.seedValueRange, [
                        "source": source, "code": category.code, "field": "points", "value": "\(category.points)",
                        "min": "0", "max": "10000",
                    ])
                }
            }
        }
        return seed
    }
}
