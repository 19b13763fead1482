import Engagement
import Foundation
import TuanjuCore
import TuanjuService

extension DemoScript {
    /// Riders answer the needs survey; the coordinator's portrait hides small cells. A session fills up and a
    /// cancellation promotes the waitlist. A party lesson pays its points once.
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

        narrator.step(EngageCLIMsg.demoActivities)
        let session = "ses-skills-1"
        for rider in riders.prefix(3) {
            let signup = try app.signUp(rider, sessionID: session)
            narrator.say(signup.state == .confirmed ? EngageCLIMsg.demoGotPlace : EngageCLIMsg.demoWaitlisted, [
                "name": rider.name, "position": "\(signup.waitlistPosition ?? 0)",
            ])
        }
        let (_, promoted) = try app.cancelSignup(riders[1], sessionID: session)
        narrator.say(EngageCLIMsg.demoCancelled, [
            "name": riders[1].name, "promoted": riders.first { $0.id == promoted?.riderID }?.name ?? "-",
        ])
        let outcome = try app.completeLesson(li, id: "lesson-01", answers: nil)
        let (lesson, awarded) = (outcome.lesson, outcome.awarded)
        narrator.say(EngageCLIMsg.demoLesson, ["name": li.name, "title": localizedName(en: lesson.title, zh: lesson.titleZh), "points": "\(awarded)"])
        try narrator.record("activities.signup", ["session": session, "promoted": promoted?.riderID ?? ""])
    }
}
