import GRDB

extension ServicePoints {
    /// Every active point, in rowid order (the console's map draws them all).
    public static func active(_ db: Database) throws -> [ServicePoint] {
        var points: [ServicePoint] = []
        let cursor = try all(db, activeOnly: true)
        while let row = try cursor.next() { points.append(try ServicePoint(row: row)) }
        return points
    }
}
