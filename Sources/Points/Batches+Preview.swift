import GRDB

extension Batches {
    /// What a run started now would decide, without writing: the oldest waiting requests (at most `limit`)
    /// against the stock, by the same rule as `processChunk` (an active reward with enough stock left is
    /// fulfilled and its stock taken; anything else is rejected).
    public static func preview(_ db: Database, limit: Int?) throws -> (fulfilled: Int, rejected: Int) {
        var stock = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, stock, active FROM rewards").map {
            ($0["id"] as String, ($0["active"] as Bool) ? $0["stock"] as Int : 0)
        })
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT reward_id, quantity FROM redemptions WHERE state = 'pending' AND batch_id IS NULL
            ORDER BY requested_at, rowid LIMIT ?
            """, arguments: [limit ?? -1])
        var fulfilled = 0, rejected = 0
        while let row = try cursor.next() {
            let reward: String = row[0], quantity: Int = row[1]
            if let left = stock[reward], left >= quantity {
                stock[reward] = left - quantity
                fulfilled += 1
            } else {
                rejected += 1
            }
        }
        return (fulfilled, rejected)
    }
}
