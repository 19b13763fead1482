import ArgumentParser
import TuanjuCore
import TuanjuService
import TuanjuViews

extension RidersCommand {
    /// `tuanju riders invite --count N [--expires 7d] [--platform P]` (coordinator): codes as CSV for printing.
    struct Invite: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: InviteCLIMsg.inviteAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(InviteCLIMsg.optCount)) var count: Int
        @Option(help: ArgumentHelp(InviteCLIMsg.optExpires)) var expires: String?
        @Option(help: ArgumentHelp(InviteCLIMsg.optPlatform)) var platform: String?

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.inviteRiders(caller, count: count, expires: expires, platform: platform)
            // The codes are shown once: CSV on stdout (redirect it to a file to print), or JSON.
            try Output.emit(issued.map(IssuedInvitationJSON.init), json: global.json) {
                let console = Console.current
                console.out("code,expires_at,platform,id")
                for invitation in issued {
                    console.out([invitation.code, invitation.expiresAt, invitation.platform ?? "", invitation.id].joined(separator: ","))
                }
            }
        }
    }

    /// `tuanju riders invitations` (coordinator): who joined with which code.
    struct Invitations: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: InviteCLIMsg.invitationsAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [InboxCLIMsg.colID.text, InviteCLIMsg.colExpires.text, InviteCLIMsg.colUsed.text, InviteCLIMsg.colRider.text],
                fetch: { page in try app.invitations(caller, page: page) },
                encode: { InvitationJSON($0) },
                cells: { view in [view.id, view.expiresAt, view.usedAt ?? "", view.riderID.map { "\($0) \(view.riderName ?? "")" } ?? ""] })
        }
    }
}

/// `tuanju join CODE --name N --phone P --platform P`: a rider registers with an invitation code (no token).
struct JoinCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "join", abstract: InviteCLIMsg.joinAbstract.text)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(InviteCLIMsg.argCode)) var code: String
    @Option(help: ArgumentHelp(.optRiderName)) var name: String
    @Option(help: ArgumentHelp(.optPhone)) var phone: String
    @Option(help: ArgumentHelp(.optPlatform)) var platform: String

    func run() throws {
        let app = try global.openApp()
        let issued = try app.join(code: code, name: name, phone: phone, platform: platform)
        try Output.emit(RiderJSON(issued.profile, token: issued.token), json: global.json) {
            Console.current.out(InviteCLIMsg.joined.text(["name": issued.profile.name, "id": issued.profile.id]))
            Console.current.out(CLIMsg.riderTokenOnce.text(["token": issued.token]))
        }
    }
}

/// Texts of the invitation commands, English and Simplified Chinese; `{name}` marks an argument.
public enum InviteCLIMsg: String, CaseIterable, CatalogMessage {
    case inviteAbstract, invitationsAbstract, joinAbstract, optCount, optExpires, optPlatform, argCode, colExpires, colUsed
    case colRider, joined, demoInbox, demoInboxLine, demoInvited, demoJoined, demoCodeUsed

    public var texts: (en: String, zh: String) {
        switch self {
        case .inviteAbstract:
            ("Make one-time invitation codes (coordinator); prints them once as CSV (code,expires_at,platform,id) for printing.",
             "生成一次性邀请码(协调员),以 CSV(code,expires_at,platform,id)只显示一次,供打印张贴。")
        case .invitationsAbstract: ("List invitations and who joined with each (coordinator).", "列出邀请码及各码的注册骑手(协调员)。")
        case .joinAbstract: ("Join as a rider with an invitation code; prints your token once (no token needed).", "凭邀请码注册为骑手,只显示一次令牌(无需令牌)。")
        case .optCount: ("How many codes (1–1000).", "生成多少个邀请码(1–1000)。")
        case .optExpires: ("How long the codes stay valid: 1h to 90d (default 7d).", "邀请码有效期:1h 到 90d(默认 7d)。")
        case .optPlatform: ("Only riders of this platform may use the codes (meituan, eleme, other).", "仅限该平台的骑手使用(meituan、eleme、other)。")
        case .argCode: ("The invitation code (dashes and case do not matter).", "邀请码(不区分大小写,横线可省略)。")
        case .colExpires: ("Expires", "有效期至")
        case .colUsed: ("Used", "使用时间")
        case .colRider: ("Rider", "骑手")
        case .joined: ("welcome, {name} ({id})", "欢迎,{name}({id})")
        case .demoInbox: ("Inbox and invitations: riders are told, and join by themselves", "站内信与邀请码:骑手收到通知,也能自行注册")
        case .demoInboxLine: ("{name}'s inbox: {text}", "{name}的消息:{text}")
        case .demoInvited: ("the coordinator prints an invitation code: {code} (valid until {expires})", "协调员打印邀请码:{code}(有效期至 {expires})")
        case .demoJoined: ("{name} joins with it and gets a token: {id}", "{name}凭邀请码自行注册,拿到令牌:{id}")
        case .demoCodeUsed: ("the same code a second time is refused: {refused}", "同一个邀请码再用一次被拒绝:{refused}")
        }
    }
}
