import Engagement
import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService
import TuanjuViews

extension TuanjuAPI {
    /// `lessons show/add/update/retire/complete`. A quiz travels as a JSON object in the body's `quiz`, in the
    /// quiz file's format; answers as the answers file (`{"answers": {...}}`).
    static func lessonRoutes(_ routes: RouteRegistry) {
        routes.get("/v1/lessons/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let lesson = try await call.service { try $0.lesson(caller, id: id) }
            return try JSONBody.response(LessonDetailJSON(lesson))
        }
        routes.post("/v1/lessons") { call in
            let caller = try await call.caller()
            let (body, quiz, _) = try await lessonBody(&call, LessonBody.self)
            let draft = try LessonDraft(title: body.title, titleZh: body.title_zh, summary: body.summary ?? "", link: body.link,
                                        points: body.points, quiz: quiz)
            let lesson = try await call.service { try $0.addLesson(caller, draft) }
            return try JSONBody.response(LessonDetailJSON(lesson), status: .created)
        }
        routes.patch("/v1/lessons/{id}") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let (body, quiz, nullQuiz) = try await lessonBody(&call, LessonChangeBody.self)
            // `"quiz": null` removes the quiz (as `lessons update --no-quiz`); an absent `quiz` keeps it.
            let changes = try LessonChanges(title: body.title, titleZh: body.title_zh, summary: body.summary, link: body.link,
                                            points: body.points, quiz: quiz, removeQuiz: nullQuiz)
            let lesson = try await call.service { try $0.updateLesson(caller, id: id, changes) }
            return try JSONBody.response(LessonDetailJSON(lesson))
        }
        routes.post("/v1/lessons/{id}/retire") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let lesson = try await call.service { try $0.retireLesson(caller, id: id) }
            return try JSONBody.response(LessonDetailJSON(lesson))
        }
        routes.post("/v1/lessons/{id}/complete") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            let data = try await call.jsonData(fields: ["answers"])
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            let answers = object["answers"] == nil ? nil : try SurveySubmission.parse(data)
            let outcome = try await call.service { try $0.completeLesson(caller, id: id, answers: answers) }
            return try JSONBody.response(LessonCompleteJSON(outcome), status: .created)
        }
    }

    /// `surveys publish/close/reopen` (staff). The publish body is the definition file.
    static func surveyPublishRoutes(_ routes: RouteRegistry) {
        routes.post("/v1/surveys") { call in
            let caller = try await call.caller()
            let data = try await call.jsonData(fields: ["id", "version", "title", "questions"])
            let published = try await call.service { try $0.publishSurvey(caller, json: data, source: "body") }
            return try JSONBody.response(SurveyPublishJSON(published), status: .created)
        }
        routes.post("/v1/surveys/{id}/close") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let definition = try await call.service { try $0.closeSurvey(caller, id: id) }
            return try JSONBody.response(SurveyStateJSON(definition, open: false))
        }
        routes.post("/v1/surveys/{id}/reopen") { call in
            let caller = try await call.caller()
            let id = call.path("id")
            _ = try await call.json(EmptyBody.self)
            let definition = try await call.service { try $0.reopenSurvey(caller, id: id) }
            return try JSONBody.response(SurveyStateJSON(definition, open: true))
        }
    }

    /// The body's fields and its `quiz` object, checked as a quiz file is, and whether `quiz` was given as null.
    private static func lessonBody<T: APIBody>(_ call: inout Call, _ type: T.Type) async throws -> (T, LessonQuiz?, nullQuiz: Bool) {
        let data = try await call.jsonData(fields: T.fields)
        let body: T
        do {
            body = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw DecodingProblem.failure(error)
        }
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        guard let quiz = object["quiz"] else { return (body, nil, false) }
        if quiz is NSNull { return (body, nil, true) }
        return (body, try LessonQuiz.decode(try JSONSerialization.data(withJSONObject: quiz), source: "quiz"), false)
    }

    struct LessonBody: APIBody {
        static let fields = ["title", "title_zh", "summary", "link", "points", "quiz"]
        let title: String
        let title_zh: String?
        let summary: String?
        let link: String
        let points: Int
    }

    struct LessonChangeBody: APIBody {
        static let fields = ["title", "title_zh", "summary", "link", "points", "quiz"]
        let title: String?
        let title_zh: String?
        let summary: String?
        let link: String?
        let points: Int?
    }
}
