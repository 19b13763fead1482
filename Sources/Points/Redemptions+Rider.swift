import GRDB

extension Redemptions {
    /// The rider's requests still waiting for a batch, oldest first (an erasure cancels them).
    public static func pendingIDs(_ db: Database, riderID: String) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT id FROM redemptions WHERE rider_id = ? AND state = 'pending' ORDER BY requested_at, id", arguments: [riderID])
    }
}
