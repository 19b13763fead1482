import Governance

extension Tuanju {
    /// `roles list`: public, no token needed.
    public func roles() throws -> [RoleWithCategories] {
        try database.read { db in try Roles.all(db) }
    }
}
