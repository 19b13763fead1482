import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

struct ActivitiesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "activities", abstract: EngageCLIMsg.activitiesAbstract.text,
            subcommands: [
                List.self, Signup.self, Cancel.self, Attendees.self, Checkin.self, Add.self, Update.self, Retire.self,
                Schedule.self, Reschedule.self, Resize.self, CancelSession.self,
            ])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.activitiesListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(EngageCLIMsg.optActivityKind, valueName: "health|affairs|skills")) var kind: String?
        @Flag(help: ArgumentHelp(EngageCLIMsg.optPast)) var past = false
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
                headers: [EngageCLIMsg.colSession.text, CLIMsg.colTitle.text, EngageCLIMsg.colWhen.text, EngageCLIMsg.colPlace.text,
                          EngageCLIMsg.colPlaces.text, EngageCLIMsg.colMine.text],
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.signupAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String

        func run() throws {
            let (app, caller) = try global.session()
            let signup = try app.signUp(caller, sessionID: session)
            try Output.emit(SignupJSON(signup), json: global.json) {
                if signup.state == .confirmed {
                    Console.current.out(EngageCLIMsg.signedUp.text(["id": session]))
                } else {
                    Console.current.out(EngageCLIMsg.waitlisted.text(["id": session, "position": "\(signup.waitlistPosition ?? 0)"]))
                }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.cancelAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String

        func run() throws {
            let (app, caller) = try global.session()
            let (signup, promoted) = try app.cancelSignup(caller, sessionID: session)
            try Output.emit(SignupCancelJSON(signup, promoted: promoted), json: global.json) {
                Console.current.out(EngageCLIMsg.cancelled.text(["id": session]))
                if let promoted { Console.current.out(EngageCLIMsg.promoted.text(["rider": promoted.riderID])) }
            }
        }
    }

    struct Attendees: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.attendeesAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colRider.text, CLIMsg.colName.text, CLIMsg.colStatus.text, EngageCLIMsg.colCheckedIn.text],
                fetch: { page in try app.attendees(caller, sessionID: session, page: page).map { AttendeeJSON($0.signup, name: $0.name) } },
                encode: { $0 },
                cells: { row in
                    [row.rider_id, row.name, row.waitlist_position.map { "waiting #\($0)" } ?? row.state,
                     row.checked_in_at.map(DisplayTime.of) ?? ""]
                })
        }
    }

    struct Checkin: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.checkinAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSessionID)) var session: String
        @Argument(help: ArgumentHelp(.argRiderID)) var rider: String

        func run() throws {
            let (app, caller) = try global.session()
            let (signup, awarded) = try app.checkIn(caller, sessionID: session, riderID: rider)
            try Output.emit(CheckInJSON(signup, awarded: awarded), json: global.json) {
                Console.current.out(EngageCLIMsg.checkedIn.text(["rider": rider, "id": session]))
                if awarded > 0 { Console.current.out(ProgrammeMsg.checkedInPaid.text(["points": "\(awarded)"])) }
            }
        }
    }
}

struct LessonsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lessons", abstract: EngageCLIMsg.lessonsAbstract.text,
            subcommands: [List.self, Show.self, Complete.self, Add.self, Update.self, Retire.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.lessonsListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colTitle.text, CLIMsg.colPoints.text, EngageCLIMsg.colDone.text],
                fetch: { page in try app.lessons(caller, page: page) },
                encode: { LessonJSON($0.0, completedAt: $0.completedAt) },
                cells: { lesson, completed in
                    [lesson.id, localizedName(en: lesson.title, zh: lesson.titleZh), "\(lesson.points)", completed.map(DisplayTime.of) ?? ""]
                })
        }
    }

    struct Complete: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.lessonsCompleteAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argLessonID)) var lesson: String
        @Option(help: ArgumentHelp(LessonMsg.optAnswers, valueName: "file.json")) var answers: String?

        func run() throws {
            let (app, caller) = try global.session()
            let submission = try answers.map { path in try SurveySubmission.parse(try readInputFile(path)) }
            let outcome = try app.completeLesson(caller, id: lesson, answers: submission)
            try Output.emit(LessonCompleteJSON(outcome), json: global.json) {
                let title = localizedName(en: outcome.lesson.title, zh: outcome.lesson.titleZh)
                if let quiz = outcome.quiz {
                    let result = quiz.result
                    let arguments = ["title": title, "correct": "\(result.correct)", "total": "\(result.total)", "score": "\(result.score)",
                                     "points": "\(outcome.awarded)", "pass_mark": "\(result.passMark)", "left": "\(quiz.attemptsLeft)"]
                    Console.current.out((result.passed ? LessonMsg.passed : LessonMsg.failed).text(arguments))
                } else {
                    Console.current.out(EngageCLIMsg.lessonDone.text(["title": title, "points": "\(outcome.awarded)"]))
                }
            }
        }
    }
}

/// The bytes of an input file named on the command line (66 when missing or unreadable).
func readInputFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError.missingFile(path: path, reason: String(cString: strerror(errno)))
    }
    return data
}
