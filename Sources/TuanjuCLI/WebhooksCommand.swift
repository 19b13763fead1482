import ArgumentParser
import Foundation
import Notifier
import Reports
import TuanjuCore
import TuanjuService

struct WebhooksCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "webhooks", abstract: CLIMsg.webhooksAbstract.text,
            subcommands: [Add.self, List.self, Remove.self, RotateSecret.self, Enable.self, Deliver.self, RunForever.self,
                          Deliveries.self, Replay.self, Events.self])
    }

    struct EndpointJSON: Encodable {
        let id: String
        let url: String
        let events: [String]
        let enabled: Bool
        let disabled_reason: String?
        let allow_private: Bool
        let created_at: String
        let secret: String?

        init(_ endpoint: WebhookEndpoint, showSecret: Bool = false) {
            id = endpoint.id
            url = endpoint.url
            events = endpoint.events == "*" ? ["all"] : endpoint.events.split(separator: ",").map(String.init)
            enabled = endpoint.enabled
            disabled_reason = endpoint.disabledReason
            allow_private = endpoint.allowPrivate
            created_at = endpoint.createdAt
            secret = showSecret ? endpoint.secret : nil
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksAddAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argWebhookURL)) var url: String
        @Option(help: ArgumentHelp(.optWebhookEvents)) var events: String
        @Flag(help: ArgumentHelp(.optAllowPrivate)) var allowPrivate = false

        func run() throws {
            let (app, caller) = try global.session()
            let endpoint = try app.addWebhook(caller, url: url, events: events, allowPrivate: allowPrivate)
            try Output.emit(EndpointJSON(endpoint, showSecret: true), json: global.json) {
                Console.current.out(CLIMsg.webhookAdded.text(["id": endpoint.id, "url": endpoint.url]))
                Console.current.out(CLIMsg.webhookSecretOnce.text(["secret": endpoint.secret]))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colURL.text, CLIMsg.colEvents.text, CLIMsg.colStatus.text],
                fetch: { page in try app.listWebhooks(caller, page: page) },
                encode: { EndpointJSON($0) },
                cells: { endpoint in
                    [endpoint.id, endpoint.url, endpoint.events == "*" ? "all" : endpoint.events,
                     endpoint.enabled ? CLIMsg.statusActive.text : (endpoint.disabledReason ?? CLIMsg.statusDeactivated.text)]
                })
        }
    }

    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksRemoveAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argWebhookID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let endpoint = try app.removeWebhook(caller, id: id)
            try Output.emit(EndpointJSON(endpoint), json: global.json) {
                Console.current.out(CLIMsg.webhookRemoved.text(["id": endpoint.id]))
            }
        }
    }

    struct RotateSecret: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "rotate-secret", abstract: CLIMsg.webhooksRotateAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argWebhookID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let endpoint = try app.rotateWebhookSecret(caller, id: id)
            try Output.emit(EndpointJSON(endpoint, showSecret: true), json: global.json) {
                Console.current.out(CLIMsg.webhookSecretOnce.text(["secret": endpoint.secret]))
            }
        }
    }

    struct Enable: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksEnableAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argWebhookID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let endpoint = try app.enableWebhook(caller, id: id)
            try Output.emit(EndpointJSON(endpoint), json: global.json) {
                Console.current.out(CLIMsg.webhookEnabled.text(["id": endpoint.id]))
            }
        }
    }

    struct Deliver: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksDeliverAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(.optUntilIdle)) var untilIdle = false
        @Option(help: ArgumentHelp(.optMaxSeconds)) var maxSeconds: Double?

        struct JSON: Encodable {
            let delivered: Int
            let retrying: Int
            let dead: Int
            let held: Int
        }

        func run() throws {
            let (app, caller) = try global.session()
            let console = Console.current
            let summary = try app.deliverWebhooks(caller, untilIdle: untilIdle, maxSeconds: maxSeconds) { summary in
                console.progress(CLIMsg.deliverProgress.text(["delivered": "\(summary.delivered)", "retrying": "\(summary.retrying)"]))
            }
            console.endProgress()
            try Output.emit(JSON(delivered: summary.delivered, retrying: summary.retrying, dead: summary.dead, held: summary.held),
                            json: global.json) {
                console.out(CLIMsg.deliverSummary.text([
                    "delivered": "\(summary.delivered)", "retrying": "\(summary.retrying)", "dead": "\(summary.dead)",
                    "held": "\(summary.held)",
                ]))
            }
        }
    }

    struct RunForever: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "run", abstract: CLIMsg.webhooksRunAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optInterval)) var interval: Double = 1
        @Option(name: .customLong("open311-interval"), help: ArgumentHelp(AgencyMsg.optInterval, valueName: "seconds"))
        var open311Interval = 60

        func validate() throws { try AgencyLoop.validate(open311Interval) }

        func run() throws {
            let (app, caller) = try global.session()
            let stop = StopSignal()
            AgencyLoop.start(app, interval: open311Interval) { stop.requested }
            let console = Console.current
            let summary = try app.runWebhooks(caller, interval: interval, shouldStop: { stop.requested }) { total in
                console.progress(CLIMsg.deliverProgress.text(["delivered": "\(total.delivered)", "retrying": "\(total.retrying)"]))
            }
            console.endProgress()
            try Output.emit(Deliver.JSON(delivered: summary.delivered, retrying: summary.retrying, dead: summary.dead, held: summary.held),
                            json: global.json) {
                console.out(CLIMsg.deliverSummary.text([
                    "delivered": "\(summary.delivered)", "retrying": "\(summary.retrying)", "dead": "\(summary.dead)",
                    "held": "\(summary.held)",
                ]))
            }
        }
    }

    struct Deliveries: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksDeliveriesAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optDeliveryStatus)) var status: String?
        @OptionGroup var paging: PagingOptions

        /// Every key always present: the optional ones are written as `null`, never left out (CLI.md).
        struct JSON: Encodable {
            let id: String
            let endpoint_id: String
            let event_seq: Int64
            let status: String
            let attempts: Int
            let next_attempt_at: String
            let last_status: Int?
            let last_error: String?
            let delivered_at: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(endpoint_id, forKey: .endpoint_id)
                try container.encode(event_seq, forKey: .event_seq)
                try container.encode(status, forKey: .status)
                try container.encode(attempts, forKey: .attempts)
                try container.encode(next_attempt_at, forKey: .next_attempt_at)
                try container.encode(last_status, forKey: .last_status)
                try container.encode(last_error, forKey: .last_error)
                try container.encode(delivered_at, forKey: .delivered_at)
            }

            private enum CodingKeys: String, CodingKey {
                case id, endpoint_id, event_seq, status, attempts, next_attempt_at, last_status, last_error, delivered_at
            }
        }

        func run() throws {
            let (app, caller) = try global.session()
            if let status, !["pending", "delivered", "dead", "held"].contains(status) {
                throw InputError.invalid(.deliveryStatusInvalid, ["value": status])
            }
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colEndpoint.text, CLIMsg.colStatus.text, CLIMsg.colAttempts.text, CLIMsg.colReason.text],
                fetch: { page in try app.listDeliveries(caller, state: status, page: page) },
                encode: {
                    JSON(id: $0.id, endpoint_id: $0.endpointId, event_seq: $0.eventSeq, status: $0.state, attempts: $0.attempts,
                         next_attempt_at: $0.nextAttemptAt, last_status: $0.lastStatus, last_error: $0.lastError,
                         delivered_at: $0.deliveredAt)
                },
                cells: { delivery in
                    [delivery.id, delivery.endpointId, delivery.state, "\(delivery.attempts)",
                     delivery.lastError ?? delivery.lastStatus.map { "HTTP \($0)" } ?? ""]
                })
        }
    }

    struct Replay: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.webhooksReplayAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argDeliveryID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let delivery = try app.replayDelivery(caller, id: id)
            try Output.emit(["id": delivery.id, "status": delivery.state], json: global.json) {
                Console.current.out(CLIMsg.deliveryReplayed.text(["id": delivery.id]))
            }
        }
    }
}
