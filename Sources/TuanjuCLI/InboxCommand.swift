import ArgumentParser
import Riders
import TuanjuCore
import TuanjuViews

/// `tuanju inbox [--unread] [--all]`, `tuanju inbox read ID... | --all` (rider).
struct InboxCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inbox", abstract: InboxCLIMsg.abstract.text, subcommands: [List.self, Read.self],
            defaultSubcommand: List.self)
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: InboxCLIMsg.listAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(InboxCLIMsg.optUnread)) var unread = false
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [InboxCLIMsg.colID.text, InboxCLIMsg.colAt.text, InboxCLIMsg.colRead.text, InboxCLIMsg.colText.text],
                fetch: { [unread] page in try app.inbox(caller, unreadOnly: unread, page: page) },
                encode: { InboxNoticeJSON($0) },
                cells: { notice in [notice.id, notice.createdAt, notice.readAt == nil ? "•" : "", notice.text] })
        }
    }

    struct Read: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: InboxCLIMsg.readAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(InboxCLIMsg.argIDs)) var ids: [String] = []
        @Flag(help: ArgumentHelp(InboxCLIMsg.optReadAll)) var all = false

        func run() throws {
            let (app, caller) = try global.session()
            guard all || !ids.isEmpty, !(all && !ids.isEmpty) else { throw InputError.invalid(InboxMsg.nothingToMark) }
            let marked = all ? try app.markInboxAllRead(caller) : try app.markInboxRead(caller, ids: ids)
            try Output.emit(InboxReadJSON(marked: marked), json: global.json) {
                Console.current.out(InboxCLIMsg.marked.text(["count": "\(marked)"]))
            }
        }
    }
}

/// Texts of the inbox commands, English and Simplified Chinese; `{name}` marks an argument.
public enum InboxCLIMsg: String, CaseIterable, CatalogMessage {
    case abstract, listAbstract, readAbstract, optUnread, optReadAll, argIDs, colID, colAt, colRead, colText, marked
    case optInboxLang

    public var texts: (en: String, zh: String) {
        switch self {
        case .abstract: ("Your notifications: reviews of your reports, points, waitlist places (rider).", "我的消息:上报审核结果、积分、候补递补等(骑手)。")
        case .listAbstract: ("List your notifications, newest first (rider).", "按时间倒序列出我的消息(骑手)。")
        case .readAbstract: ("Mark notifications read: name them, or give --all (rider).", "将消息标为已读:指定编号,或使用 --all(骑手)。")
        case .optUnread: ("Only notifications not yet read.", "只列出未读消息。")
        case .optReadAll: ("Mark every notification read.", "将全部消息标为已读。")
        case .argIDs: ("The notifications to mark read (ntf_…).", "要标为已读的消息编号(ntf_…)。")
        case .colID: ("ID", "编号")
        case .colAt: ("At", "时间")
        case .colRead: ("New", "未读")
        case .colText: ("Message", "内容")
        case .marked: ("{count} notification(s) marked read", "已将 {count} 条消息标为已读")
        case .optInboxLang: ("The language of the rider's inbox: zh or en (default zh).", "骑手消息使用的语言:zh 或 en(默认 zh)。")
        }
    }
}
