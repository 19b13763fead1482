import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService

struct ActivitiesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "activities", abstract: EngageMsg.activitiesAbstract.text,
            subcommands: [List.self, Signup.self, Cancel.self, Attendees.self, Checkin.self])
    }

    struct SignupJSON: Encodable {
        let session_id: String
        let rider_id: String
        let state: String
        let waitlist_position: Int?
        let checked_in_at: String?

        init(_ signup: Engagement.Signup) {
            session_id = signup.sessionID
            rider_id = signup.riderID
            state = signup.state.rawValue
            waitlist_position = signup.waitlistPosition
            checked_in_at = signup.checkedInAt
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.activitiesListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(EngageMsg.optActivityKind, valueName: "health|affairs|skills")) var kind: String?
        @Flag(help: ArgumentHelp(EngageMsg.optPast)) var past = false

        struct SessionJSON: Encodable {
            let session_id: String
            let activity_id: String
            let kind: String
            let title: String
            let title_zh: String
            let starts_at: String
            let ends_at: String
            let place: String
            let capacity: Int
            let signed_up: Int
            let waiting: Int
            let mine: SignupJSON?
        }

        func run() throws {
            let chosen = try kind.map { text throws(InputError) -> Activity.Kind in
                guard let kind = Activity.Kind(rawValue: text.lowercased()) else {
                    throw .invalid(EngageMsg.activityKindUnknown, ["value": text, "known": "health, affairs, skills"])
                }
                return kind
            }
            let (app, caller) = try global.session()
            let listings = try app.activitySessions(caller, kind: chosen, includePast: past)
            let json = listings.map { entry in
                SessionJSON(session_id: entry.session.id, activity_id: entry.activity.id, kind: entry.activity.kind.rawValue,
                            title: entry.activity.title, title_zh: entry.activity.titleZh, starts_at: entry.session.startsAt,
                            ends_at: entry.session.endsAt, place: entry.session.place, capacity: entry.session.capacity,
                            signed_up: entry.session.signedUp, waiting: entry.session.waiting, mine: entry.mine.map(SignupJSON.init))
            }
            try Output.emit(json, json: global.json) {
                var table = Table([EngageMsg.colSession.text, Msg.colTitle.text, EngageMsg.colWhen.text, EngageMsg.colPlace.text,
                                   EngageMsg.colPlaces.text, EngageMsg.colMine.text])
                for entry in listings {
                    table.add([entry.session.id, localizedName(en: entry.activity.title, zh: entry.activity.titleZh),
                               DisplayTime.of(entry.session.startsAt), entry.session.place,
                               "\(entry.session.signedUp)/\(entry.session.capacity)" + (entry.session.waiting > 0 ? " +\(entry.session.waiting)" : ""),
                               entry.mine.map { $0.state.rawValue } ?? ""])
                }
                table.print()
            }
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

        struct Result: Encodable {
            let signup: SignupJSON
            let promoted: SignupJSON?
        }

        func run() throws {
            let (app, caller) = try global.session()
            let (signup, promoted) = try app.cancelSignup(caller, sessionID: session)
            try Output.emit(Result(signup: SignupJSON(signup), promoted: promoted.map(SignupJSON.init)), json: global.json) {
                Console.current.out(EngageMsg.cancelled.text(["id": session]))
                if let promoted { Console.current.out(EngageMsg.promoted.text(["rider": promoted.riderID])) }
            }
        }
    }

    struct Attendees: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.attendeesAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argSessionID)) var session: String

        struct Row: Encodable {
            let rider_id: String
            let name: String
            let state: String
            let waitlist_position: Int?
            let checked_in_at: String?
        }

        func run() throws {
            let (app, caller) = try global.session()
            let people = try app.attendees(caller, sessionID: session)
            let rows = people.map {
                Row(rider_id: $0.signup.riderID, name: $0.name, state: $0.signup.state.rawValue,
                    waitlist_position: $0.signup.waitlistPosition, checked_in_at: $0.signup.checkedInAt)
            }
            try Output.emit(rows, json: global.json) {
                var table = Table([Msg.colRider.text, Msg.colName.text, Msg.colStatus.text, EngageMsg.colCheckedIn.text])
                for row in rows {
                    table.add([row.rider_id, row.name, row.waitlist_position.map { "waiting #\($0)" } ?? row.state,
                               row.checked_in_at.map(DisplayTime.of) ?? ""])
                }
                table.print()
            }
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

        struct LessonJSON: Encodable {
            let id: String
            let title: String
            let title_zh: String
            let summary: String
            let link: String
            let points: Int
            let completed_at: String?
        }

        func run() throws {
            let (app, caller) = try global.session()
            let lessons = try app.lessons(caller)
            let json = lessons.map { lesson, completed in
                LessonJSON(id: lesson.id, title: lesson.title, title_zh: lesson.titleZh, summary: lesson.summary, link: lesson.link,
                           points: lesson.points, completed_at: completed)
            }
            try Output.emit(json, json: global.json) {
                var table = Table([Msg.colID.text, Msg.colTitle.text, Msg.colPoints.text, EngageMsg.colDone.text])
                for (lesson, completed) in lessons {
                    table.add([lesson.id, localizedName(en: lesson.title, zh: lesson.titleZh), "\(lesson.points)",
                               completed.map(DisplayTime.of) ?? ""])
                }
                table.print()
            }
        }
    }

    struct Complete: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageMsg.lessonsCompleteAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageMsg.argLessonID)) var lesson: String

        struct Result: Encodable {
            let lesson_id: String
            let points_awarded: Int
        }

        func run() throws {
            let (app, caller) = try global.session()
            let (done, awarded) = try app.completeLesson(caller, id: lesson)
            try Output.emit(Result(lesson_id: done.id, points_awarded: awarded), json: global.json) {
                Console.current.out(EngageMsg.lessonDone.text(["title": localizedName(en: done.title, zh: done.titleZh), "points": "\(awarded)"]))
            }
        }
    }
}
