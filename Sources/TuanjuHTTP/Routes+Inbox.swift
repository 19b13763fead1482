import Foundation
import Hummingbird
import Riders
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `inbox` and `inbox read` under `/v1/me/inbox` (rider).
    static func inboxRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/me/inbox") { call in
            let caller = try await call.caller()
            let unread = try call.queryBool("unread") ?? false
            let page = try call.page()
            let notices = try await call.service { try $0.inbox(caller, unreadOnly: unread, page: page) }
            return try JSONBody.page(notices.map(InboxNoticeJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/me/inbox/read") { call in
            let caller = try await call.caller()
            let body = try await call.json(MarkRead.self)
            // `all: true` marks everything (whatever `ids` says); otherwise the ids given, possibly none.
            let marked = try await call.service { app in
                body.all == true ? try app.markInboxAllRead(caller) : try app.markInboxRead(caller, ids: body.ids ?? [])
            }
            return try JSONBody.response(InboxReadJSON(marked: marked))
        }
    }

    struct MarkRead: APIBody {
        static let fields = ["ids", "all"]
        let ids: [String]?
        let all: Bool?
    }
}

extension TuanjuAPI {
    /// How many join attempts one client address may make a minute: codes are 60 random bits, and this keeps
    /// guessing them (or probing phones) slow.
    static let joinAttemptsPerMinute = 10

    /// `riders invite`, `riders invitations` (staff) and `join` (no token).
    static func invitationRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/invitations") { call in
            let caller = try await call.caller()
            let body = try await call.json(Invite.self)
            let issued = try await call.service {
                try $0.inviteRiders(caller, count: body.count, expires: body.expires, platform: body.platform)
            }
            return try JSONBody.response(issued.map(IssuedInvitationJSON.init), status: .created)
        }
        routes.get("/v1/invitations") { call in
            let caller = try await call.caller()
            let page = try call.page()
            let invitations = try await call.service { try $0.invitations(caller, page: page) }
            return try JSONBody.page(invitations.map(InvitationJSON.init), for: call.request, limit: page.limit)
        }
        let limiter = RateLimiter(limitPerMinute: joinAttemptsPerMinute)
        routes.post("/v1/join") { call in
            if let seconds = limiter.take(call.context.clientAddress) {
                throw HTTPFailure.rateLimited(retryAfter: seconds, limit: joinAttemptsPerMinute)
            }
            let body = try await call.json(Join.self)
            let issued = try await call.service {
                try $0.join(code: body.code, name: body.name, phone: body.phone, platform: body.platform)
            }
            return try JSONBody.response(RiderJSON(issued.profile, token: issued.token), status: .created)
        }
    }

    struct Invite: APIBody {
        static let fields = ["count", "expires", "platform"]
        let count: Int
        let expires: String?
        let platform: String?
    }

    struct Join: APIBody {
        static let fields = ["code", "name", "phone", "platform"]
        let code: String
        let name: String
        let phone: String
        let platform: String
    }
}
