import Identity
import Riders
import TuanjuCore

/// An invitation as the coordinator sees it, with the name of the rider who joined with it.
public struct InvitationView: Sendable, Equatable {
    public let id: String
    public let platform: String?
    public let createdBy: String
    public let createdAt: String
    public let expiresAt: String
    public let usedAt: String?
    public let riderID: String?
    public let riderName: String?

    init(_ invitation: Invitation, riderName: String?) {
        id = invitation.id
        platform = invitation.platform
        createdBy = invitation.createdBy
        createdAt = invitation.createdAt
        expiresAt = invitation.expiresAt
        usedAt = invitation.usedAt
        riderID = invitation.riderID
        self.riderName = riderName
    }
}

/// A new invitation and its code, shown this once.
public struct NewInvitation: Sendable, Equatable {
    public let id: String
    public let code: String
    public let platform: String?
    public let expiresAt: String
}

extension Tuanju {
    /// `riders invite` (staff): `count` one-time codes valid for `expires` (default 7 days), for riders of
    /// `platform` if given. The codes are returned once; only their hashes are kept. Audited, not announced
    /// (a code is a credential).
    public func inviteRiders(_ caller: Caller, count: Int, expires: String?, platform: String?) throws -> [NewInvitation] {
        let useCase = try useCase(caller, requires: .staff(InviteMsg.actionInvite))
        let count = try Invitations.count(count)
        let lifetime = try Invitations.lifetime(expires ?? "7d")
        let platform = try platform.map { try Platform(parsing: $0).rawValue }
        return try useCase.write { work in
            let issued = try Invitations.create(
                work.db, count: count, lifetime: lifetime, platform: platform, by: caller.id, at: work.now)
            try work.audit(.ridersInvited, target: issued.first?.invitation.id)
            return issued.map {
                NewInvitation(id: $0.invitation.id, code: $0.code, platform: $0.invitation.platform, expiresAt: $0.invitation.expiresAt)
            }
        }
    }

    /// `riders invitations` (staff): every invitation, newest first, with who joined with it.
    public func invitations(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<InvitationView> {
        let useCase = try useCase(caller, requires: .staff(InviteMsg.actionInvite))
        let page = try page.checked()
        return try useCase.read { db in
            try Invitations.list(db, page: page).map { invitation in
                InvitationView(invitation, riderName: try invitation.riderID.map { try RiderDirectory.find(db, id: $0).name })
            }
        }
    }

    /// `join` / `POST /v1/join` (no token): a rider registers with an invitation code and gets their token once.
    /// An unknown, used or expired code, a code for another platform and an already registered phone are all the
    /// same refusal (`invitation_invalid`), and nothing changes.
    public func join(code: String, name: String, phone: String, platform: String) throws -> IssuedRider {
        let draft = try RiderDraft(name: name, phone: phone, platform: platform, partyMember: false, branch: nil)
        return try systemUseCase().write { work in
            guard let invitation = try Invitations.usable(work.db, code: code, at: work.now),
                  invitation.platform == nil || invitation.platform == draft.platform.rawValue
            else { throw InviteError.unusable }
            let rider: Rider
            do { rider = try RiderDirectory.register(work.db, draft, at: work.now) } catch RiderError.phoneTaken { throw InviteError.unusable }
            let token = try Credentials.issue(work.db, for: .rider(id: rider.id), at: work.now)
            _ = try Invitations.use(work.db, id: invitation.id, riderID: rider.id, at: work.now)
            try work.emit(.riderRegistered, RiderEvent(
                riderId: rider.id, platform: rider.platform.rawValue, partyMember: rider.partyMember, branch: rider.branch,
                active: rider.active, by: invitation.id))
            let caller = Caller(kind: .rider, id: rider.id, name: rider.name)
            return IssuedRider(profile: RiderProfile(rider, for: caller), token: token)
        }
    }
}
