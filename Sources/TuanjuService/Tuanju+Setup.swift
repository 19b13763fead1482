import Foundation
import GRDB
import Governance
import Points
import ServiceMap
import CSVReader
import Identity
import Storage
import TuanjuCore
import TuanjuSeed

/// What `tuanju init` did.
public struct InitResult: Sendable, Equatable {
    public let data: String
    public let schemaVersion: Int
    /// Only on the first init: the first admin's token, shown once.
    public let adminToken: String?
    /// Seed parts loaded by this run (empty when everything was loaded before).
    public let seedLoaded: [String]
}

extension Tuanju {
    /// Creates or upgrades a data directory, loads each seed part once, and creates the first admin.
    /// Running it again changes nothing.
    public static func initialize(
        _ directory: DataDirectory, seedDirectory: URL? = nil, clock: Clock = .system
    ) throws -> (Tuanju, InitResult) {
        let seed = try SeedFiles(directory: seedDirectory ?? SeedBundle.directory)
        try directory.prepare()
        let database = try AppDatabase(path: directory.databasePath, create: true)
        let app = Tuanju(directory: directory, database: database, clock: clock)
        let now = app.now
        let (token, loaded) = try database.write { db -> (String?, [String]) in
            var loaded: [String] = []
            if try !seed.isLoaded(db, part: "roles") {
                try Roles.load(db, seed: seed.roles())
                try seed.markLoaded(db, part: "roles", at: now)
                loaded.append("roles")
            }
            if try !seed.isLoaded(db, part: "rewards"), let rewards = try seed.rewards() {
                for reward in rewards.rewards {
                    _ = try Rewards.add(db, name: reward.name, nameZh: reward.nameZh, cost: reward.cost, stock: reward.stock, at: now)
                }
                try seed.markLoaded(db, part: "rewards", at: now)
                loaded.append("rewards")
            }
            if try !seed.isLoaded(db, part: "map"), let kinds = try seed.mapKinds() {
                try ServicePoints.loadKinds(db, kinds)
                if let points = seed.servicePointsReader() {
                    var importer = MapImport(system: .wgs84, strict: true, at: now, sample: true)
                    _ = try importer.runCSV(db, reader: points, path: "service-points.csv")
                }
                try seed.markLoaded(db, part: "map", at: now)
                loaded.append("map")
            }
            var token: String?
            if try User.filter(Column("role") == "admin").fetchCount(db) == 0 {
                let (admin, adminToken) = try Users.create(db, name: "admin", role: .admin, at: now)
                try Outbox.append(db, type: "user.created", payload: UserEvent(admin), at: now)
                token = adminToken
            }
            return (token, loaded)
        }
        let result = InitResult(
            data: directory.path, schemaVersion: try database.schemaVersion(),
            adminToken: token, seedLoaded: loaded)
        return (app, result)
    }
}

/// Reads the seed directory's files.
struct SeedFiles {
    let directory: URL

    init(directory: URL?) throws {
        guard let directory else {
            throw InputError.missing(LocalizedText(.seedNotInstalled))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError.missing(LocalizedText(.seedDirMissing, ["path": directory.path]))
        }
        self.directory = directory
    }

    func roles() throws -> RolesSeed {
        let url = directory.appendingPathComponent("roles.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError.missing(LocalizedText(.seedFileMissing, ["path": url.path]))
        }
        return try RolesSeed.decode(data, source: url.path)
    }

    /// The sample rewards, or nil when the seed directory has none (a custom `--seed` may leave them out).
    func rewards() throws -> RewardsSeed? {
        let url = directory.appendingPathComponent("rewards.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(RewardsSeed.self, from: data)
        } catch {
            throw InputError.invalid(.seedInvalid, ["source": url.path, "reason": "\(error)"])
        }
    }

    /// The kinds of service point, or nil when the seed directory has none.
    func mapKinds() throws -> [ServicePointKind]? {
        struct File: Decodable { let kinds: [ServicePointKind] }
        let url = directory.appendingPathComponent("map-kinds.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(File.self, from: data).kinds
        } catch {
            throw InputError.invalid(.seedInvalid, ["source": url.path, "reason": "\(error)"])
        }
    }

    /// The sample service points (CSV in the import format), if the seed directory has them.
    func servicePointsReader() -> CSVReader? {
        try? CSVReader(path: directory.appendingPathComponent("service-points.csv").path)
    }

    func isLoaded(_ db: Database, part: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM seed_loads WHERE part = ?)", arguments: [part]) ?? false
    }

    func markLoaded(_ db: Database, part: String, at date: Date) throws {
        try db.execute(
            sql: "INSERT INTO seed_loads (part, loaded_at) VALUES (?, ?)", arguments: [part, Timestamp.iso(date)])
    }
}

/// The shape of `Seed/data/rewards.json`.
struct RewardsSeed: Decodable {
    struct Reward: Decodable {
        let name: String
        let nameZh: String
        let cost: Int
        let stock: Int
    }

    let rewards: [Reward]
}
