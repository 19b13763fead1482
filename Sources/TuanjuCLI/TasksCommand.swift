import ArgumentParser
import Foundation
import Governance
import TuanjuCore
import TuanjuService
import TuanjuViews

struct TasksCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tasks", abstract: CLIMsg.tasksAbstract.text,
            subcommands: [
                Create.self, Update.self, Close.self, List.self, Show.self,
                ClaimSeat.self, Release.self, Revoke.self, History.self,
            ])
    }

    struct Create: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksCreateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optRoleCode)) var role: String
        @Option(help: ArgumentHelp(.optTaskTitle)) var title: String
        @Option(help: ArgumentHelp(.optTaskDescription)) var description = ""
        @Option(help: ArgumentHelp(.optCapacity)) var capacity: Int
        @Option(help: ArgumentHelp(.optStarts, valueName: "iso")) var starts: String?
        @Option(help: ArgumentHelp(.optEnds, valueName: "iso")) var ends: String?
        @Option(help: ArgumentHelp(.optTaskPoints)) var points: Int?
        @Option(help: ArgumentHelp(.optArea, valueName: "lat,lon,radius_m")) var area: String?

        func run() throws {
            let (app, caller) = try global.session()
            let draft = try TaskDraft(
                roleCode: role, title: title, description: description, area: try area.map(parseArea),
                capacity: capacity, startsAt: try parseTime(starts), endsAt: try parseTime(ends), points: points)
            let task = try app.createTask(caller, draft)
            try Output.emit(TaskJSON(task), json: global.json) {
                Console.current.out(CLIMsg.taskCreated.text(["id": task.id, "title": task.title, "capacity": "\(task.capacity)"]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksUpdateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argTaskID)) var id: String
        @Option(help: ArgumentHelp(.optTaskTitle)) var title: String?
        @Option(help: ArgumentHelp(.optTaskDescription)) var description: String?
        @Option(help: ArgumentHelp(.optCapacity)) var capacity: Int?
        @Option(help: ArgumentHelp(.optEnds, valueName: "iso")) var ends: String?
        @Option(help: ArgumentHelp(.optTaskPoints)) var points: Int?

        func run() throws {
            let (app, caller) = try global.session()
            var changes = TaskChanges()
            changes.title = title
            changes.description = description
            changes.capacity = capacity
            changes.endsAt = try parseTime(ends)
            changes.points = points
            let task = try app.updateTask(caller, id: id, changes)
            try Output.emit(TaskJSON(task), json: global.json) { TaskJSON.printHuman(task, claimers: nil) }
        }
    }

    struct Close: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksCloseAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argTaskID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let task = try app.closeTask(caller, id: id)
            try Output.emit(TaskJSON(task), json: global.json) {
                Console.current.out(CLIMsg.taskClosedDone.text(["id": task.id, "title": task.title]))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(.optOpenOnly)) var open = false
        @Option(help: ArgumentHelp(.optRoleCode)) var role: String?
        @Option(help: ArgumentHelp(.optNear, valueName: "lat,lon")) var near: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            var filter = TaskFilter()
            filter.openOnly = open
            filter.roleCode = role
            filter.near = try near.map { text throws(InputError) in try Coordinate(parsing: text) }
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colRole.text, CLIMsg.colTitleTask.text, CLIMsg.colSeats.text, CLIMsg.colStatus.text, CLIMsg.colEnds.text],
                fetch: { [filter] page in try app.listTasks(caller, filter, page: page) },
                encode: { TaskJSON($0, near: filter.near) },
                cells: { task in
                    [task.id, task.roleCode, task.title, "\(task.claimed)/\(task.capacity)",
                     TaskJSON.stateText(task), task.endsAt.map(DisplayTime.of) ?? "-"]
                })
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksShowAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argTaskID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let detail = try app.task(caller, id: id)
            try Output.emit(TaskJSON(detail.task, claimers: detail.claimers), json: global.json) {
                TaskJSON.printHuman(detail.task, claimers: detail.claimers)
            }
        }
    }

    struct ClaimSeat: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "claim", abstract: CLIMsg.tasksClaimAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argTaskID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let claim = try app.claimTask(caller, id: id)
            try Output.emit(ClaimJSON(claim), json: global.json) {
                Console.current.out(CLIMsg.taskClaimedDone.text(["task": claim.taskId, "claim": claim.id]))
            }
        }
    }

    struct Release: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksReleaseAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argTaskID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let claim = try app.releaseTask(caller, id: id)
            try Output.emit(ClaimJSON(claim), json: global.json) {
                Console.current.out(CLIMsg.taskReleasedDone.text(["task": claim.taskId]))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.tasksRevokeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argTaskID)) var id: String
        @Argument(help: ArgumentHelp(.argRiderID)) var rider: String
        @Option(help: ArgumentHelp(.optRevokeReason)) var reason: String

        func run() throws {
            let (app, caller) = try global.session()
            let claim = try app.revokeClaim(caller, taskID: id, riderID: rider, reason: reason)
            try Output.emit(ClaimJSON(claim), json: global.json) {
                Console.current.out(CLIMsg.claimRevokedDone.text(["rider": claim.riderId, "task": claim.taskId]))
            }
        }
    }

    struct History: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "claims", abstract: CLIMsg.tasksClaimsAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(.optMine)) var mine = false
        @Option(help: ArgumentHelp(.optTaskFilter)) var task: String?
        @Option(help: ArgumentHelp(.optRiderFilter)) var rider: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            let riderID = mine ? caller.id : rider
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colClaim.text, CLIMsg.colTask.text, CLIMsg.colRider.text, CLIMsg.colStatus.text, CLIMsg.colWhen.text, CLIMsg.colReason.text],
                fetch: { page in try app.claimHistory(caller, taskID: task, riderID: riderID, page: page) },
                encode: ClaimJSON.init,
                cells: { claim in
                    [claim.id, claim.taskId, claim.riderId, claim.state.rawValue,
                     DisplayTime.of(claim.endedAt ?? claim.claimedAt), claim.reason ?? ""]
                })
        }
    }
}

/// `--starts`/`--ends`: ISO-8601 with a zone.
func parseTime(_ text: String?) throws(InputError) -> Date? {
    guard let text else { return nil }
    guard let date = Timestamp.parse(text) else { throw .invalid(.timeInvalid, ["text": text]) }
    return date
}

/// `--area LAT,LON,RADIUS_M`.
func parseArea(_ text: String) throws(InputError) -> (centre: Coordinate, radiusM: Double) {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 3, let radius = Double(parts[2]) else { throw .invalid(.areaInvalid, ["text": text]) }
    return (try Coordinate(parsing: parts[0] + "," + parts[1]), radius)
}
