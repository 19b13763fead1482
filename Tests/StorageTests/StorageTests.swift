import Foundation
import GRDB
import Testing
import Dispatch
@testable import Storage

@Suite("Storage")
struct StorageTests {
    func freshDatabase() throws -> (AppDatabase, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-storage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (try AppDatabase(path: dir + "/t.sqlite", create: true), dir)
    }

    @Test("The database runs in WAL with synchronous FULL, foreign keys and a busy timeout")
    func settings() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (journal, synchronous, foreignKeys, timeout) = try database.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
        #expect(foreignKeys == 1)
        #expect((timeout ?? 0) >= 5000)
        #expect(try database.schemaVersion() == Migrations.latestVersion)
    }

    @Test("A missing database is not created unless asked")
    func notCreated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString)/t.sqlite").path
        #expect(throws: StorageError.self) { try AppDatabase(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A failing use case leaves nothing behind: state and outbox roll back together")
    func rollback() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.write { db in
                try Outbox.append(db, type: "test.event", payload: ["a": 1], at: Date())
                throw Boom()
            }
        }
        #expect(try database.read { db in try Outbox.events(db) }.isEmpty)
    }

    @Test("Outbox events keep their order and carry valid JSON")
    func outbox() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try database.write { db in
            struct Payload: Encodable {
                let riderId: String
                enum CodingKeys: String, CodingKey { case riderId = "rider_id" }
            }
            try Outbox.append(db, type: "one", payload: Payload(riderId: "rdr_x"), at: Date())
            try Outbox.append(db, type: "two", payload: ["n": 2], at: Date())
        }
        let events = try database.read { db in try Outbox.events(db) }
        #expect(events.map(\.type) == ["one", "two"])
        #expect(events[0].payload == #"{"rider_id":"rdr_x"}"#)
        #expect(events[0].eventId.hasPrefix("evt_"))
    }

    @Test("The schema refuses what the rules forbid")
    func constraints() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let insert = """
            INSERT INTO riders (id, name, phone, platform, registered_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')
            """
        #expect(throws: DatabaseError.self) {
            try database.write { db in try db.execute(sql: insert, arguments: ["r1", "A", "23812341234", "meituan"]) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { db in try db.execute(sql: insert, arguments: ["r1", "A", "13812341234", "didi"]) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { db in
                try db.execute(sql: insert, arguments: ["r1", "A", "13812341234", "meituan"])
                try db.execute(sql: insert, arguments: ["r2", "B", "13812341234", "eleme"])
            }
        }
    }

    @Test("A writer blocked past the busy timeout gets a busy error, not a crash")
    func busy() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = try AppDatabase(path: dir + "/t.sqlite", create: false, busyTimeout: 0.2)
        var outcome: Error?
        try database.write { _ in
            do {
                try other.write { db in try db.execute(sql: "INSERT INTO seed_loads VALUES ('x', 'y')") }
            } catch {
                outcome = error
            }
        }
        #expect(outcome as? StorageError == .busy)
    }
}

@Suite("Group commit")
struct GroupCommitTests {
    @Test("Concurrent use cases share commits, each stays atomic, and a failing one rolls back alone")
    func sharedCommits() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-gc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let database = try AppDatabase(path: dir + "/t.sqlite", create: true)
        struct Refused: Error {}
        let group = DispatchGroup()
        for thread in 0..<8 {
            group.enter()
            Thread {
                for index in 0..<25 {
                    _ = try? database.write { db in
                        try db.execute(sql: "INSERT INTO seed_loads VALUES (?, 'x')", arguments: ["\(thread)-\(index)"])
                        usleep(500)  // work inside the transaction, so others queue up meanwhile
                        if index % 5 == 4 { throw Refused() }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        let rows = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM seed_loads") }
        #expect(rows == 8 * 20)
        let (batches, jobs) = database.groupCommit.counts
        #expect(jobs == 200)
        #expect(batches < 150, "use cases did not share commits: \(batches) batches")
    }
}
