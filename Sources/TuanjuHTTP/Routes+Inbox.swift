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
            let marked = try await call.service { app in
                switch (body.ids ?? [], body.all ?? false) {
                case ([], true): try app.markInboxAllRead(caller)
                case (let ids, false) where !ids.isEmpty: try app.markInboxRead(caller, ids: ids)
                default: throw InputError.invalid(InboxMsg.nothingToMark)
                }
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
