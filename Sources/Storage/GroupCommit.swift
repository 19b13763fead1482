import Foundation
import GRDB

/// Group commit for the use cases of one process.
///
/// Each use case runs atomically in its own savepoint. The first caller to arrive becomes the leader: it
/// takes the writer and runs every queued use case in one `BEGIN IMMEDIATE … COMMIT`, so one fsync covers
/// them all; callers that arrive meanwhile wait (not on the writer) until a leader has committed their use
/// case, then return its result. A failing use case rolls back only its own savepoint; a failing COMMIT
/// fails every use case of that batch. Nobody returns before the commit that holds their work is durable.
/// With one caller at a time (the CLI) every batch has exactly one use case.
///
/// Why a leader may run another thread's non-escaping closure: the caller blocks until its job has an
/// outcome, so the closure never outlives the call. (It does run on the leader's thread: task-local
/// values are the leader's while it runs.)
final class GroupCommit: Sendable {
    /// A queued use case.
    /// @unchecked Sendable: `run` is called only by the leader inside the writer; `outcome` is read and
    /// written only under `GroupCommit.condition`.
    final class Job: @unchecked Sendable {
        /// Runs the use case; with `savepoint`, inside its own savepoint so that a failure undoes only it.
        let run: (Database, _ savepoint: Bool) -> Error?
        /// nil: not run yet; .some(nil): committed; .some(error): failed.
        var outcome: Error?? = nil

        init(run: @escaping (Database, Bool) -> Error?) { self.run = run }
    }

    /// @unchecked Sendable: every field is read and written only under `condition`.
    private final class State: @unchecked Sendable {
        var pending: [Job] = []
        var leaderActive = false
        var batches = 0
        var jobs = 0
    }

    private let condition = NSCondition()
    private let state = State()

    /// How many transactions committed use cases, and how many use cases they held (tests, stats).
    var counts: (batches: Int, jobs: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (state.batches, state.jobs)
    }

    func write<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            var value: T?
            // The leader may run this job on its own thread: everything the job needs is in its closure
            // (a use case's caller and time travel in `body`, never in task-locals).
            let job = Job { db, savepoint -> Error? in
                do {
                    if savepoint {
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                    } else {
                        value = try body(db)
                    }
                    return nil
                } catch {
                    return error
                }
            }
            condition.lock()
            state.pending.append(job)
            while job.outcome == nil {
                if state.leaderActive {
                    condition.wait()
                    continue
                }
                state.leaderActive = true
                let batch = state.pending
                state.pending.removeAll()
                condition.unlock()
                let outcomes = commit(pool, batch)
                condition.lock()
                for (queued, outcome) in zip(batch, outcomes) { queued.outcome = .some(outcome) }
                state.batches += 1
                state.jobs += batch.count
                state.leaderActive = false
                condition.broadcast()
            }
            let outcome = job.outcome!
            condition.unlock()
            if let error = outcome { throw error }
            return value!
        }
    }

    /// Runs a batch in one transaction; returns each job's error (nil for success) after the commit.
    /// A batch of one (every CLI command) needs no savepoint: its failure rolls the transaction back.
    /// Savepoints are not free: SQLite keeps a statement journal of every page they touch.
    private func commit(_ pool: DatabasePool, _ batch: [Job]) -> [Error?] {
        do {
            var errors: [Error?] = []
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    if batch.count == 1 {
                        errors = [batch[0].run(db, false)]
                        return errors[0] == nil ? .commit : .rollback
                    }
                    errors = batch.map { $0.run(db, true) }
                    return .commit
                }
            }
            return errors
        } catch {
            return batch.map { _ in error }
        }
    }
}
