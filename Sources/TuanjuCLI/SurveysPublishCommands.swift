import ArgumentParser
import Engagement
import Foundation
import TuanjuCore
import TuanjuService
import TuanjuViews

// `surveys publish/close/reopen`: the coordinator runs the questionnaires.

extension SurveysCommand {
    struct Publish: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: SurveyPublishMsg.publishAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(SurveyPublishMsg.argFile, valueName: "file.json")) var file: String

        func run() throws {
            let (app, caller) = try global.session()
            let published = try app.publishSurvey(caller, json: try readInputFile(file), source: file)
            try Output.emit(SurveyPublishJSON(published), json: global.json) {
                let arguments = ["id": published.definition.id, "version": "\(published.definition.version)"]
                Console.current.out((published.changed ? SurveyPublishMsg.published : SurveyPublishMsg.unchanged).text(arguments))
            }
        }
    }

    struct Close: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: SurveyPublishMsg.closeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSurveyID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let definition = try app.closeSurvey(caller, id: id)
            try Output.emit(SurveyStateJSON(definition, open: false), json: global.json) {
                Console.current.out(SurveyPublishMsg.closedOut.text(["id": id]))
            }
        }
    }

    struct Reopen: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: SurveyPublishMsg.reopenAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(EngageCLIMsg.argSurveyID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let definition = try app.reopenSurvey(caller, id: id)
            try Output.emit(SurveyStateJSON(definition, open: true), json: global.json) {
                Console.current.out(SurveyPublishMsg.reopened.text(["id": id]))
            }
        }
    }
}
