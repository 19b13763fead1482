import Engagement
import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `surveys list/show/answer/portrait`.
    static func surveyRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/surveys") { call in
            let caller = try await call.caller()
            let page = try call.page()
            let surveys = try await call.service { try $0.surveys(caller, page: page) }
            return try JSONBody.page(surveys.map(SurveyJSON.init), for: call.request, limit: page.limit)
        }
        routes.get("/v1/surveys/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let version = try call.queryInt("version")
            let survey = try await call.service { try $0.survey(caller, id: id, version: version) }
            return try JSONBody.response(SurveyJSON(survey))
        }
        routes.post("/v1/surveys/{id}/answers") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            // The body is the answers file of `surveys answer --answers FILE`: {"consent": true, "answers": {...}}.
            let submission = try SurveySubmission.parse(try await call.jsonData(fields: ["consent", "answers"]))
            let (response, replaced) = try await call.service { try $0.answerSurvey(caller, id: id, submission: submission) }
            return try JSONBody.response(SurveyAnswerJSON(response, replaced: replaced), status: replaced ? .ok : .created)
        }
        routes.get("/v1/surveys/{id}/portrait") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let field = try call.query("by").map { text throws(InputError) in try PortraitField(parsing: text) }
            let version = try call.queryInt("version")
            let portrait = try await call.service { try $0.surveyPortrait(caller, id: id, version: version, by: field) }
            return try JSONBody.response(portrait)
        }
    }

    /// `activities list/signup/cancel/attendees/checkin`, `lessons list/complete`.
    static func activityRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/activities") { call in
            let caller = try await call.caller()
            let kind = try call.query("kind").map { text throws(InputError) -> Activity.Kind in
                guard let kind = Activity.Kind(rawValue: text.lowercased()) else {
                    throw .invalid(EngageMsg.activityKindUnknown, ["value": text, "known": "health, affairs, skills"])
                }
                return kind
            }
            let past = try call.queryBool("past") ?? false
            let page = try call.page()
            let listings = try await call.service { try $0.activitySessions(caller, kind: kind, includePast: past, page: page) }
            return try JSONBody.page(listings.map(SessionJSON.init), for: call.request, limit: page.limit)
        }
        routes.post("/v1/activities/sessions/{id}/signup") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let signup = try await call.service { try $0.signUp(caller, sessionID: id) }
            return try JSONBody.response(SignupJSON(signup), status: .created)
        }
        routes.post("/v1/activities/sessions/{id}/cancel") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let (signup, promoted) = try await call.service { try $0.cancelSignup(caller, sessionID: id) }
            return try JSONBody.response(SignupCancelJSON(signup, promoted: promoted))
        }
        routes.get("/v1/activities/sessions/{id}/attendees") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let page = try call.page()
            let people = try await call.service {
                try $0.attendees(caller, sessionID: id, page: page).map { AttendeeJSON($0.signup, name: $0.name) }
            }
            return try JSONBody.page(people, for: call.request, limit: page.limit)
        }
        routes.post("/v1/activities/sessions/{id}/checkin") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let body = try await call.json(CheckIn.self)
            let (signup, awarded) = try await call.service { try $0.checkIn(caller, sessionID: id, riderID: body.rider_id) }
            return try JSONBody.response(CheckInJSON(signup, awarded: awarded))
        }
        routes.get("/v1/lessons") { call in
            let caller = try await call.caller()
            let page = try call.page()
            let lessons = try await call.service { try $0.lessons(caller, page: page).map { LessonJSON($0.0, completedAt: $0.completedAt) } }
            return try JSONBody.page(lessons, for: call.request, limit: page.limit)
        }
    }

    struct CheckIn: APIBody {
        static let fields = ["rider_id"]
        let rider_id: String
    }
}
