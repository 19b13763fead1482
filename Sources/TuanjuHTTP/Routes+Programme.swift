import Engagement
import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `activities add/update/retire/schedule/reschedule/resize/cancel-session` (staff).
    static func programmeRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/activities") { call in
            let caller = try await call.caller()
            let body = try await call.json(ActivityBody.self)
            let draft = try ActivityDraft(kind: body.kind, title: body.title, titleZh: body.title_zh, description: body.description)
            let activity = try await call.service { try $0.addActivity(caller, draft) }
            return try JSONBody.response(ActivityJSON(activity), status: .created)
        }
        routes.patch("/v1/activities/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(ActivityChangeBody.self)
            let changes = try ActivityChanges(kind: body.kind, title: body.title, titleZh: body.title_zh, description: body.description)
            let activity = try await call.service { try $0.updateActivity(caller, id: id, changes) }
            return try JSONBody.response(ActivityJSON(activity))
        }
        routes.post("/v1/activities/{id}/retire") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let activity = try await call.service { try $0.retireActivity(caller, id: id) }
            return try JSONBody.response(ActivityJSON(activity))
        }
        routes.post("/v1/activities/{id}/sessions") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(ScheduleBody.self)
            let request = Tuanju.SessionRequest(
                startsAt: try time(body.starts), endsAt: try time(body.ends), place: body.place, pointID: body.point_id,
                capacity: body.capacity, points: body.points ?? 0)
            let listing = try await call.service { try $0.scheduleSession(caller, activityID: id, request) }
            return try JSONBody.response(SessionJSON(listing), status: .created)
        }
        routes.post("/v1/activities/sessions/{id}/reschedule") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(RescheduleBody.self)
            let (starts, ends) = (try time(body.starts), try time(body.ends))
            let listing = try await call.service { try $0.rescheduleSession(caller, id: id, startsAt: starts, endsAt: ends) }
            return try JSONBody.response(SessionJSON(listing))
        }
        routes.post("/v1/activities/sessions/{id}/resize") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(ResizeBody.self)
            let (listing, promoted) = try await call.service { try $0.resizeSession(caller, id: id, capacity: body.capacity) }
            return try JSONBody.response(ResizeJSON(listing, promoted: promoted))
        }
        routes.post("/v1/activities/sessions/{id}/cancel-session") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(CancelSessionBody.self)
            let (listing, released) = try await call.service { try $0.cancelSession(caller, id: id, reason: body.reason) }
            return try JSONBody.response(SessionCancelJSON(listing, released: released))
        }
    }

    struct ActivityBody: APIBody {
        static let fields = ["kind", "title", "title_zh", "description"]
        let kind: String
        let title: String
        let title_zh: String?
        let description: String?
    }

    struct ActivityChangeBody: APIBody {
        static let fields = ["kind", "title", "title_zh", "description"]
        let kind: String?
        let title: String?
        let title_zh: String?
        let description: String?
    }

    struct ScheduleBody: APIBody {
        static let fields = ["starts", "ends", "place", "point_id", "capacity", "points"]
        let starts: String
        let ends: String
        let place: String
        let point_id: String?
        let capacity: Int
        let points: Int?
    }

    struct RescheduleBody: APIBody {
        static let fields = ["starts", "ends"]
        let starts: String
        let ends: String
    }

    struct ResizeBody: APIBody {
        static let fields = ["capacity"]
        let capacity: Int
    }

    struct CancelSessionBody: APIBody {
        static let fields = ["reason"]
        let reason: String
    }
}
