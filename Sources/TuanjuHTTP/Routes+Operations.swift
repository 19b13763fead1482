import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `doctor`, `audit list`, `privacy purge`, `privacy erase` (admin). `backup` and `restore` are not routes: both name paths on
    /// the server's own disk, and a restore replaces the data directory the server has open.
    static func operationsRoutes(_ routes: RouteRegistry) {
        // The answer is 200 either way: the checks ran, and `ok` says what they found (the CLI exits 1 instead).
        routes.get("/v1/doctor") { call in
            let caller = try await call.caller()
            let problems = try await call.service { try $0.doctor(caller) }
            return try JSONBody.response(DoctorJSON(problems))
        }
        routes.get("/v1/audit") { call in
            let caller = try await call.caller()
            let actor = call.query("actor")
            let since = try call.query("since").map(TuanjuAPI.time)
            let page = try call.page()
            let entries = try await call.service { try $0.auditLog(caller, actor: actor, since: since, page: page) }
            return try JSONBody.page(entries.map(AuditEntryJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/privacy/purge") { call in
            let caller = try await call.caller()
            let body = try await call.json(DryRun.self)
            let result = try await call.service { try $0.purgeExpiredReports(caller, dryRun: body.dry_run ?? false) }
            return try JSONBody.response(result)
        }
        routes.post("/v1/riders/{id}/erase") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(DryRun.self)
            let result = try await call.service { try $0.eraseRider(caller, id: id, dryRun: body.dry_run ?? false) }
            return try JSONBody.response(result)
        }
    }

    /// The body of the admin actions that can only look first: `{"dry_run": true}`.
    struct DryRun: APIBody {
        static let fields = ["dry_run"]
        let dry_run: Bool?
    }
}
