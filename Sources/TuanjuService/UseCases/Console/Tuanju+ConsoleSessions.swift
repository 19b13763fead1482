import Foundation
import Identity
import TuanjuCore

/// A console sign-in: the session id for the cookie (shown once, stored only hashed), who signed in, and the
/// session (its CSRF token and expiry).
public struct ConsoleSignIn: Sendable {
    public let sessionID: String
    public let caller: Caller
    public let session: ConsoleSession
}

extension Tuanju {
    /// Console sign-in (coordinator or admin): a token becomes a session. A rider's token is refused (77), an
    /// unknown or revoked one too (unauthenticated); the sign-in is audited.
    public func signInConsole(token: String, command: String) throws -> ConsoleSignIn {
        let caller = try authenticate(token: token, command: command)
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionSignInConsole))
        return try useCase.write { work in
            let (id, session) = try ConsoleSessions.open(work.db, userID: caller.id, at: work.now)
            try work.audit(.consoleSignedIn, target: caller.id)
            return ConsoleSignIn(sessionID: id, caller: caller, session: session)
        }
    }

    /// The caller behind a console session id, running `command`: refused when the session is unknown, expired or
    /// revoked, or its user was revoked since.
    public func consoleSession(id: String, command: String) throws -> (caller: Caller, session: ConsoleSession) {
        let now = self.now
        return try database.read { db in
            guard let session = try ConsoleSessions.find(db, id: id, at: now),
                  let user = try Users.find(db, id: session.userID), user.isActive
            else { throw AccessError.unknownToken }
            let caller = Caller(kind: user.role == .admin ? .admin : .coordinator, id: user.id, name: user.name, command: command)
            return (caller, session)
        }
    }

    /// Console sign-out: revokes the session (a later request with its cookie is signed out); audited.
    public func signOutConsole(id: String, command: String) throws {
        let caller = try consoleSession(id: id, command: command).caller
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionSignInConsole))
        try useCase.write { work in
            try ConsoleSessions.revoke(work.db, id: id, at: work.now)
            try work.audit(.consoleSignedOut, target: caller.id)
        }
    }
}
