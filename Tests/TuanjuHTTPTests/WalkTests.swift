import Foundation
import Hummingbird
import PhotoFixtures
import Synchronization
import Testing
import TuanjuCore
@testable import TuanjuHTTP

/// Calls documented operations, checks each answer's status and body against the OpenAPI document, and keeps
/// track of which operations succeeded.
final class Walk: Sendable {
    let client: Client
    private let covered = Mutex<Set<String>>([])

    init(_ client: Client) { self.client = client }

    var coveredOperations: Set<String> { covered.withLock { $0 } }

    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ template: String, _ uri: String? = nil, token: String? = nil, json: Any? = nil,
        form: MultipartForm? = nil, headers: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        let target = uri ?? template
        let reply: Reply
        let eventStream = Client.isEventStream(method.rawValue, template)
        if let form {
            reply = try await client.submit(target, token: token, form)
        } else if eventStream {
            // A stream never ends by itself: what it sent in half a second is its body.
            reply = try await client.sendCancelled(after: 0.5, method, target, token: token, headers: headers)
        } else {
            reply = try await client.send(method, target, token: token, json: json)
        }
        let expected = try #require(SchemaCheck.responseSchema(method.rawValue, template), "\(method) \(template) is not documented",
                                    sourceLocation: sourceLocation)
        #expect(reply.status == expected.status, "\(method) \(target): \(reply.text)", sourceLocation: sourceLocation)
        // A photo file: binary, checked by its media type; plain text (the metrics) likewise; everything else is
        // JSON checked against its schema.
        let problems = expected.schema["contentEncoding"] as? String == "binary"
            ? (reply.headers[.contentType]?.hasPrefix("image/") == true && !reply.body.isEmpty ? [] : ["not an image"])
            : expected.schema["contentMediaType"] as? String == "text/plain"
            ? (reply.headers[.contentType]?.hasPrefix("text/plain") == true && !reply.body.isEmpty ? [] : ["not plain text"])
            : eventStream ? Self.eventProblems(reply, expected.schema)
            : SchemaCheck.problems(reply.json ?? NSNull(), expected.schema)
        #expect(problems.isEmpty, "\(method) \(target): \(problems) in \(reply.text.prefix(600))", sourceLocation: sourceLocation)
        if reply.status == expected.status, problems.isEmpty {
            _ = covered.withLock { $0.insert("\(method.rawValue) \(template)") }
        }
        return reply
    }
}

extension Walk {
    /// An event stream: its media type, at least one event, and each event's data checked against the schema
    /// the operation names (`x-event-data`).
    static func eventProblems(_ reply: Reply, _ schema: [String: any Sendable]) -> [String] {
        guard reply.headers[.contentType]?.hasPrefix("text/event-stream") == true else { return ["not text/event-stream"] }
        let events = SSEParser.items(reply.text).filter { $0.data != nil }
        guard !events.isEmpty else { return ["no event"] }
        let dataSchema = schema["x-event-data"] as? [String: any Sendable] ?? [:]
        return events.flatMap { event -> [String] in
            let json = event.data.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? NSNull()
            let idProblem = Int64(event.id ?? "") == nil ? ["event without a numeric id"] : []
            return idProblem + (event.event == "notification" ? [] : ["event type \(event.event ?? "none")"])
                + SchemaCheck.problems(json, dataSchema)
        }
    }
}

/// The real clock moved forward on demand: the walk checks riders in after a session it scheduled has started.
final class ShiftedClock: Sendable {
    private let seconds = Mutex<Double>(0)

    func shift(by interval: Double) { seconds.withLock { $0 += interval } }

    var clock: Clock { Clock(now: { [self] in Date().addingTimeInterval(seconds.withLock { $0 }) }) }
}

@Suite("Every route, end to end")
struct WalkTests {
    static let photo = PhotoFixtures.jpeg(width: 64, height: 48, seed: 7)
    /// nonisolated(unsafe): a constant of plain JSON values, never mutated.
    nonisolated(unsafe) static let answers: [String: Any] = [
        "consent": true,
        "answers": ["platform": "meituan", "work_hours": 11, "long_hours_reason": "income", "rest_place": "station",
                    "station_needs": ["water", "charging"], "meals": "stall", "legal_help_needed": "no", "satisfaction": 4],
    ]

    @Test("Each documented operation succeeds once with a body that matches its schema")
    func everyOperation() async throws {
        let clock = ShiftedClock()
        let sandbox = try APISandbox(clock: clock.clock)
        let coordinator = try sandbox.coordinator()
        let adminToken = sandbox.adminToken
        try await sandbox.run { client in
            let walk = Walk(client)
            // Public and system routes.
            try await walk.call(.get, "/healthz")
            try await walk.call(.get, "/openapi.json")
            try await walk.call(.get, "/v1/roles")
            try await walk.call(.get, "/v1/map/kinds")
            let nearest = try await walk.call(.get, "/v1/map/nearest", "/v1/map/nearest?lat=30.2925&lon=120.171&limit=3")
            let pointID = try #require(nearest.array.first?["id"] as? String)
            try await walk.call(.get, "/v1/map/points/{id}", "/v1/map/points/\(pointID)")
            try await walk.call(.get, "/v1/me", token: coordinator)

            // Riders.
            let li = try await walk.call(.post, "/v1/riders", token: coordinator,
                                         json: ["name": "李骑手", "phone": "13800138000", "platform": "meituan"]).object
            let liToken = try #require(li["token"] as? String), liID = try #require(li["id"] as? String)
            let zhang = try await walk.call(.post, "/v1/riders", token: coordinator,
                                            json: ["name": "张骑手", "phone": "13900139000", "platform": "eleme", "party_member": true]).object
            let zhangID = try #require(zhang["id"] as? String)
            try await walk.call(.get, "/v1/riders", "/v1/riders?platform=meituan&limit=10", token: coordinator)
            try await walk.call(.get, "/v1/riders/{id}", "/v1/riders/me", token: liToken)
            try await walk.call(.patch, "/v1/riders/{id}", "/v1/riders/me", token: liToken, json: ["branch": "文晖驿站"])
            try await walk.call(.post, "/v1/riders/{id}/deactivate", "/v1/riders/\(zhangID)/deactivate", token: coordinator)
            try await walk.call(.post, "/v1/riders/{id}/reactivate", "/v1/riders/\(zhangID)/reactivate", token: coordinator)
            let zhangToken = try #require(try await walk.call(
                .post, "/v1/riders/{id}/token", "/v1/riders/\(zhangID)/token", token: coordinator).object["token"] as? String)

            // Invitations: a coordinator makes codes, a rider joins with one (no token).
            let codes = try await walk.call(.post, "/v1/invitations", token: coordinator,
                                            json: ["count": 2, "expires": "3d", "platform": "eleme"]).array
            let code = try #require(codes.first?["code"] as? String)
            let joined = try await walk.call(.post, "/v1/join", json: ["code": code, "name": "赵骑手", "phone": "13700137000",
                                                                       "platform": "eleme"]).object
            #expect(joined["token"] is String)
            let invitations = try await walk.call(.get, "/v1/invitations", "/v1/invitations?limit=10", token: coordinator).array
            #expect(invitations.contains { $0["rider_name"] as? String == "赵骑手" })

            // Tasks and claims.
            let task = try await walk.call(.post, "/v1/tasks", token: coordinator,
                                           json: ["role": "hazard-inspector", "title": "井盖巡查", "capacity": 3,
                                                  "area": ["lat": 30.29, "lon": 120.17, "radius_m": 3000]]).object
            let taskID = try #require(task["id"] as? String)
            try await walk.call(.get, "/v1/tasks", "/v1/tasks?open=true&near=30.29,120.17", token: liToken)
            try await walk.call(.get, "/v1/tasks/{id}", "/v1/tasks/\(taskID)", token: coordinator)
            try await walk.call(.patch, "/v1/tasks/{id}", "/v1/tasks/\(taskID)", token: coordinator, json: ["title": "井盖与路面巡查"])
            try await walk.call(.post, "/v1/tasks/{id}/claim", "/v1/tasks/\(taskID)/claim", token: liToken)
            try await walk.call(.post, "/v1/tasks/{id}/claim", "/v1/tasks/\(taskID)/claim", token: zhangToken)
            try await walk.call(.post, "/v1/tasks/{id}/release", "/v1/tasks/\(taskID)/release", token: zhangToken)
            try await walk.call(.post, "/v1/tasks/{id}/claim", "/v1/tasks/\(taskID)/claim", token: zhangToken)
            try await walk.call(.post, "/v1/tasks/{id}/revoke", "/v1/tasks/\(taskID)/revoke", token: coordinator,
                                json: ["rider_id": zhangID, "reason": "换人"])
            try await walk.call(.get, "/v1/claims", "/v1/claims?mine=true", token: liToken)

            // Reports.
            let form = MultipartForm(fields: [("category", "manhole-cover"), ("lat", "30.2925"), ("lon", "120.171"), ("note", "井盖松动")],
                                     files: [("photo", Self.photo)])
            let report = try await walk.call(.post, "/v1/reports", token: liToken, form: form).object
            let reportID = try #require(report["id"] as? String)
            try await walk.call(.get, "/v1/reports", "/v1/reports?mine=true", token: liToken)
            try await walk.call(.get, "/v1/reports/{id}", "/v1/reports/\(reportID)", token: liToken)
            try await walk.call(.get, "/v1/reports/{id}/photos/{n}", "/v1/reports/\(reportID)/photos/1?size=thumb", token: liToken)
            let reviewed = try await walk.call(.post, "/v1/reports/{id}/review", "/v1/reports/\(reportID)/review", token: coordinator,
                                               json: ["decision": "accept", "note": "已核实"]).object
            #expect(reviewed["status"] as? String == "accepted")
            // Agencies (admin adds and changes them; coordinators list them and dispatch to them).
            let agency = try await walk.call(.post, "/v1/agencies", token: adminToken, json: [
                "name": "拱墅区住建局", "jurisdiction_id": "gongshu", "api_key": "k-123", "services": ["manhole-cover": "ZJ-1"],
            ]).object
            let agencyID = try #require(agency["id"] as? String)
            #expect(agency["api_key_set"] as? Bool == true && agency["api_key"] == nil)
            try await walk.call(.patch, "/v1/agencies/{id}", "/v1/agencies/\(agencyID)", token: adminToken, json: ["jurisdiction_id": "gs"])
            try await walk.call(.get, "/v1/agencies", "/v1/agencies?include_retired=true", token: coordinator)
            try await walk.call(.post, "/v1/reports/{id}/dispatch", "/v1/reports/\(reportID)/dispatch", token: coordinator,
                                json: ["agency": agencyID])
            try await walk.call(.post, "/v1/reports/{id}/resolve", "/v1/reports/\(reportID)/resolve", token: coordinator)
            try await walk.call(.post, "/v1/reports/{id}/reopen", "/v1/reports/\(reportID)/reopen", token: coordinator,
                                json: ["note": "又松了"])

            // Open311 (before the task closes: a report needs a live claim).
            try await walk.call(.get, "/open311/v2/discovery.json")
            try await walk.call(.get, "/open311/v2/services.json")
            try await walk.call(.get, "/open311/v2/services/{service_code}.json", "/open311/v2/services/manhole-cover.json")
            let created = try await walk.call(.post, "/open311/v2/requests.json", token: nil, form: MultipartForm(
                fields: [("api_key", liToken), ("service_code", "road-damage"), ("lat", "30.30"), ("long", "120.16"),
                         ("description", "路面塌陷"), ("email", "ignored@example.invalid")],
                files: [("media", Self.photo)])).array
            let requestID = try #require(created.first?["service_request_id"] as? String)
            try await walk.call(.get, "/open311/v2/requests.json", "/open311/v2/requests.json?status=open")
            // With the rider's own key: a request nobody has reviewed yet is not public.
            try await walk.call(.get, "/open311/v2/requests/{service_request_id}.json", "/open311/v2/requests/\(requestID).json?api_key=\(liToken)")
            // A rejection, and the rider's appeal of it.
            try await walk.call(.post, "/v1/reports/{id}/review", "/v1/reports/\(requestID)/review", token: coordinator,
                                json: ["decision": "reject", "reason": "位置不对"])
            let appealed = try await walk.call(.post, "/v1/reports/{id}/appeal", "/v1/reports/\(requestID)/appeal", token: liToken,
                                               json: ["reason": "位置已更正"]).object
            #expect(appealed["status"] as? String == "submitted")
            let again = try await walk.client.send(.post, "/v1/reports/\(requestID)/appeal", token: zhangToken, json: ["reason": "不是我的"])
            #expect(again.status == 403, "\(again.text)")
            let empty = try await walk.client.send(.post, "/v1/reports/\(requestID)/appeal", token: liToken, json: ["reason": ""])
            #expect(empty.status == 400, "\(empty.text)")

            // Points.
            try await walk.call(.get, "/v1/points/balance", token: liToken)
            try await walk.call(.get, "/v1/points/history", "/v1/points/history?limit=10", token: liToken)
            try await walk.call(.post, "/v1/points/award", token: coordinator, json: ["rider_id": liID, "amount": 50, "reason": "带新人"])
            try await walk.call(.post, "/v1/points/adjust", token: adminToken, json: ["rider_id": liID, "amount": 5, "reason": "补录"])
            try await walk.call(.get, "/v1/points/verify", token: adminToken)

            // The inbox: the review, dispatch, resolution, points and the revoked claim told their riders.
            let inbox = try await walk.call(.get, "/v1/me/inbox", "/v1/me/inbox?unread=true&limit=50", token: liToken).array
            #expect(inbox.contains { $0["template"] as? String == "report.accepted" }, "\(inbox)")
            let noticeID = try #require(inbox.first?["id"] as? String)
            // The same notices as a stream, replayed from the start (Last-Event-ID: 0).
            let streamed = try await walk.call(.get, "/v1/me/inbox/stream", token: liToken, headers: ["Last-Event-ID": "0"])
            #expect(SSEParser.items(streamed.text).contains { $0.data?.contains(noticeID) == true }, "\(streamed.text.prefix(300))")
            let marked = try await walk.call(.post, "/v1/me/inbox/read", token: liToken, json: ["ids": [noticeID]]).object
            #expect(marked["marked"] as? Int == 1)
            try await walk.call(.post, "/v1/me/inbox/read", token: zhangToken, json: ["all": true])
            let foreign = try await walk.client.send(.post, "/v1/me/inbox/read", token: zhangToken, json: ["ids": [noticeID]])
            #expect(foreign.status == 404, "\(foreign.text)")
            let staff = try await walk.client.send(.get, "/v1/me/inbox", token: coordinator)
            #expect(staff.status == 403, "\(staff.text)")

            // Rewards and redemptions.
            try await walk.call(.get, "/v1/rewards", token: liToken)
            let reward = try await walk.call(.post, "/v1/rewards", token: coordinator,
                                             json: ["name": "Water", "name_zh": "矿泉水", "cost": 10, "stock": 5]).object
            let rewardID = try #require(reward["id"] as? String)
            try await walk.call(.patch, "/v1/rewards/{id}", "/v1/rewards/\(rewardID)", token: coordinator, json: ["stock": 6])
            let redeemed = try await walk.call(.post, "/v1/rewards/{id}/redeem", "/v1/rewards/\(rewardID)/redeem", token: liToken).object
            let requestOne = try #require(redeemed["request_id"] as? String)
            try await walk.call(.get, "/v1/redemptions", "/v1/redemptions?status=pending", token: liToken)
            try await walk.call(.post, "/v1/redemptions/{id}/cancel", "/v1/redemptions/\(requestOne)/cancel", token: liToken)
            try await walk.call(.post, "/v1/rewards/{id}/redeem", "/v1/rewards/\(rewardID)/redeem", token: liToken, json: ["quantity": 2])
            let batch = try await walk.call(.post, "/v1/redemptions/run", token: coordinator).object
            #expect(batch["fulfilled"] as? Int == 1)

            // Surveys, activities, lessons.
            try await walk.call(.get, "/v1/surveys", token: liToken)
            try await walk.call(.get, "/v1/surveys/{id}", "/v1/surveys/needs", token: liToken)
            try await walk.call(.post, "/v1/surveys/{id}/answers", "/v1/surveys/needs/answers", token: liToken, json: Self.answers)
            try await walk.call(.get, "/v1/surveys/{id}/portrait", "/v1/surveys/needs/portrait?by=platform&version=1", token: coordinator)
            let v2File = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Seed/samples/needs-v2.json")
            let published = try await walk.call(.post, "/v1/surveys", token: coordinator,
                                                json: try JSONSerialization.jsonObject(with: Data(contentsOf: v2File))).object
            #expect(published["version"] as? Int == 2 && published["changed"] as? Bool == true)
            try await walk.call(.post, "/v1/surveys/{id}/close", "/v1/surveys/needs/close", token: coordinator)
            let closed = try await walk.client.send(.post, "/v1/surveys/needs/answers", token: liToken, json: Self.answers)
            #expect(closed.status == 409, "\(closed.text)")
            try await walk.call(.post, "/v1/surveys/{id}/reopen", "/v1/surveys/needs/reopen", token: coordinator)
            let sessions = try await walk.call(.get, "/v1/activities", "/v1/activities?kind=health", token: liToken).array
            let session = try #require(sessions.first?["session_id"] as? String)
            try await walk.call(.post, "/v1/activities/sessions/{id}/signup", "/v1/activities/sessions/\(session)/signup", token: liToken)
            try await walk.call(.post, "/v1/activities/sessions/{id}/signup", "/v1/activities/sessions/\(session)/signup", token: zhangToken)
            try await walk.call(.post, "/v1/activities/sessions/{id}/cancel", "/v1/activities/sessions/\(session)/cancel", token: zhangToken)
            try await walk.call(.get, "/v1/activities/sessions/{id}/attendees", "/v1/activities/sessions/\(session)/attendees",
                                token: coordinator)
            // The coordinator's programme: an activity, a session of 1 place, a resize that promotes the waitlist.
            let activity = try await walk.call(.post, "/v1/activities", token: coordinator,
                                               json: ["kind": "skills", "title": "Skills camp", "title_zh": "技能训练营"]).object
            let activityID = try #require(activity["id"] as? String)
            try await walk.call(.patch, "/v1/activities/{id}", "/v1/activities/\(activityID)", token: coordinator,
                                json: ["description": "电动车安全与急救"])
            let day = Date().addingTimeInterval(86_400)
            let slot: [String: Any] = ["starts": Timestamp.iso(day), "ends": Timestamp.iso(day.addingTimeInterval(7200))]
            let camp = try await walk.call(.post, "/v1/activities/{id}/sessions", "/v1/activities/\(activityID)/sessions", token: coordinator,
                                           json: slot.merging(["place": "文晖街道党群服务中心", "capacity": 1, "points": 20]) { $1 }).object
            let campID = try #require(camp["session_id"] as? String)
            try await walk.call(.post, "/v1/activities/sessions/{id}/signup", "/v1/activities/sessions/\(campID)/signup", token: liToken)
            try await walk.call(.post, "/v1/activities/sessions/{id}/signup", "/v1/activities/sessions/\(campID)/signup", token: zhangToken)
            let resized = try await walk.call(.post, "/v1/activities/sessions/{id}/resize", "/v1/activities/sessions/\(campID)/resize",
                                              token: coordinator, json: ["capacity": 2]).object
            #expect((resized["promoted"] as? [[String: Any]])?.count == 1)
            try await walk.call(.post, "/v1/activities/sessions/{id}/reschedule", "/v1/activities/sessions/\(campID)/reschedule",
                                token: coordinator, json: slot)
            let spare = try await walk.call(.post, "/v1/activities/{id}/sessions", "/v1/activities/\(activityID)/sessions", token: coordinator,
                                            json: slot.merging(["place": "潮王路驿站", "capacity": 5]) { $1 }).object
            let spareID = try #require(spare["session_id"] as? String)
            try await walk.call(.post, "/v1/activities/sessions/{id}/cancel-session", "/v1/activities/sessions/\(spareID)/cancel-session",
                                token: coordinator, json: ["reason": "暴雨预警"])
            let early = try await walk.client.send(.post, "/v1/activities/sessions/\(campID)/checkin", token: coordinator, json: ["rider_id": liID])
            #expect(early.status == 409, "\(early.text)")
            // After the session: check-in pays its points, and the activity can retire.
            clock.shift(by: 86_400 + 3 * 3600)
            let checked = try await walk.call(.post, "/v1/activities/sessions/{id}/checkin", "/v1/activities/sessions/\(campID)/checkin",
                                              token: coordinator, json: ["rider_id": liID]).object
            #expect(checked["points_awarded"] as? Int == 20)
            try await walk.call(.post, "/v1/activities/{id}/retire", "/v1/activities/\(activityID)/retire", token: coordinator)
            let riderTry = try await walk.client.send(.post, "/v1/activities", token: liToken, json: ["kind": "skills", "title": "T"])
            #expect(riderTry.status == 403, "\(riderTry.text)")
            try await walk.call(.get, "/v1/lessons", token: liToken)
            try await walk.call(.post, "/v1/lessons/{id}/complete", "/v1/lessons/lesson-01/complete", token: liToken)
            let quizFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Seed/samples/road-safety-quiz.json")
            let quiz = try JSONSerialization.jsonObject(with: Data(contentsOf: quizFile))
            let lesson = try await walk.call(.post, "/v1/lessons", token: coordinator,
                                             json: ["title": "Road safety", "title_zh": "交通安全", "summary": "五问",
                                                    "link": "https://tuanju.invalid/lessons/05", "points": 15, "quiz": quiz]).object
            let lessonID = try #require(lesson["id"] as? String)
            try await walk.call(.patch, "/v1/lessons/{id}", "/v1/lessons/\(lessonID)", token: coordinator, json: ["points": 20])
            let shown = try await walk.call(.get, "/v1/lessons/{id}", "/v1/lessons/\(lessonID)", token: liToken).text
            #expect(!shown.contains("\"answer\""), "\(shown)")
            let wrongAnswers: [String: Any] = ["answers": ["helmet": "night", "battery": ["cabinet"], "red_light": "wait", "phone": "no",
                                                           "accident": ["call"]]]
            let failed = try await walk.call(.post, "/v1/lessons/{id}/complete", "/v1/lessons/\(lessonID)/complete", token: liToken,
                                             json: wrongAnswers).object
            #expect(failed["passed"] as? Bool == false)
            // `"quiz": null` removes the quiz (lessons update --no-quiz): completing then needs no answers.
            let unquizzed = try await walk.call(.patch, "/v1/lessons/{id}", "/v1/lessons/\(lessonID)", token: coordinator,
                                                json: ["quiz": NSNull()]).object
            #expect(unquizzed["quiz"] is NSNull && unquizzed["points"] as? Int == 20)
            let done = try await walk.call(.post, "/v1/lessons/{id}/complete", "/v1/lessons/\(lessonID)/complete", token: liToken).object
            #expect(done["points_awarded"] as? Int == 20)
            let riderAdds = try await walk.client.send(.post, "/v1/lessons", token: liToken,
                                                       json: ["title": "T", "link": "https://a.invalid/x", "points": 1])
            #expect(riderAdds.status == 403)
            try await walk.call(.post, "/v1/lessons/{id}/retire", "/v1/lessons/\(lessonID)/retire", token: coordinator)

            try await walk.call(.post, "/v1/tasks/{id}/close", "/v1/tasks/\(taskID)/close", token: coordinator)
            // Map kinds.
            try await walk.call(.post, "/v1/map/kinds", token: coordinator, json: ["code": "toilet", "name_zh": "公共厕所", "name_en": "Toilet"])
            try await walk.call(.patch, "/v1/map/kinds/{code}", "/v1/map/kinds/toilet", token: coordinator, json: ["name_en": "Public toilet"])
            // Roles and categories.
            try await walk.call(.post, "/v1/roles", token: coordinator, json: ["code": "elder-helper", "name_zh": "助老员", "name_en": "Elder helper"])
            try await walk.call(.patch, "/v1/roles/{code}", "/v1/roles/elder-helper", token: coordinator, json: ["description": "探访独居老人"])
            let category = try await walk.call(.post, "/v1/roles/{code}/categories", "/v1/roles/elder-helper/categories", token: coordinator,
                                               json: ["code": "elder-alone", "name_zh": "独居老人", "name_en": "Elder alone", "points": "10-30"]).object
            #expect(category["points_max"] as? Int == 30)
            try await walk.call(.post, "/v1/roles/categories/{code}/retire", "/v1/roles/categories/elder-alone/retire", token: coordinator)
            try await walk.call(.post, "/v1/roles/{code}/retire", "/v1/roles/elder-helper/retire", token: coordinator)

            try await walk.call(.post, "/v1/agencies/sync", token: adminToken)
            try await walk.call(.get, "/v1/deadlines", token: coordinator)
            try await walk.call(.patch, "/v1/deadlines/{category}", "/v1/deadlines/manhole-cover", token: coordinator,
                                json: ["review_hours": 2, "resolve_hours": 12])
            try await walk.call(.get, "/v1/overdue", "/v1/overdue?stage=resolve", token: coordinator)
            try await walk.call(.get, "/v1/stats", "/v1/stats?by=month", token: coordinator)
            try await walk.call(.get, "/v1/stats.svg", "/v1/stats.svg?from=2026-01-01&to=2026-12-31", token: coordinator)
            try await walk.call(.post, "/v1/agencies/{id}/retire", "/v1/agencies/\(agencyID)/retire", token: adminToken)

            // Operations (admin).
            let doctor = try await walk.call(.get, "/v1/doctor", token: adminToken).object
            #expect(doctor["ok"] as? Bool == true, "\(doctor)")
            let audit = try await walk.call(.get, "/v1/audit", "/v1/audit?limit=500", token: adminToken).array
            #expect(audit.contains { $0["command"] as? String == "http POST /v1/tasks/{id}/close" })
            try await walk.call(.post, "/v1/privacy/purge", token: adminToken, json: ["dry_run": true])
            let erasure = try await walk.call(.post, "/v1/riders/{id}/erase", "/v1/riders/\(liID)/erase", token: adminToken,
                                              json: ["dry_run": true]).object
            #expect(erasure["rider_id"] as? String == liID && erasure["dry_run"] as? Bool == true, "\(erasure)")

            // The metrics last: by now every family has samples (tests/MetricsTests parse them).
            let metrics = try await walk.call(.get, "/metrics", token: adminToken).text
            #expect(metrics.contains("tuanju_http_requests_total{"), "\(metrics.prefix(600))")

            let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
            #expect(documented.subtracting(walk.coveredOperations).sorted() == [], "operations never exercised")
        }
    }
}
