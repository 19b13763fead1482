import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

struct DoctorCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "doctor", abstract: OpsMsg.doctorAbstract.text, discussion: OpsMsg.doctorDiscussion.text)
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let problems: [DoctorProblem]
        do {
            let (app, caller) = try global.session()
            problems = try app.doctor(caller)
        } catch let fault as MachineError {
            guard case .damaged = fault else { throw fault }
            // The tokens live in the damaged file, so nobody can be authenticated: say what SQLite finds, no more.
            let findings = Tuanju.damageFindings(global.dataDirectory)
            try Output.emit(DoctorJSON(findings), json: global.json) {
                for problem in findings { Console.current.out(OpsMsg.doctorProblem.text(["check": problem.check, "detail": problem.detail])) }
            }
            throw fault
        }
        try Output.emit(DoctorJSON(problems), json: global.json) {
            if problems.isEmpty { return Console.current.out(OpsMsg.doctorHealthy.text(["count": "\(Tuanju.doctorChecks.count)"])) }
            for problem in problems { Console.current.out(OpsMsg.doctorProblem.text(["check": problem.check, "detail": problem.detail])) }
        }
        if !problems.isEmpty {
            throw CommandFailure(exitCode: ExitCodes.refused, code: "unhealthy",
                                 message: OpsMsg.doctorProblems.text(["count": "\(problems.count)"]))
        }
    }
}

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "audit", abstract: OpsMsg.auditAbstract.text, subcommands: [List.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: OpsMsg.auditListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(OpsMsg.optActor, valueName: "user-id")) var actor: String?
        @Option(help: ArgumentHelp(OpsMsg.optSince, valueName: "iso")) var since: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let sinceDate = try parseTime(since)
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colWhen.text, OpsMsg.colActor.text, OpsMsg.colAction.text, OpsMsg.colTarget.text, OpsMsg.colCommand.text],
                fetch: { page in try app.auditLog(caller, actor: actor, since: sinceDate, page: page) },
                encode: AuditEntryJSON.init,
                cells: { entry in [DisplayTime.of(entry.at), entry.actorID, entry.action, entry.target ?? "", entry.command] })
        }
    }
}

struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: OpsMsg.backupAbstract.text, discussion: OpsMsg.backupDiscussion.text)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(OpsMsg.argBackupDest)) var destination: String

    func run() throws {
        let (app, caller) = try global.session()
        let result = try app.backup(caller, to: destination)
        try Output.emit(result, json: global.json) {
            Console.current.out(OpsMsg.backupDone.text(["path": result.path, "photos": "\(result.photos)"]))
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "restore", abstract: OpsMsg.restoreAbstract.text) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(OpsMsg.argRestoreSource)) var source: String

    func run() throws {
        let result = try Tuanju.restore(from: source, into: global.dataDirectory)
        try Output.emit(result, json: global.json) {
            Console.current.out(OpsMsg.restoreDone.text(["path": result.path, "photos": "\(result.photos)"]))
        }
    }
}

struct PrivacyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "privacy", abstract: OpsMsg.privacyAbstract.text, subcommands: [Purge.self, Erase.self])
    }

    struct Purge: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: OpsMsg.purgeAbstract.text, discussion: OpsMsg.purgeDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(OpsMsg.optPurgeDryRun)) var dryRun = false

        func run() throws {
            let (app, caller) = try global.session()
            let result = try app.purgeExpiredReports(caller, dryRun: dryRun)
            try Output.emit(result, json: global.json) {
                Console.current.out((dryRun ? OpsMsg.purgeDryRun : OpsMsg.purgeDone).text([
                    "reports": "\(result.reports)", "photos": "\(result.photos)",
                ]))
            }
        }
    }

    struct Erase: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: OpsMsg.eraseAbstract.text, discussion: OpsMsg.eraseDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(OpsMsg.argEraseRider)) var rider: String
        @Flag(help: ArgumentHelp(OpsMsg.optEraseDryRun)) var dryRun = false

        func run() throws {
            let (app, caller) = try global.session()
            let result = try app.eraseRider(caller, id: rider, dryRun: dryRun)
            try Output.emit(result, json: global.json) {
                Console.current.out((dryRun ? OpsMsg.eraseDryRun : OpsMsg.eraseDone).text([
                    "id": result.riderId, "claims": "\(result.claimsEnded)", "redemptions": "\(result.redemptionsCancelled)",
                    "signups": "\(result.signupsCancelled)", "responses": "\(result.surveyResponsesDeleted)",
                    "balance": "\(result.balance)",
                ]))
            }
        }
    }
}
