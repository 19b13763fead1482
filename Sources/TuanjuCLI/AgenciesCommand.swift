import ArgumentParser
import Foundation
import Synchronization
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

/// `tuanju agencies add|update|list|retire`: the bodies reports are dispatched to.
struct AgenciesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agencies", abstract: AgencyMsg.abstract.text, subcommands: [Add.self, Update.self, List.self, Retire.self, Sync.self])
    }

    /// The options `add` and `update` share.
    struct Fields: ParsableArguments {
        @Option(name: .customLong("open311-endpoint"), help: ArgumentHelp(AgencyMsg.optEndpoint, valueName: "url"))
        var endpoint: String?
        @Option(name: .customLong("api-key-file"), help: ArgumentHelp(AgencyMsg.optAPIKeyFile, valueName: "file"))
        var apiKeyFile: String?
        @Option(help: ArgumentHelp(AgencyMsg.optJurisdiction, valueName: "id")) var jurisdiction: String?
        @Option(help: ArgumentHelp(AgencyMsg.optService, valueName: "category=code")) var service: [String] = []
        @Flag(help: ArgumentHelp(AgencyMsg.optAllowPrivate)) var allowPrivate = false

        /// The changes these options ask for; the key is read from its file here so it never passes through argv.
        func changes() throws -> AgencyChanges {
            var changes = AgencyChanges()
            changes.open311Endpoint = endpoint
            changes.jurisdictionID = jurisdiction
            if let apiKeyFile {
                let url = URL(fileURLWithPath: apiKeyFile)
                let data: Data
                do { data = try Data(contentsOf: url) } catch {
                    throw InputError.missingFile(path: apiKeyFile, reason: (error as NSError).localizedDescription)
                }
                changes.apiKey = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                if changes.apiKey?.isEmpty == true { changes.apiKey = " " }  // an empty file is refused, not "remove"
            }
            for mapping in service {
                let (category, code) = try AgencyChanges.service(mapping)
                changes.services[category] = code
            }
            if allowPrivate { changes.allowPrivate = true }
            return changes
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AgencyMsg.addAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(AgencyMsg.argName)) var name: String
        @OptionGroup var fields: Fields

        func run() throws {
            let (app, caller) = try global.session()
            var changes = try fields.changes()
            changes.name = name
            let agency = try app.addAgency(caller, changes)
            try Output.emit(AgencyJSON(agency), json: global.json) {
                Console.current.out(AgencyMsg.added.text(["name": agency.name, "id": agency.id]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AgencyMsg.updateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(AgencyMsg.argID)) var id: String
        @Option(help: ArgumentHelp(AgencyMsg.optName)) var name: String?
        @OptionGroup var fields: Fields
        @Flag(help: ArgumentHelp(AgencyMsg.optClearEndpoint)) var clearEndpoint = false
        @Flag(name: .customLong("clear-api-key"), help: ArgumentHelp(AgencyMsg.optClearAPIKey)) var clearAPIKey = false

        func run() throws {
            let (app, caller) = try global.session()
            var changes = try fields.changes()
            changes.name = name
            if clearEndpoint { changes.open311Endpoint = "" }
            if clearAPIKey { changes.apiKey = "" }
            let agency = try app.updateAgency(caller, id: id, changes)
            try Output.emit(AgencyJSON(agency), json: global.json) {
                Console.current.out(AgencyMsg.updated.text(["name": agency.name, "id": agency.id]))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AgencyMsg.listAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(AgencyMsg.optIncludeRetired)) var includeRetired = false
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, AgencyMsg.colName.text, AgencyMsg.colEndpoint.text, AgencyMsg.colServices.text,
                          AgencyMsg.colState.text],
                fetch: { page in try app.listAgencies(caller, includeRetired: includeRetired, page: page) },
                encode: AgencyJSON.init,
                cells: { agency in
                    let endpoint = agency.open311Endpoint.map { $0 + (agency.hasAPIKey ? " (\(AgencyMsg.keyStored.text))" : "") } ?? "—"
                    let services = agency.services.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    return [agency.id, agency.name, endpoint, services.isEmpty ? "—" : services,
                            (agency.isRetired ? AgencyMsg.stateRetired : AgencyMsg.stateInService).text]
                })
        }
    }

    struct Retire: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AgencyMsg.retireAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(AgencyMsg.argID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let agency = try app.retireAgency(caller, id: id)
            try Output.emit(AgencyJSON(agency), json: global.json) {
                Console.current.out(AgencyMsg.retired.text(["name": agency.name, "id": agency.id]))
            }
        }
    }

    struct Sync: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AgencyMsg.syncAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ReportCLIMsg.optMediaBase, valueName: "url")) var mediaBaseURL: String?

        func run() throws {
            let (app, caller) = try global.session()
            let base = mediaBaseURL ?? Console.current.environment["TUANJU_MEDIA_BASE_URL"]
            let summary = try app.syncAgencies(caller, mediaBaseURL: base)
            try Output.emit(AgencySyncJSON(summary), json: global.json) {
                let json = AgencySyncJSON(summary)
                Console.current.out(AgencyMsg.syncSummary.text([
                    "sent": "\(json.sent)", "retrying": "\(json.retrying)", "dead": "\(json.dead)", "polled": "\(json.polled)",
                    "updated": "\(json.updated)", "resolved": "\(json.resolved)",
                ]))
            }
        }
    }
}

/// The agency loop beside a long-running command (`serve`, `webhooks run`): a pass at start, then every
/// `interval` seconds, on its own thread, until `stop`. Failures are reported and tried again next pass.
enum AgencyLoop {
    /// Set once when the command that runs the loop stops.
    final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
        func set() { value.store(true, ordering: .sequentiallyConsistent) }
    }

    static func validate(_ interval: Int) throws {
        guard (0...86_400).contains(interval) else { throw ValidationError(AgencyMsg.intervalInvalid.text) }
    }

    static func start(_ app: Tuanju, interval: Int, stop: @escaping @Sendable () -> Bool) {
        guard interval > 0 else { return }
        let console = Console.current
        let base = console.environment["TUANJU_MEDIA_BASE_URL"]
        Thread {
            app.runOpen311Loop(interval: TimeInterval(interval), shouldStop: stop, mediaBaseURL: base) { result in
                if case .failure(let error) = result {
                    console.err(AgencyMsg.loopFailed.text(["reason": (error as? any TuanjuError)?.message ?? "\(error)"]))
                }
            }
        }.start()
    }
}
