import ArgumentParser
import Riders
import TuanjuService

struct RidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riders",
        abstract: "Rider profiles: register, import, show, list, update, deactivate.",
        subcommands: [
            Register.self, Import.self, Show.self, List.self, Update.self,
            Deactivate.self, Reactivate.self, IssueToken.self,
        ])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a rider (coordinator); prints the rider's token once.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The rider's name.") var name: String
        @Option(help: "Mainland mobile number, e.g. 13812341234.") var phone: String
        @Option(help: "meituan, eleme or other.") var platform: String
        @Flag(help: "The rider is a party member.") var partyMember = false
        @Option(help: "Party branch, e.g. the riders' mobile party branch.") var branch: String?

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.registerRider(
                caller, name: name, phone: phone, platform: platform, partyMember: partyMember, branch: branch)
            try Output.emit(RiderJSON(issued.profile, token: issued.token), json: global.json) {
                Console.current.out("Registered \(issued.profile.name) (\(issued.profile.id)).")
                Console.current.out("Rider token (shown once): \(issued.token)")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import riders from CSV (coordinator), upserting by phone.",
            discussion: """
                The header row names the columns: name,phone,platform,party_member,branch (any order). \
                Valid rows are imported and every bad row is reported with its line number; the exit \
                code is 65 when any row was skipped. With --strict, one bad row imports nothing. \
                Importing the same file again creates no duplicates. Imported riders get a token with \
                `tuanju riders token ID`.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Import nothing if any row is bad.") var strict = false

        struct JSON: Encodable {
            let imported: Int
            let updated: Int
            let unchanged: Int
            let skipped: Int
            let errors: [ImportRowError]
        }

        func run() throws {
            let (app, caller) = try global.session()
            let console = Console.current
            let summary = try app.importRiders(caller, path: file, strict: strict) { rows in
                console.progress("riders import: \(rows) rows…")
            }
            console.endProgress()
            try Output.emit(JSON(imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged,
                                 skipped: summary.skipped, errors: summary.errors), json: global.json) {
                for error in summary.errors { console.err("error: line \(error.line): \(error.message)") }
                if summary.skipped > summary.errors.count {
                    console.err("error: \(summary.skipped - summary.errors.count) more bad rows not listed")
                }
                console.out("Imported \(summary.imported) new, updated \(summary.updated), "
                    + "unchanged \(summary.unchanged), skipped \(summary.skipped) bad row(s).")
            }
            if summary.skipped > 0 {
                throw CommandFailure(
                    exitCode: ExitCodes.invalidInput, code: "invalid_input",
                    message: "\(summary.skipped) bad row(s) skipped; the valid rows were imported")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a rider's profile (yourself without ID; coordinators any rider).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rider's ID.") var id: String?

        func run() throws {
            let (app, caller) = try global.session()
            let profile = try app.rider(caller, id: id)
            try Output.emit(RiderJSON(profile), json: global.json) { RiderJSON.printHuman(profile) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List riders with filters (coordinator).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this platform: meituan, eleme or other.") var platform: String?
        @Option(help: "Only party members (true) or non-members (false).") var partyMember: Bool?
        @Option(help: "Only this party branch.") var branch: String?
        @Option(help: "Only names containing this text.") var name: String?
        @Option(help: "active (default), inactive or all.") var status: RiderFilter.Status = .active
        @Option(help: "At most this many (1–1000).") var limit = 50
        @Option(help: "Skip this many first.") var offset = 0

        func run() throws {
            let (app, caller) = try global.session()
            var filter = RiderFilter()
            if let platform { filter.platform = try Platform(parsing: platform) }
            filter.partyMember = partyMember
            filter.branch = branch
            filter.nameContains = name
            filter.status = status
            filter.limit = limit
            filter.offset = offset
            let riders = try app.listRiders(caller, filter)
            try Output.emit(riders.map { RiderJSON($0) }, json: global.json) {
                var table = Table(["ID", "NAME", "PHONE", "PLATFORM", "PARTY", "BRANCH"])
                for rider in riders {
                    table.add([rider.id, rider.name, rider.phone, rider.platform.rawValue,
                               rider.partyMember ? "yes" : "", rider.branch ?? ""])
                }
                table.print()
                Console.current.out("\(riders.count) rider(s)")
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a profile (coordinator, or the rider on their own profile).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rider's ID (riders may leave it out).") var id: String?
        @Option(help: "New name.") var name: String?
        @Option(help: "New phone number.") var phone: String?
        @Option(help: "New platform.") var platform: String?
        @Option(help: "Party member: true or false.") var partyMember: Bool?
        @Option(help: "New party branch.") var branch: String?
        @Flag(help: "Clear the party branch.") var noBranch = false

        func run() throws {
            let (app, caller) = try global.session()
            var changes = RiderChanges()
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
        static let configuration = CommandConfiguration(
            abstract: "Deactivate a rider (coordinator): their token stops working at once.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rider's ID.") var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let profile = try app.deactivateRider(caller, id: id)
            try Output.emit(RiderJSON(profile), json: global.json) {
                Console.current.out("Deactivated \(profile.name) (\(profile.id)).")
            }
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reactivate a rider (coordinator); give them a new token with `riders token`.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rider's ID.") var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let profile = try app.reactivateRider(caller, id: id)
            try Output.emit(RiderJSON(profile), json: global.json) {
                Console.current.out("Reactivated \(profile.name) (\(profile.id)).")
            }
        }
    }

    struct IssueToken: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Issue a new token for a rider (coordinator); older tokens stop working.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rider's ID.") var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.issueRiderToken(caller, id: id)
            try Output.emit(RiderJSON(issued.profile, token: issued.token), json: global.json) {
                Console.current.out("New token for \(issued.profile.name) (shown once): \(issued.token)")
            }
        }
    }
}

extension RiderFilter.Status: ExpressibleByArgument {}

/// The JSON shape of a rider profile (CLI.md: id, name, phone masked, platform, ...).
struct RiderJSON: Encodable {
    let id: String
    let name: String
    let phone: String
    let platform: String
    let party_member: Bool
    let branch: String?
    let active: Bool
    let registered_at: String
    let updated_at: String
    let token: String?

    init(_ profile: RiderProfile, token: String? = nil) {
        id = profile.id
        name = profile.name
        phone = profile.phone
        platform = profile.platform.rawValue
        party_member = profile.partyMember
        branch = profile.branch
        active = profile.active
        registered_at = profile.registeredAt
        updated_at = profile.updatedAt
        self.token = token
    }

    static func printHuman(_ profile: RiderProfile) {
        Output.fields([
            ("ID", profile.id), ("Name", profile.name), ("Phone", profile.phone),
            ("Platform", profile.platform.rawValue), ("Party member", profile.partyMember ? "yes" : "no"),
            ("Branch", profile.branch ?? "-"), ("Status", profile.active ? "active" : "deactivated"),
            ("Registered", profile.registeredAt),
        ])
    }
}
