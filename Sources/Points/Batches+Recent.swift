import GRDB

extension Batches {
    /// The latest batches, newest first (the console's batch page).
    public static func recent(_ db: Database, limit: Int) throws -> [RedemptionBatch] {
        try RedemptionBatch.fetchAll(
            db, sql: "SELECT * FROM redemption_batches ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit])
    }
}
