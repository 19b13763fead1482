import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

// `activities add/update/retire/schedule/reschedule/resize/cancel-session`: the coordinator runs the programme.

extension ActivitiesCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ProgrammeMsg.addAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ProgrammeMsg.optKind, valueName: "health|affairs|skills")) var kind: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optTitle)) var title: String
        @Option(name: .customLong("title-zh"), help: ArgumentHelp(ProgrammeMsg.optTitleZh)) var titleZh: String?
        @Option(help: ArgumentHelp(ProgrammeMsg.optDescription)) var description: String?

        func run() throws {
            let draft = try ActivityDraft(kind: kind, title: title, titleZh: titleZh, description: description)
            let (app, caller) = try global.session()
            let activity = try app.addActivity(caller, draft)
            try Output.emit(ActivityJSON(activity), json: global.json) {
                Console.current.out(ProgrammeMsg.added.text(["id": activity.id, "title": localizedName(en: activity.title, zh: activity.titleZh)]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ProgrammeMsg.updateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ProgrammeMsg.argActivityID)) var activity: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optKind, valueName: "health|affairs|skills")) var kind: String?
        @Option(help: ArgumentHelp(ProgrammeMsg.optTitle)) var title: String?
        @Option(name: .customLong("title-zh"), help: ArgumentHelp(ProgrammeMsg.optTitleZh)) var titleZh: String?
        @Option(help: ArgumentHelp(ProgrammeMsg.optDescription)) var description: String?

        func run() throws {
            let changes = try ActivityChanges(kind: kind, title: title, titleZh: titleZh, description: description)
            let (app, caller) = try global.session()
            let updated = try app.updateActivity(caller, id: activity, changes)
            try Output.emit(ActivityJSON(updated), json: global.json) {
                Console.current.out(ProgrammeMsg.updated.text(["id": updated.id]))
            }
        }
    }

    struct Retire: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ProgrammeMsg.retireAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ProgrammeMsg.argActivityID)) var activity: String

        func run() throws {
            let (app, caller) = try global.session()
            let retired = try app.retireActivity(caller, id: activity)
            try Output.emit(ActivityJSON(retired), json: global.json) {
                Console.current.out(ProgrammeMsg.retired.text(["id": retired.id]))
            }
        }
    }

    struct Schedule: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ProgrammeMsg.scheduleAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ProgrammeMsg.argActivityID)) var activity: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optStarts, valueName: "iso")) var starts: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optEnds, valueName: "iso")) var ends: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optPlace)) var place: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optPoint, valueName: "map-point-id")) var point: String?
        @Option(help: ArgumentHelp(ProgrammeMsg.optCapacity)) var capacity: Int
        @Option(help: ArgumentHelp(ProgrammeMsg.optPoints)) var points: Int = 0

        func run() throws {
            let request = Tuanju.SessionRequest(
                startsAt: try parseTime(starts)!, endsAt: try parseTime(ends)!, place: place, pointID: point, capacity: capacity,
                points: points)
            let (app, caller) = try global.session()
            let listing = try app.scheduleSession(caller, activityID: activity, request)
            try Output.emit(SessionJSON(listing), json: global.json) {
                Console.current.out(ProgrammeMsg.scheduled.text([
                    "id": listing.session.id, "starts": DisplayTime.of(listing.session.startsAt), "place": listing.session.place,
                    "capacity": "\(listing.session.capacity)",
                ]))
            }
        }
    }

    struct Reschedule: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ProgrammeMsg.rescheduleAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optStarts, valueName: "iso")) var starts: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optEnds, valueName: "iso")) var ends: String

        func run() throws {
            let (startsAt, endsAt) = (try parseTime(starts)!, try parseTime(ends)!)
            let (app, caller) = try global.session()
            let listing = try app.rescheduleSession(caller, id: session, startsAt: startsAt, endsAt: endsAt)
            try Output.emit(SessionJSON(listing), json: global.json) {
                Console.current.out(ProgrammeMsg.rescheduled.text(["id": session, "starts": DisplayTime.of(listing.session.startsAt)]))
            }
        }
    }

    struct Resize: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ProgrammeMsg.resizeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optCapacity)) var capacity: Int

        func run() throws {
            let (app, caller) = try global.session()
            let (listing, promoted) = try app.resizeSession(caller, id: session, capacity: capacity)
            try Output.emit(ResizeJSON(listing, promoted: promoted), json: global.json) {
                Console.current.out(ProgrammeMsg.resized.text([
                    "id": session, "capacity": "\(listing.session.capacity)", "taken": "\(listing.session.signedUp)",
                ]))
                for signup in promoted { Console.current.out(ProgrammeMsg.promotedRider.text(["rider": signup.riderID])) }
            }
        }
    }

    struct CancelSession: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "cancel-session", abstract: ProgrammeMsg.cancelSessionAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optReason)) var reason: String

        func run() throws {
            let (app, caller) = try global.session()
            let (listing, released) = try app.cancelSession(caller, id: session, reason: reason)
            try Output.emit(SessionCancelJSON(listing, released: released), json: global.json) {
                Console.current.out(ProgrammeMsg.sessionCancelledOut.text(["id": session]))
                Console.current.out(ProgrammeMsg.releasedCount.text(["count": "\(released.count)"]))
            }
        }
    }
}
