import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Governance
import Synchronization
import TuanjuCore
import TuanjuService

/// `claims`: 100 postings × 100 seats, 8 concurrent claimers with distinct riders (10,400 riders, so the
/// last 400 find their posting full). Ours: `Tuanju.claimTask` (authorization, rules, outbox) from 8
/// threads sharing one service. Raw: 8 connections, each claim one `BEGIN IMMEDIATE; UPDATE tasks SET
/// claimed = claimed + 1 WHERE id = ? AND claimed < capacity; COMMIT`.
struct ClaimsScenario: Scenario {
    let postings = Bench.size(100, quick: 20)
    let seats = Bench.size(100, quick: 20)
    /// 4% more riders than seats: the last ones find their posting full.
    var riders: Int { postings * seats * 26 / 25 }
    let claimers = Int(ProcessInfo.processInfo.environment["TUANJU_BENCH_CLAIMERS"] ?? "") ?? 8

    func prepare(_ work: String) throws {
        var csv = "name,phone,platform,party_member,branch\n"
        for index in 0..<riders { csv += "骑手\(index),\(13_000_000_000 + index),meituan,no,\n" }
        try csv.write(toFile: work + "/riders.csv", atomically: true, encoding: .utf8)
        let admin = Caller(kind: .admin, id: "usr_bench", name: "bench")
        for side in ["ours", "raw"] {
            let (app, _) = try Tuanju.initialize(DataDirectory(path: work + "/" + side))
            _ = try app.importRiders(admin, path: work + "/riders.csv", strict: false)
            for index in 0..<postings {
                _ = try app.createTask(admin, try TaskDraft(roleCode: "hazard-inspector", title: "P\(index)", capacity: seats))
            }
        }
    }

    /// Rider ids and posting ids in creation order.
    private func ids(_ path: String) throws -> (riders: [String], tasks: [String]) {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM riders ORDER BY rowid"),
             try String.fetchAll(db, sql: "SELECT id FROM tasks ORDER BY rowid"))
        }
    }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let (riderIDs, taskIDs) = try ids(work + "/ours/tuanju.sqlite")
        let failures = Mutex<[String]>([])
        runThreads(claimers) { claimer in
            for index in stride(from: claimer, to: riderIDs.count, by: claimers) {
                let caller = Caller(kind: .rider, id: riderIDs[index], name: "")
                do {
                    _ = try app.claimTask(caller, id: taskIDs[index % taskIDs.count])
                } catch let error as GovernanceError where error.code == "task_full" {
                    continue
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        if let first = failures.withLock({ $0.first }) { throw BenchError(message: "claim failed: \(first)") }
        try verify(app)
        return riderIDs.count
    }

    /// Zero overbooked postings, and every posting's counter equals its active claims.
    private func verify(_ app: Tuanju) throws {
        let problems = try app.database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tasks WHERE claimed > capacity
                   OR claimed <> (SELECT count(*) FROM claims WHERE task_id = tasks.id AND state = 'active')
                """) ?? -1
        }
        let total = try app.database.read { db in try Int.fetchOne(db, sql: "SELECT sum(claimed) FROM tasks") ?? 0 }
        guard problems == 0, total == postings * seats else {
            throw BenchError(message: "overbooked or miscounted postings: \(problems); claimed \(total)")
        }
    }

    func runRaw(_ work: String) throws -> Int {
        let path = work + "/raw/tuanju.sqlite"
        let (riderIDs, taskIDs) = try ids(path)
        let failures = Mutex<[String]>([])
        runThreads(claimers) { claimer in
            do {
                let db = try RawSQLite(path: path)
                sqlite3_busy_timeout(db.handle, 5000)
                let update = try db.prepare("UPDATE tasks SET claimed = claimed + 1 WHERE id = ? AND claimed < capacity")
                defer { sqlite3_finalize(update) }
                for index in stride(from: claimer, to: riderIDs.count, by: claimers) {
                    // Like ours (GRDB's busy handling), a writer that still finds the lock taken after the busy
                    // timeout tries again instead of failing: on a loaded machine 5 s is not always enough.
                    var begin = sqlite3_exec(db.handle, "BEGIN IMMEDIATE", nil, nil, nil)
                    while begin == SQLITE_BUSY { begin = sqlite3_exec(db.handle, "BEGIN IMMEDIATE", nil, nil, nil) }
                    guard begin == SQLITE_OK else { throw BenchError(message: "begin failed: \(begin)") }
                    bind(update, 1, taskIDs[index % taskIDs.count])
                    guard sqlite3_step(update) == SQLITE_DONE else { throw BenchError(message: "update failed") }
                    sqlite3_reset(update)
                    try db.execute("COMMIT")
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        if let first = failures.withLock({ $0.first }) { throw BenchError(message: "raw claim failed: \(first)") }
        return riderIDs.count
    }
}
