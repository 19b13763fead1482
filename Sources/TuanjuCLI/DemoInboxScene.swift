import TuanjuCore
import TuanjuService

extension DemoScript {
    /// The inbox and invitations (#19): what the coordinator did reached 李骑手's inbox; a new rider joins with a
    /// printed invitation code instead of a token handed over at the desk.
    func inboxScene(_ app: Tuanju, _ coordinator: Caller, li: Caller) throws {
        narrator.step(InviteCLIMsg.demoInbox)
        let notices = try app.inbox(li, unreadOnly: true).rows
        for notice in notices.reversed() { narrator.say(InviteCLIMsg.demoInboxLine, ["name": li.name, "text": notice.text]) }
        try narrator.record("inbox", notices.map(\.template))

        let code = try app.inviteRiders(coordinator, count: 1, expires: "7d", platform: nil)[0]
        narrator.say(InviteCLIMsg.demoInvited, ["code": code.code, "expires": code.expiresAt])
        let joined = try app.join(code: code.code, name: "孙骑手", phone: "13733335555", platform: "eleme")
        narrator.say(InviteCLIMsg.demoJoined, ["name": joined.profile.name, "id": joined.profile.id])
        let again = (try? app.join(code: code.code, name: "钱骑手", phone: "13733336666", platform: "eleme")) == nil
        narrator.say(InviteCLIMsg.demoCodeUsed, ["refused": again.localized])
        try narrator.record("join", ["rider_id": joined.profile.id, "invitation": code.id])
    }
}
