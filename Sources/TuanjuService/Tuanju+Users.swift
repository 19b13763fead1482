import Foundation
import GRDB
import Identity
import Storage
import TuanjuCore

/// A user together with the token shown once at creation.
public struct IssuedUser: Sendable, Equatable {
    public let user: User
    public let token: String
}

extension Tuanju {
    /// `users add` (admin).
    public func addUser(_ caller: Caller, name: String, role: UserRole) throws -> IssuedUser {
        try caller.requireAdmin(.actionAddUsers)
        let now = self.now
        return try database.write { db in
            let (user, token) = try Users.create(db, name: name, role: role, at: now)
            try Outbox.append(db, type: "user.created", payload: UserEvent(user), at: now)
            return IssuedUser(user: user, token: token)
        }
    }

    /// `users list` (admin).
    public func listUsers(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<User> {
        try caller.requireAdmin(.actionListUsers)
        let page = try page.checked()
        return try Page.slice(try database.read { db in try Users.all(db) }, page, id: \.id)
    }

    /// `users revoke` (admin): the user's tokens stop working at once.
    public func revokeUser(_ caller: Caller, id: String) throws -> User {
        try caller.requireAdmin(.actionRevokeUsers)
        let now = self.now
        return try database.write { db in
            let user = try Users.revoke(db, id: id, at: now)
            try Outbox.append(db, type: "user.revoked", payload: UserEvent(user), at: now)
            return user
        }
    }
}
