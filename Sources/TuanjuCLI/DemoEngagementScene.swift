import Engagement
import Foundation
import TuanjuCore
import TuanjuSeed
import TuanjuService

extension DemoScript {
    /// Riders answer the needs survey; the coordinator's portrait hides small cells. Then the coordinator runs
    /// next month's programme (#18): a skills camp whose waitlist a resize promotes, version 2 of the survey, and a
    /// lesson with a quiz one rider fails and then passes.
    func engagementScene(_ app: Tuanju, _ coordinator: Caller, li: Caller) throws {
        narrator.step(EngageCLIMsg.demoSurvey)
        let names = ["吴骑手", "郑骑手", "王骑手", "冯骑手", "蒋骑手", "沈骑手", "韩骑手", "杨骑手", "朱骑手", "秦骑手", "许骑手"]
        var riders = [li]
        for (index, name) in names.enumerated() {
            let issued = try app.registerRider(
                coordinator, name: name, phone: "1360000\(String(format: "%04d", index))",
                platform: index < 6 ? "meituan" : "eleme", partyMember: index % 3 == 0, branch: nil)
            riders.append(try app.authenticate(token: issued.token, command: Invocation.command))
        }
        for (index, rider) in riders.enumerated() {
            var answers: [String: AnswerValue] = [
                "platform": .text(index < 7 ? "meituan" : "eleme"), "work_hours": .number(Double(8 + index % 2)),
                "rest_place": .text(index < 7 ? "station" : index < 9 ? "roadside" : "mall"), "meals": .text("stall"),
                "legal_help_needed": .text(index == 0 ? "yes" : "no"), "satisfaction": .number(4),
            ]
            if index == 0 { answers["legal_help_topics"] = .choices(["wages"]) }
            _ = try app.answerSurvey(rider, id: "needs", submission: SurveySubmission(consent: true, answers: answers))
        }
        narrator.say(EngageCLIMsg.demoAnswered, ["count": "\(riders.count)"])
        let portrait = try app.surveyPortrait(coordinator, id: "needs", version: 1, by: .platform)
        if let rest = portrait.questions.first(where: { $0.questionID == "rest_place" }) {
            for row in rest.rows where ["station", "roadside", "mall"].contains(row.option) {
                narrator.say(EngageCLIMsg.demoPortraitRow, [
                    "option": row.option, "count": row.all.count.map(String.init) ?? "<5",
                ])
            }
        }
        narrator.say(EngageCLIMsg.demoSuppressed, ["threshold": "\(portrait.threshold)"])

        try campScene(app, coordinator, riders: riders)
        try surveyVersionScene(app, coordinator, rider: riders[4], answeredV1: riders.count)
        try quizScene(app, coordinator, li: li, rider: riders[5])
    }

    /// `activities schedule` a month ahead with 2 places, three sign-ups, `activities resize --capacity 3`.
    private func campScene(_ app: Tuanju, _ coordinator: Caller, riders: [Caller]) throws {
        narrator.step(EngageCLIMsg.demoActivities)
        // 15:00 to 17:00 China time, 30 days from today: always ahead, whenever the demo runs.
        let day = Date().addingTimeInterval(30 * 86_400 + 8 * 3600)
        let starts = Date(timeIntervalSince1970: (day.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 7 * 3600)
        let scheduled = try app.scheduleSession(coordinator, activityID: "act-skills-camp", Tuanju.SessionRequest(
            startsAt: starts, endsAt: starts.addingTimeInterval(2 * 3600), place: "暖心微驿站·潮王路", capacity: 2, points: 10))
        let session = scheduled.session
        narrator.say(EngageCLIMsg.demoScheduled, [
            "name": coordinator.name, "session": session.id,
            "title": localizedName(en: scheduled.activity.title, zh: scheduled.activity.titleZh),
            "time": DisplayTime.of(session.startsAt), "place": session.place, "capacity": "\(session.capacity)",
        ])
        for rider in riders[1...3] {
            let signup = try app.signUp(rider, sessionID: session.id)
            narrator.say(signup.state == .confirmed ? EngageCLIMsg.demoGotPlace : EngageCLIMsg.demoWaitlisted, [
                "name": rider.name, "position": "\(signup.waitlistPosition ?? 0)",
            ])
        }
        let (resized, promoted) = try app.resizeSession(coordinator, id: session.id, capacity: 3)
        let moved = riders.first { rider in promoted.contains { $0.riderID == rider.id } }
        narrator.say(EngageCLIMsg.demoResized, [
            "name": coordinator.name, "capacity": "\(resized.session.capacity)", "promoted": moved?.name ?? "-",
        ])
        if let moved, let notice = try app.inbox(moved, unreadOnly: true).rows.first(where: { $0.template == "activity.promoted" }) {
            narrator.say(InviteCLIMsg.demoInboxLine, ["name": moved.name, "text": notice.text])
        }
        try narrator.record("activities.resize", [
            "session": session.id, "capacity": "\(resized.session.capacity)", "signed_up": "\(resized.session.signedUp)",
            "promoted": moved?.id ?? "",
        ])
    }

    /// `surveys publish Seed/samples/needs-v2.json`: version 2; a rider answers it; the portrait defaults to it.
    private func surveyVersionScene(_ app: Tuanju, _ coordinator: Caller, rider: Caller, answeredV1: Int) throws {
        narrator.step(EngageCLIMsg.demoSurveyVersion)
        let published = try app.publishSurvey(coordinator, json: try Self.sample("needs-v2.json"), source: "Seed/samples/needs-v2.json")
        narrator.say(EngageCLIMsg.demoPublished, [
            "file": "Seed/samples/needs-v2.json", "id": published.definition.id, "version": "\(published.definition.version)",
            "question": "night_shelter", "count": "\(answeredV1)",
        ])
        let submission = try SurveySubmission.parse(try Self.sample("needs-v2-answers.json"))
        let (response, _) = try app.answerSurvey(rider, id: "needs", submission: submission)
        narrator.say(EngageCLIMsg.demoAnsweredV2, [
            "name": rider.name, "version": "\(response.surveyVersion)", "file": "Seed/samples/needs-v2-answers.json", "question": "night_shelter",
        ])
        let portrait = try app.surveyPortrait(coordinator, id: "needs", by: nil)
        narrator.say(EngageCLIMsg.demoPortraitV2, [
            "version": "\(portrait.surveyVersion)", "count": portrait.respondents.all.count.map(String.init) ?? "<5",
            "threshold": "\(portrait.threshold)",
        ])
        try narrator.record("surveys.publish", [
            "version": published.definition.version, "answered_version": response.surveyVersion, "portrait_version": portrait.surveyVersion,
        ])
    }

    /// A lesson without a quiz pays at once; `lessons add --quiz Seed/samples/road-safety-quiz.json`, failed, then
    /// passed: the points are paid once.
    private func quizScene(_ app: Tuanju, _ coordinator: Caller, li: Caller, rider: Caller) throws {
        narrator.step(EngageCLIMsg.demoLessons)
        let outcome = try app.completeLesson(li, id: "lesson-01", answers: nil)
        narrator.say(EngageCLIMsg.demoLesson, [
            "name": li.name, "title": localizedName(en: outcome.lesson.title, zh: outcome.lesson.titleZh), "points": "\(outcome.awarded)",
        ])
        let quiz = try LessonQuiz.decode(try Self.sample("road-safety-quiz.json"), source: "Seed/samples/road-safety-quiz.json")
        let lesson = try app.addLesson(coordinator, try LessonDraft(
            title: "Road safety in five questions", titleZh: "骑行安全五问", summary: "头盔、充电、红灯、手机和事故处理。",
            link: "https://tuanju.invalid/lessons/road-safety", points: 15, quiz: quiz))
        let title = localizedName(en: lesson.title, zh: lesson.titleZh)
        narrator.say(EngageCLIMsg.demoLessonAdded, [
            "name": coordinator.name, "title": title, "points": "\(lesson.points)", "file": "Seed/samples/road-safety-quiz.json",
            "questions": "\(quiz.questions.count)", "pass_mark": "\(quiz.passMark)",
        ])
        var results: [String] = []
        for (file, line) in [("road-safety-answers-wrong.json", EngageCLIMsg.demoQuizFailed), ("road-safety-answers.json", .demoQuizPassed)] {
            let attempt = try app.completeLesson(rider, id: lesson.id, answers: try SurveySubmission.parse(try Self.sample(file)))
            narrator.say(line, [
                "name": rider.name, "file": "Seed/samples/" + file, "score": "\(attempt.quiz?.result.score ?? 0)",
                "points": "\(attempt.awarded)", "left": "\(attempt.quiz?.attemptsLeft ?? 0)",
            ])
            results.append(attempt.completed ? "passed:\(attempt.awarded)" : "failed:\(attempt.awarded)")
        }
        do {
            _ = try app.completeLesson(rider, id: lesson.id, answers: try SurveySubmission.parse(try Self.sample("road-safety-answers.json")))
        } catch {
            narrator.say(EngageCLIMsg.demoQuizOnce, ["reason": "\(error)"])
        }
        try narrator.record("lessons.complete", ["lesson": lesson.id, "attempts": results.joined(separator: ",")])
    }

    /// A file of Seed/samples, from the binary's resource bundle: the same bytes the guides' tours paste.
    static func sample(_ name: String) throws -> Data {
        guard let url = SeedBundle.samples?.appendingPathComponent(name), let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError.missingFile(path: "Seed/samples/" + name, reason: "not in the resource bundle")
        }
        return data
    }
}
