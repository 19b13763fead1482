import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuService

extension WebhooksCommand {
    /// `tuanju webhooks events [--json | --markdown]`: the event catalogue.
    struct Events: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: EventsCommandMsg.abstract.text, discussion: EventsCommandMsg.discussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(EventsCommandMsg.optMarkdown)) var markdown = false

        struct EventJSON: Encodable {
            let type: String
            let summary: String
            let schema: PayloadSchema
            let example: JSONValue
        }

        func run() throws {
            if markdown {
                Console.current.write(try EventCatalogue.markdown())
                return
            }
            let events = try EventCatalogue.all()
            if global.json {
                try Output.json(try events.map {
                    EventJSON(type: $0.type, summary: $0.kind.text, schema: $0.schema, example: try JSONValue.parse(Data($0.example.utf8)))
                })
                return
            }
            var table = Table([EventsCommandMsg.colType.text, EventsCommandMsg.colSummary.text])
            for event in events { table.add([event.type, event.kind.text]) }
            for line in table.render() { Console.current.out(line) }
            Console.current.out(EventsCommandMsg.count.text(["count": "\(events.count)"]))
        }
    }
}
