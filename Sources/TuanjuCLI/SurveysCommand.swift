import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

struct SurveysCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "surveys", abstract: EngageCLIMsg.surveysAbstract.text,
            subcommands: [List.self, Show.self, Answer.self, Portrait.self, Publish.self, Close.self, Reopen.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.surveysListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, EngageCLIMsg.colVersion.text, SurveyPublishMsg.colState.text, CLIMsg.colTitle.text,
                          EngageCLIMsg.colQuestions.text],
                fetch: { page in try app.surveys(caller, page: page) },
                encode: SurveyJSON.init,
                cells: { status in
                    let survey = status.definition
                    let state = status.closedAt == nil ? SurveyPublishMsg.stateOpen : SurveyPublishMsg.stateClosed
                    return [survey.id, "\(survey.version)", state.text, survey.title.text(), "\(survey.questions.count)"]
                })
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EngageCLIMsg.surveysShowAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSurveyID)) var id: String
        @Option(help: ArgumentHelp(SurveyPublishMsg.optVersion)) var version: Int?

        func run() throws {
            if let version, version < 1 { throw InputError.invalid(SurveyPublishMsg.versionInvalid, ["value": "\(version)"]) }
            let (app, caller) = try global.session()
            let status = try app.survey(caller, id: id, version: version)
            let survey = status.definition
            try Output.emit(SurveyJSON(status), json: global.json) {
                Console.current.out("\(survey.title.text()) (\(survey.id) v\(survey.version))")
                let latest = ["latest": "\(status.latestVersion)"]
                Console.current.out(status.closedAt.map { SurveyPublishMsg.showClosed.text(latest.merging(["time": DisplayTime.of($0)]) { $1 }) }
                    ?? SurveyPublishMsg.showOpen.text(latest))
                for question in survey.questions {
                    let marker = question.required ? "*" : " "
                    Console.current.out("\(marker) \(question.id) [\(question.kind.typeName)] \(question.prompt.text())")
                    for option in question.kind.options { Console.current.out("      \(option.id): \(option.label.text())") }
                    if let condition = question.shownIf {
                        Console.current.out("      " + EngageCLIMsg.shownIf.text(["question": condition.question, "test": condition.testText]))
                    }
                }
            }
        }
    }

    struct Answer: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: EngageCLIMsg.surveysAnswerAbstract.text, discussion: EngageCLIMsg.surveysAnswerDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSurveyID)) var id: String
        @Option(help: ArgumentHelp(EngageCLIMsg.optAnswers, valueName: "file.json")) var answers: String

        func run() throws {
            let (app, caller) = try global.session()
            guard let data = FileManager.default.contents(atPath: answers) else {
                throw InputError.missingFile(path: answers, reason: String(cString: strerror(errno)))
            }
            let (response, replaced) = try app.answerSurvey(caller, id: id, submission: try SurveySubmission.parse(data))
            let result = SurveyAnswerJSON(response, replaced: replaced)
            try Output.emit(result, json: global.json) {
                Console.current.out((replaced ? EngageCLIMsg.answerReplaced : EngageCLIMsg.answerSaved).text([
                    "id": response.surveyID, "count": "\(response.answers.count)",
                ]))
            }
        }
    }

    struct Portrait: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: EngageCLIMsg.portraitAbstract.text, discussion: EngageCLIMsg.portraitDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSurveyID)) var id: String
        @Option(help: ArgumentHelp(EngageCLIMsg.optBy, valueName: "platform|branch|party_member")) var by: String?
        @Option(help: ArgumentHelp(EngageCLIMsg.optPortraitFormat, valueName: "table|csv")) var format = "table"
        @Option(help: ArgumentHelp(SurveyPublishMsg.optVersion)) var version: Int?

        func run() throws {
            let field = try by.map { text throws(InputError) in try PortraitField(parsing: text) }
            guard ["table", "csv"].contains(format) else {
                throw InputError.invalid(EngageCLIMsg.formatUnknown, ["value": format, "known": "table, csv"])
            }
            let (app, caller) = try global.session()
            let portrait = try app.surveyPortrait(caller, id: id, version: version, by: field)
            if global.json { return try Output.json(portrait) }
            if format == "csv" { return Console.current.write(portrait.csv()) }
            PortraitTable.print(portrait)
        }
    }
}

/// The portrait as text: one table per question, a column per group, `<5` where a cell is hidden.
enum PortraitTable {
    static func print(_ portrait: SurveyPortrait) {
        let headers = [EngageCLIMsg.colAnswer.text, EngageCLIMsg.colAll.text] + portrait.groups
        func cell(_ count: PortraitCount) -> String {
            guard let value = count.count else { return count.suppressed ? "<5" : "-" }
            return count.share.map { "\(value) (\(Int(($0 * 100).rounded()))%)" } ?? "\(value)"
        }
        Console.current.out(EngageCLIMsg.portraitRespondents.text(["threshold": "\(portrait.threshold)"]))
        var mix = Table(headers)
        mix.add([portrait.respondents.option, cell(portrait.respondents.all)] + portrait.respondents.groups.map(cell))
        mix.print()
        for question in portrait.questions {
            Console.current.out("")
            Console.current.out("\(question.questionID) [\(question.type)]")
            var table = Table(headers)
            for row in question.rows { table.add([row.option, cell(row.all)] + row.groups.map(cell)) }
            table.print()
        }
    }
}
