import Foundation
import GRDB
import Governance
import Points
import Engagement
import Reports
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
        // Every shard directory now, so that no submission creates one (and flushes the store for it).
        try app.photoStore.createShards()
        let (token, loaded) = try app.systemUseCase().write { work -> (String?, [String]) in
            let db = work.db, now = work.now
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
            if try !seed.isLoaded(db, part: "service_area"), let areas = try seed.serviceAreas() {
                try ServiceAreas.load(db, areas)
                try seed.markLoaded(db, part: "service_area", at: now)
                loaded.append("service_area")
            }
            try Tuanju.loadEngagementSeed(db, seed, at: now, into: &loaded)
            try Tuanju.loadLoopSeed(db, seed, at: now, into: &loaded)
            var token: String?
            if try User.filter(Column("role") == "admin").fetchCount(db) == 0 {
                let (admin, adminToken) = try Users.create(db, name: "admin", role: .admin, at: now)
                try work.emit(.userCreated, UserEvent(admin))
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

extension Tuanju {
    /// Surveys, activities and lessons: each part once, like the rest of the seed.
    static func loadEngagementSeed(_ db: Database, _ seed: SeedFiles, at now: Date, into loaded: inout [String]) throws {
        if try !seed.isLoaded(db, part: "surveys") {
            for file in try seed.surveyFiles() { try SurveyStore.load(db, json: file.0, source: file.1, at: now) }
            try seed.markLoaded(db, part: "surveys", at: now)
            loaded.append("surveys")
        }
        if try !seed.isLoaded(db, part: "activities"), let file = seed.data("activities.json") {
            try Activities.load(db, try seed.decode(ActivitiesSeed.self, file), installedAt: now)
            try seed.markLoaded(db, part: "activities", at: now)
            loaded.append("activities")
        }
        if try !seed.isLoaded(db, part: "lessons"), let file = seed.data("lessons.json") {
            struct File: Decodable { let lessons: [Lesson] }
            try Lessons.load(db, try seed.decode(File.self, file).lessons)
            try seed.markLoaded(db, part: "lessons", at: now)
            loaded.append("lessons")
        }
    }
}
