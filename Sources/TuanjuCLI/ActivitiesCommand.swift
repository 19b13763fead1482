import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

struct ActivitiesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "activities", abstract: EngageMsg.activitiesAbstract.text,
            subcommands: [List.self, Signup.self, Cancel.self, Attendees.self, Checkin.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.activitiesListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(EngageMsg.optActivityKind, valueName: "health|affairs|skills")) var kind: String?
        @Flag(help: ArgumentHelp(EngageMsg.optPast)) var past = false
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let chosen = try kind.map { text throws(InputError) -> Activity.Kind in
                guard let kind = Activity.Kind(rawValue: text.lowercased()) else {
                    throw .invalid(EngageMsg.activityKindUnknown, ["value": text, "known": "health, affairs, skills"])
                }
                return kind
            }
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [EngageMsg.colSession.text, Msg.colTitle.text, EngageMsg.colWhen.text, EngageMsg.colPlace.text,
                          EngageMsg.colPlaces.text, EngageMsg.colMine.text],
                fetch: { page in try app.activitySessions(caller, kind: chosen, includePast: past, page: page) },
                encode: SessionJSON.init,
                cells: { entry in
                    [entry.session.id, localizedName(en: entry.activity.title, zh: entry.activity.titleZh),
                     DisplayTime.of(entry.session.startsAt), entry.session.place,
                     "\(entry.session.signedUp)/\(entry.session.capacity)" + (entry.session.waiting > 0 ? " +\(entry.session.waiting)" : ""),
                     entry.mine.map { $0.state.rawValue } ?? ""]
                })
        }
    }

    struct Signup: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.signupAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argSessionID)) var session: String

        func run() throws {
            let (app, caller) = try global.session()
            let signup = try app.signUp(caller, sessionID: session)
            try Output.emit(SignupJSON(signup), json: global.json) {
                if signup.state == .confirmed {
                    Console.current.out(EngageMsg.signedUp.text(["id": session]))
                } else {
                    Console.current.out(EngageMsg.waitlisted.text(["id": session, "position": "\(signup.waitlistPosition ?? 0)"]))
                }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.cancelAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argSessionID)) var session: String

        func run() throws {
            let (app, caller) = try global.session()
            let (signup, promoted) = try app.cancelSignup(caller, sessionID: session)
            try Output.emit(SignupCancelJSON(signup, promoted: promoted), json: global.json) {
                Console.current.out(EngageMsg.cancelled.text(["id": session]))
                if let promoted { Console.current.out(EngageMsg.promoted.text(["rider": promoted.riderID])) }
            }
        }
    }

    struct Attendees: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.attendeesAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argSessionID)) var session: String
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [Msg.colRider.text, Msg.colName.text, Msg.colStatus.text, EngageMsg.colCheckedIn.text],
                fetch: { page in try app.attendees(caller, sessionID: session, page: page).map { AttendeeJSON($0.signup, name: $0.name) } },
                encode: { $0 },
                cells: { row in
                    [row.rider_id, row.name, row.waitlist_position.map { "waiting #\($0)" } ?? row.state,
                     row.checked_in_at.map(DisplayTime.of) ?? ""]
                })
        }
    }

    struct Checkin: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.checkinAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argSessionID)) var session: String
        @Argument(help: ArgumentHelp(.argRiderID)) var rider: String

        func run() throws {
            let (app, caller) = try global.session()
            let signup = try app.checkIn(caller, sessionID: session, riderID: rider)
            try Output.emit(SignupJSON(signup), json: global.json) {
                Console.current.out(EngageMsg.checkedIn.text(["rider": rider, "id": session]))
            }
        }
    }
}

struct LessonsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "lessons", abstract: EngageMsg.lessonsAbstract.text, subcommands: [List.self, Complete.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.lessonsListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [Msg.colID.text, Msg.colTitle.text, Msg.colPoints.text, EngageMsg.colDone.text],
                fetch: { page in try app.lessons(caller, page: page) },
                encode: { LessonJSON($0.0, completedAt: $0.completedAt) },
                cells: { lesson, completed in
                    [lesson.id, localizedName(en: lesson.title, zh: lesson.titleZh), "\(lesson.points)", completed.map(DisplayTime.of) ?? ""]
                })
        }
    }

    struct Complete: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.lessonsCompleteAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argLessonID)) var lesson: String

        func run() throws {
            let (app, caller) = try global.session()
            let (done, awarded) = try app.completeLesson(caller, id: lesson)
            try Output.emit(LessonCompleteJSON(done, awarded: awarded), json: global.json) {
                Console.current.out(EngageMsg.lessonDone.text(["title": localizedName(en: done.title, zh: done.titleZh), "points": "\(awarded)"]))
            }
        }
    }
}
