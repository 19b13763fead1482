import Foundation
import Testing
import TuanjuCore
@testable import TuanjuHTTP

@Suite("The OpenAPI document")
struct OpenAPITests {
    @Test("Every registered route is documented, and every documented operation is registered")
    func bothDirections() throws {
        let sandbox = try APISandbox()
        let registered = Set(sandbox.server.routes.map(\.description))
        let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
        #expect(sandbox.server.routes.count == registered.count, "a route is registered twice")
        #expect(registered.subtracting(documented).sorted() == [], "registered but not in /openapi.json")
        #expect(documented.subtracting(registered).sorted() == [], "in /openapi.json but not registered")
    }

    @Test("Every documented operation reaches a handler: none answers the router's not-found")
    func everyOperationRoutes() async throws {
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            for operation in OpenAPIDocument.operations {
                let uri = operation.path.replacingOccurrences(of: "{id}", with: "x")
                    .replacingOccurrences(of: "{service_code}", with: "x").replacingOccurrences(of: "{service_request_id}", with: "x")
                let reply = try await client.send(.init(operation.method)!, uri)
                let notFound = HTTPMsg.routeNotFound.text(["method": operation.method, "path": uri], in: .en)
                #expect(!reply.text.contains(notFound), "\(operation.method) \(uri) is not routed")
            }
            let missing = try await client.get("/v1/nothing-here")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "not_found")
            #expect(missing.errorMessage == "no such endpoint: GET /v1/nothing-here")
        }
    }

    @Test("/openapi.json is OpenAPI 3.1 JSON whose references all resolve")
    func wellFormed() async throws {
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            let reply = try await client.get("/openapi.json")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
            let document = reply.object
            #expect(document["openapi"] as? String == "3.1.0")
            let schemas = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
            var references: Set<String> = []
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let ref = object["$ref"] as? String { references.insert(ref) }
                    object.values.forEach(collect)
                } else if let array = value as? [Any] {
                    array.forEach(collect)
                }
            }
            collect(document)
            for ref in references {
                #expect(ref.hasPrefix("#/components/schemas/"))
                #expect(schemas[String(ref.dropFirst("#/components/schemas/".count))] != nil, "\(ref) does not resolve")
            }
            let paths = document["paths"] as? [String: Any] ?? [:]
            #expect(paths.count == Set(OpenAPIDocument.operations.map(\.path)).count)
        }
    }

    @Test("Request bodies document exactly the fields the handlers accept")
    func bodyFields() {
        let bodies: [(String, String, [String])] = [
            ("POST", "/v1/riders", TuanjuAPI.RegisterRider.fields), ("PATCH", "/v1/riders/{id}", TuanjuAPI.UpdateRider.fields),
            ("POST", "/v1/tasks", TuanjuAPI.CreateTask.fields), ("PATCH", "/v1/tasks/{id}", TuanjuAPI.UpdateTask.fields),
            ("POST", "/v1/tasks/{id}/revoke", TuanjuAPI.RevokeClaim.fields), ("POST", "/v1/reports/{id}/review", TuanjuAPI.Review.fields),
            ("POST", "/v1/reports/{id}/dispatch", TuanjuAPI.Dispatch.fields), ("POST", "/v1/reports/{id}/resolve", TuanjuAPI.NoteOnly.fields),
            ("POST", "/v1/points/award", TuanjuAPI.PointsChange.fields), ("POST", "/v1/rewards", TuanjuAPI.AddReward.fields),
            ("PATCH", "/v1/rewards/{id}", TuanjuAPI.UpdateReward.fields), ("POST", "/v1/rewards/{id}/redeem", TuanjuAPI.Redeem.fields),
            ("POST", "/v1/redemptions/run", TuanjuAPI.RunBatch.fields),
            ("POST", "/v1/activities/sessions/{id}/checkin", TuanjuAPI.CheckIn.fields),
            ("POST", "/v1/activities", TuanjuAPI.ActivityBody.fields), ("PATCH", "/v1/activities/{id}", TuanjuAPI.ActivityChangeBody.fields),
            ("POST", "/v1/activities/{id}/sessions", TuanjuAPI.ScheduleBody.fields),
            ("POST", "/v1/activities/sessions/{id}/reschedule", TuanjuAPI.RescheduleBody.fields),
            ("POST", "/v1/activities/sessions/{id}/resize", TuanjuAPI.ResizeBody.fields),
            ("POST", "/v1/activities/sessions/{id}/cancel-session", TuanjuAPI.CancelSessionBody.fields),
            ("POST", "/v1/lessons", TuanjuAPI.LessonBody.fields), ("PATCH", "/v1/lessons/{id}", TuanjuAPI.LessonChangeBody.fields),
            ("POST", "/v1/lessons/{id}/complete", ["answers"]), ("POST", "/v1/roles", TuanjuAPI.RoleBody.fields),
            ("POST", "/v1/map/kinds", TuanjuAPI.KindBody.fields), ("PATCH", "/v1/map/kinds/{code}", TuanjuAPI.KindChangeBody.fields),
            ("PATCH", "/v1/roles/{code}", TuanjuAPI.RoleChangeBody.fields), ("POST", "/v1/roles/{code}/categories", TuanjuAPI.CategoryBody.fields), ("POST", "/v1/surveys", ["id", "version", "title", "questions"]),
            ("POST", "/v1/privacy/purge", TuanjuAPI.DryRun.fields), ("POST", "/v1/riders/{id}/erase", TuanjuAPI.DryRun.fields),
            ("POST", "/v1/reports", TuanjuAPI.reportTextFields + ["photo"]),
        ]
        for (method, path, fields) in bodies {
            let operation = OpenAPIDocument.operations.first { $0.method == method && $0.path == path }
            let properties = (operation?.body?["properties"] as? [String: any Sendable]).map { Set($0.keys) }
            #expect(properties == Set(fields), "\(method) \(path)")
        }
    }
}
