import GRDB

extension Claims {
    /// The tasks on which `riderID` holds an active seat, oldest claim first (an erasure ends them).
    public static func activeTaskIDs(_ db: Database, riderID: String) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT task_id FROM claims WHERE rider_id = ? AND state = 'active' ORDER BY claimed_at, id", arguments: [riderID])
    }
}
