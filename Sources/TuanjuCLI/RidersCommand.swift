import ArgumentParser
import Riders
import TuanjuCore
import TuanjuService
import TuanjuViews

struct RidersCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "riders", abstract: CLIMsg.ridersAbstract.text,
            subcommands: [
                Register.self, Import.self, Show.self, List.self, Update.self,
                Deactivate.self, Reactivate.self, IssueToken.self, Invite.self, Invitations.self,
            ])
    }

    struct Register: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.ridersRegisterAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRiderName)) var name: String
        @Option(help: ArgumentHelp(.optPhone)) var phone: String
        @Option(help: ArgumentHelp(.optPlatform)) var platform: String
        @Flag(help: ArgumentHelp(.optPartyMemberFlag)) var partyMember = false
        @Option(help: ArgumentHelp(.optBranch)) var branch: String?

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.registerRider(
                caller, name: name, phone: phone, platform: platform, partyMember: partyMember, branch: branch)
            try Output.emit(RiderJSON(issued.profile, token: issued.token), json: global.json) {
                Console.current.out(CLIMsg.riderRegistered.text(["name": issued.profile.name, "id": issued.profile.id]))
                Console.current.out(CLIMsg.riderTokenOnce.text(["token": issued.token]))
            }
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: CLIMsg.ridersImportAbstract.text, discussion: CLIMsg.ridersImportDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argCSVFile)) var file: String
        @Flag(help: ArgumentHelp(.optStrict)) var strict = false

        func run() throws {
            let (app, caller) = try global.session()
            let summary = try app.importRiders(caller, path: file, strict: strict, progress: ImportOutput.progress)
            try ImportOutput.finish(summary, json: global.json)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.ridersShowAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRiderIDOptional)) var id: String?

        func run() throws {
            let (app, caller) = try global.session()
            let profile = try app.rider(caller, id: id)
            try Output.emit(RiderJSON(profile), json: global.json) { RiderJSON.printHuman(profile) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.ridersListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optFilterPlatform)) var platform: String?
        @Option(help: ArgumentHelp(.optFilterParty)) var partyMember: Bool?
        @Option(help: ArgumentHelp(.optFilterBranch)) var branch: String?
        @Option(help: ArgumentHelp(.optFilterName)) var name: String?
        @Option(help: ArgumentHelp(.optFilterStatus)) var status: RiderFilter.Status = .active
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            var filter = RiderFilter()
            if let platform { filter.platform = try Platform(parsing: platform) }
            filter.partyMember = partyMember
            filter.branch = branch
            filter.nameContains = name
            filter.status = status
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colName.text, CLIMsg.colPhone.text, CLIMsg.colPlatform.text, CLIMsg.colParty.text, CLIMsg.colBranch.text],
                fetch: { [filter] page in try app.listRiders(caller, filter, page: page) },
                encode: { RiderJSON($0) },
                cells: { rider in
                    [rider.id, rider.name, rider.phone, rider.platform.localized, rider.partyMember ? CLIMsg.yes.text : "", rider.branch ?? ""]
                })
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.ridersUpdateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRiderIDOptional)) var id: String?
        @Option(help: ArgumentHelp(.optNewName)) var name: String?
        @Option(help: ArgumentHelp(.optNewPhone)) var phone: String?
        @Option(help: ArgumentHelp(.optNewPlatform)) var platform: String?
        @Option(help: ArgumentHelp(.optNewParty)) var partyMember: Bool?
        @Option(help: ArgumentHelp(.optNewBranch)) var branch: String?
        @Flag(help: ArgumentHelp(.optNoBranch)) var noBranch = false
        // Not `--lang`: that global option picks the language of this command's own output.
        @Option(name: .customLong("inbox-lang"), help: ArgumentHelp(InboxCLIMsg.optInboxLang)) var inboxLanguage: String?
        @Option(help: ArgumentHelp(SchedulerMsg.optQuietHours, valueName: "periods")) var quietHours: String?

        func run() throws {
            let (app, caller) = try global.session()
            var changes = RiderChanges()
            changes.language = inboxLanguage
            changes.quietHours = quietHours
            changes.name = name
            changes.phone = phone
            changes.platform = platform
            changes.partyMember = partyMember
            if noBranch { changes.branch = .some(nil) } else if let branch { changes.branch = .some(branch) }
            let profile = try app.updateRider(caller, id: id, changes)
            try Output.emit(RiderJSON(profile), json: global.json) { RiderJSON.printHuman(profile) }
        }
    }

    struct Deactivate: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.ridersDeactivateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRiderID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let profile = try app.deactivateRider(caller, id: id)
            try Output.emit(RiderJSON(profile), json: global.json) {
                Console.current.out(CLIMsg.riderDeactivated.text(["name": profile.name, "id": profile.id]))
            }
        }
    }

    struct Reactivate: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.ridersReactivateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRiderID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let profile = try app.reactivateRider(caller, id: id)
            try Output.emit(RiderJSON(profile), json: global.json) {
                Console.current.out(CLIMsg.riderReactivated.text(["name": profile.name, "id": profile.id]))
            }
        }
    }

    struct IssueToken: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "token", abstract: CLIMsg.ridersTokenAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argRiderID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.issueRiderToken(caller, id: id)
            try Output.emit(RiderJSON(issued.profile, token: issued.token), json: global.json) {
                Console.current.out(CLIMsg.riderNewToken.text(["name": issued.profile.name, "token": issued.token]))
            }
        }
    }
}

extension RiderFilter.Status: ExpressibleByArgument {}

/// The human form of a rider profile; the JSON shape is `TuanjuViews.RiderJSON`.
extension RiderJSON {
    static func printHuman(_ profile: RiderProfile) {
        Output.fields([
            (CLIMsg.labelID.text, profile.id), (CLIMsg.labelName.text, profile.name), (CLIMsg.labelPhone.text, profile.phone),
            (CLIMsg.labelPlatform.text, profile.platform.localized), (CLIMsg.labelPartyMember.text, profile.partyMember.localized),
            (CLIMsg.labelBranch.text, profile.branch ?? "-"),
            (CLIMsg.labelStatus.text, (profile.active ? CLIMsg.statusActive : CLIMsg.statusDeactivated).text),
            (CLIMsg.labelRegistered.text, DisplayTime.of(profile.registeredAt)),
            (SchedulerMsg.labelQuietHours.text, profile.quietHours),
        ])
    }
}
