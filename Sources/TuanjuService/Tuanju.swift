import Foundation
import GRDB
import Identity
import Riders
import ServiceMap
import Storage
import TuanjuCore

/// The service layer's composition root and the one entry point of the front ends: one data directory, its
/// database and a clock. The use cases are extensions grouped by feature under `UseCases/<feature>/` (people,
/// map, tasks, reports, points, engagement, operations). Each starts with `useCase(caller, requires:)` and runs
/// its transaction through `Runner/UseCase.swift`, emitting events declared in `Events/EventKind.swift`.
public final class Tuanju: Sendable {
    public let directory: DataDirectory
    public let database: AppDatabase
    public let clock: Clock
    /// Nearest-search counts per cell and day, waiting for `flushDemand()`.
    let demand = DemandTally()
    /// The map's search index in memory, for a process that searches many times (`MapGridCache`).
    let mapGrids = MapGridCache()
    /// The prints of the last 30 days' photos, for the re-use look-up of submissions.
    let recentPrints = RecentPrints()

    init(directory: DataDirectory, database: AppDatabase, clock: Clock) {
        self.directory = directory
        self.database = database
        self.clock = clock
    }

    /// Opens an initialized data directory (upgrading its schema if this build is newer).
    public static func open(_ directory: DataDirectory, clock: Clock = .system) throws -> Tuanju {
        try directory.checkExisting()
        let database = try AppDatabase(path: directory.databasePath, create: false)
        let app = Tuanju(directory: directory, database: database, clock: clock)
        // A directory made before the shards were created up front gets them now, best effort (a read-only
        // one can still be read; a submission creates a missing shard itself). A missing photo directory is
        // left missing for `doctor` to report.
        if app.photoStore.lacksShards { try? app.photoStore.createShards() }
        return app
    }

    /// Who the token stands for, running `command` (named in the audit log of staff actions). A revoked user,
    /// a deactivated rider or an unknown token is refused.
    public func authenticate(token: String?, command: String = "tuanju") throws -> Caller {
        guard let token, !token.isEmpty else { throw AccessError.missingToken }
        return try database.read { db in
            switch try Credentials.subject(db, token: token) {
            case .user(let id):
                guard let user = try Users.find(db, id: id), user.isActive else { throw AccessError.unknownToken }
                return Caller(kind: user.role == .admin ? .admin : .coordinator, id: user.id, name: user.name, command: command)
            case .rider(let id):
                // Cached: every rider request's authentication ends here.
                let statement = try db.cachedStatement(sql: "SELECT * FROM \(Rider.databaseTableName) WHERE id = ?")
                guard let rider = try Rider.fetchOne(statement, arguments: [id]), rider.active else { throw AccessError.unknownToken }
                return Caller(kind: .rider, id: rider.id, name: rider.name, command: command)
            case nil:
                throw AccessError.unknownToken
            }
        }
    }

    /// The time of a use case, taken once so every row it writes agrees.
    var now: Date { clock.now() }
}

extension Tuanju {
    /// How many events the outbox holds (the demo shows it; the notifier will drain it).
    public func outboxEventCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox") ?? 0 }
    }
}
