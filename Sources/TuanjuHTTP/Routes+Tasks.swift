import Foundation
import Governance
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `tasks create/update/close/list/show/claim/release/revoke/claims`.
    static func taskRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/tasks") { call in
            let caller = try await call.caller()
            let body = try await call.json(CreateTask.self)
            let draft = try TaskDraft(
                roleCode: body.role, title: body.title, description: body.description ?? "",
                area: try body.area.map { (try Coordinate(lat: $0.lat, lon: $0.lon), $0.radius_m) },
                capacity: body.capacity, startsAt: try body.starts.map(time), endsAt: try body.ends.map(time), points: body.points)
            let task = try await call.service { try $0.createTask(caller, draft) }
            return try JSONBody.response(TaskJSON(task), status: .created)
        }
        routes.get("/v1/tasks") { call in
            let caller = try await call.caller()
            var filter = TaskFilter()
            filter.openOnly = try call.queryBool("open") ?? false
            filter.roleCode = call.query("role")
            filter.near = try call.query("near").map { text throws(InputError) in try Coordinate(parsing: text) }
            let page = try call.page()
            let tasks = try await call.service { [filter] in try $0.listTasks(caller, filter, page: page) }
            return try JSONBody.page(tasks.map { TaskJSON($0, near: filter.near) }, for: call.request, limit: page.limit)
        }
        routes.get("/v1/tasks/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let detail = try await call.service { try $0.task(caller, id: id) }
            return try JSONBody.response(TaskJSON(detail.task, claimers: detail.claimers))
        }
        routes.patch("/v1/tasks/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(UpdateTask.self)
            var changes = TaskChanges()
            changes.title = body.title
            changes.description = body.description
            changes.capacity = body.capacity
            changes.endsAt = try body.ends.map(time)
            changes.points = body.points
            let task = try await call.service { [changes] in try $0.updateTask(caller, id: id, changes) }
            return try JSONBody.response(TaskJSON(task))
        }
        routes.post("/v1/tasks/{id}/close") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let task = try await call.service { try $0.closeTask(caller, id: id) }
            return try JSONBody.response(TaskJSON(task))
        }
        routes.post("/v1/tasks/{id}/claim") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let claim = try await call.service { try $0.claimTask(caller, id: id) }
            return try JSONBody.response(ClaimJSON(claim), status: .created)
        }
        routes.post("/v1/tasks/{id}/release") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let claim = try await call.service { try $0.releaseTask(caller, id: id) }
            return try JSONBody.response(ClaimJSON(claim))
        }
        routes.post("/v1/tasks/{id}/revoke") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(RevokeClaim.self)
            let claim = try await call.service { try $0.revokeClaim(caller, taskID: id, riderID: body.rider_id, reason: body.reason) }
            return try JSONBody.response(ClaimJSON(claim))
        }
        routes.get("/v1/claims") { call in
            let caller = try await call.caller()
            let rider = try call.queryBool("mine") == true ? caller.id : call.query("rider")
            let task = call.query("task")
            let page = try call.page()
            let claims = try await call.service { try $0.claimHistory(caller, taskID: task, riderID: rider, page: page) }
            return try JSONBody.page(claims.map(ClaimJSON.init), for: call.request, limit: page.limit)
        }
    }

    struct CreateTask: APIBody {
        static let fields = ["role", "title", "description", "capacity", "starts", "ends", "points", "area"]
        struct Area: Decodable, Sendable {
            let lat: Double
            let lon: Double
            let radius_m: Double
        }

        let role: String
        let title: String
        let description: String?
        let capacity: Int
        let starts: String?
        let ends: String?
        let points: Int?
        let area: Area?
    }

    struct UpdateTask: APIBody {
        static let fields = ["title", "description", "capacity", "ends", "points"]
        let title: String?
        let description: String?
        let capacity: Int?
        let ends: String?
        let points: Int?
    }

    struct RevokeClaim: APIBody {
        static let fields = ["rider_id", "reason"]
        let rider_id: String
        let reason: String
    }
}
