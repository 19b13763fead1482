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
        try useCase(caller, requires: .admin(ServiceMsg.actionAddUsers)).write { work in
            let (user, token) = try Users.create(work.db, name: name, role: role, at: work.now)
            try work.emit(.userCreated, UserEvent(user))
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
        try useCase(caller, requires: .admin(ServiceMsg.actionRevokeUsers)).write { work in
            let user = try Users.revoke(work.db, id: id, at: work.now)
            try work.emit(.userRevoked, UserEvent(user))
            return user
        }
    }
}
