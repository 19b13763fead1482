import Foundation
import GRDB
import Synchronization
import Testing
@testable import Storage

@Suite("Reads on the database's own connections")
struct QuickReadersTests {
    func freshDatabase() throws -> (AppDatabase, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanju-readers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (try AppDatabase(path: dir + "/t.sqlite", create: true), dir)
    }

    @Test("A read is one snapshot: a commit made while it runs is not half seen, and the next read sees it")
    func oneSnapshot() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try database.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER)") }
        let (before, after) = try database.read { db -> (Int, Int) in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? -1
            // Another connection commits in the middle of this read (on a thread of its own).
            let done = DispatchSemaphore(value: 0)
            let committed = Mutex(false)
            Thread {
                let ok = (try? database.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }) != nil
                committed.withLock { $0 = ok }
                done.signal()
            }.start()
            done.wait()
            #expect(committed.withLock { $0 })
            return (before, try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? -1)
        }
        #expect(before == 0 && after == 0)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 1)
        #expect(try database.quickReaders?.read { db in db.isInsideTransaction } == true)
    }

    @Test("A schema changed by another process is seen by the next read")
    func schemaChange() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try database.write { db in try db.execute(sql: "CREATE TABLE t (a INTEGER)") }
        #expect(try database.read { db in try db.columns(in: "t").map(\.name) } == ["a"])
        let other = try DatabaseQueue(path: dir + "/t.sqlite")
        try other.write { db in try db.execute(sql: "ALTER TABLE t ADD COLUMN b TEXT") }
        #expect(try database.read { db in try db.columns(in: "t").map(\.name) } == ["a", "b"])
    }

    @Test("More readers at once than connections: the others read through GRDB's pool, every read answers")
    func pastCapacity() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let capacity = try #require(database.quickReaders).capacity
        let answers = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: capacity * 4) { _ in
            let value = try? database.read { db -> Int in
                Thread.sleep(forTimeInterval: 0.02)
                return try Int.fetchOne(db, sql: "SELECT 1") ?? 0
            }
            answers.withLock { $0 += value ?? 0 }
        }
        #expect(answers.withLock { $0 } == capacity * 4)
    }

    @Test("A read that throws ends its transaction; the connection serves the next read")
    func throwingRead() throws {
        let (database, dir) = try freshDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        struct Stop: Error {}
        for _ in 0..<10 {
            #expect(throws: Stop.self) { try database.read { _ in throw Stop() } }
        }
        #expect(throws: DatabaseError.self) { try database.read { db in try db.execute(sql: "SELECT * FROM missing") } }
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT 2") } == 2)
    }
}
