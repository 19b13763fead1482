import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

// `lessons show/add/update/retire`: the coordinator publishes lessons, with quizzes riders must pass.

extension LessonsCommand {
    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: LessonMsg.showAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argLessonID)) var lesson: String

        func run() throws {
            let (app, caller) = try global.session()
            let shown = LessonDetailJSON(try app.lesson(caller, id: lesson))
            try Output.emit(shown, json: global.json) { LessonsCommand.printDetail(shown) }
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: LessonMsg.addAbstract.text, discussion: LessonMsg.quizFormat.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ProgrammeMsg.optTitle)) var title: String
        @Option(name: .customLong("title-zh"), help: ArgumentHelp(ProgrammeMsg.optTitleZh)) var titleZh: String?
        @Option(help: ArgumentHelp(LessonMsg.optSummary)) var summary: String
        @Option(help: ArgumentHelp(LessonMsg.optLink, valueName: "url")) var link: String
        @Option(help: ArgumentHelp(LessonMsg.optPoints)) var points: Int
        @Option(help: ArgumentHelp(LessonMsg.optQuiz, valueName: "file.json")) var quiz: String?

        func run() throws {
            let (app, caller) = try global.session()
            let draft = try LessonDraft(title: title, titleZh: titleZh, summary: summary, link: link, points: points,
                                        quiz: try quiz.map(LessonsCommand.readQuiz))
            let lesson = try app.addLesson(caller, draft)
            try Output.emit(LessonDetailJSON(lesson), json: global.json) {
                Console.current.out(LessonMsg.added.text(["id": lesson.id, "title": localizedName(en: lesson.title, zh: lesson.titleZh)]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: LessonMsg.updateAbstract.text, discussion: LessonMsg.quizFormat.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argLessonID)) var lesson: String
        @Option(help: ArgumentHelp(ProgrammeMsg.optTitle)) var title: String?
        @Option(name: .customLong("title-zh"), help: ArgumentHelp(ProgrammeMsg.optTitleZh)) var titleZh: String?
        @Option(help: ArgumentHelp(LessonMsg.optSummary)) var summary: String?
        @Option(help: ArgumentHelp(LessonMsg.optLink, valueName: "url")) var link: String?
        @Option(help: ArgumentHelp(LessonMsg.optPoints)) var points: Int?
        @Option(help: ArgumentHelp(LessonMsg.optQuiz, valueName: "file.json")) var quiz: String?
        @Flag(name: .customLong("no-quiz"), help: ArgumentHelp(LessonMsg.optNoQuiz)) var noQuiz = false

        func run() throws {
            let (app, caller) = try global.session()
            let changes = try LessonChanges(title: title, titleZh: titleZh, summary: summary, link: link, points: points,
                                            quiz: try quiz.map(LessonsCommand.readQuiz), removeQuiz: noQuiz)
            let updated = try app.updateLesson(caller, id: lesson, changes)
            try Output.emit(LessonDetailJSON(updated), json: global.json) {
                Console.current.out(LessonMsg.updated.text(["id": updated.id]))
            }
        }
    }

    struct Retire: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: LessonMsg.retireAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argLessonID)) var lesson: String

        func run() throws {
            let (app, caller) = try global.session()
            let retired = try app.retireLesson(caller, id: lesson)
            try Output.emit(LessonDetailJSON(retired), json: global.json) {
                Console.current.out(LessonMsg.retired.text(["id": retired.id]))
            }
        }
    }

    static func readQuiz(_ path: String) throws -> LessonQuiz {
        try LessonQuiz.decode(try readInputFile(path), source: path)
    }

    static func printDetail(_ lesson: LessonDetailJSON) {
        Output.fields([
            (CLIMsg.colID.text, lesson.id), (CLIMsg.colTitle.text, localizedName(en: lesson.title, zh: lesson.title_zh)),
            (CLIMsg.colPoints.text, "\(lesson.points)"), ("link", lesson.link),
        ])
        if !lesson.summary.isEmpty { Console.current.out(lesson.summary) }
        guard let quiz = lesson.quiz else { return }
        Console.current.out("")
        for (index, question) in quiz.questions.enumerated() {
            Console.current.out("\(index + 1). [\(question.id), \(question.type)] \(question.prompt)")
            for option in question.options { Console.current.out("   - \(option.id): \(option.label)") }
        }
        Console.current.out(LessonMsg.passMarkLine.text(["pass_mark": "\(quiz.pass_mark)"]))
    }
}
