import CSVReader
import Foundation
import GRDB
import Governance
import Reports
import ServiceMap
import TuanjuCore

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

    /// Where reports are accepted, or nil when the seed directory does not say (then everywhere is).
    func serviceAreas() throws -> [ServiceArea]? {
        struct Area: Decodable {
            let code: String
            let name: String
            let ring: [[Double]]
        }
        struct File: Decodable { let areas: [Area] }
        let url = directory.appendingPathComponent("service-area.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(File.self, from: data).areas.map { try ServiceArea(code: $0.code, name: $0.name, ring: $0.ring) }
        } catch {
            throw InputError.invalid(.seedInvalid, ["source": url.path, "reason": "\(error)"])
        }
    }

    /// The sample service points (CSV in the import format), if the seed directory has them.
    func servicePointsReader() -> CSVReader? {
        try? CSVReader(path: directory.appendingPathComponent("service-points.csv").path)
    }

    /// A JSON file of the seed directory, or nil when it has none.
    func data(_ name: String) -> (Data, String)? {
        let url = directory.appendingPathComponent(name)
        return FileManager.default.contents(atPath: url.path).map { ($0, url.path) }
    }

    /// Every survey definition file under `surveys/`.
    func surveyFiles() throws -> [(Data, String)] {
        let folder = directory.appendingPathComponent("surveys")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { data("surveys/" + $0) }
    }

    func decode<T: Decodable>(_ type: T.Type, _ file: (Data, String)) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: file.0)
        } catch {
            throw InputError.invalid(.seedInvalid, ["source": file.1, "reason": "\(error)"])
        }
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
