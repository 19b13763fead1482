import Foundation
import GRDB
import Notifier
import TuanjuCore

extension Tuanju {
    /// `webhooks add` (admin): the secret is in the returned endpoint, shown once by the CLI.
    public func addWebhook(_ caller: Caller, url: String, events: String, allowPrivate: Bool) throws -> WebhookEndpoint {
        let useCase = try useCase(caller, requires: .admin(ServiceMsg.actionManageWebhooks))
        try Self.checkSubscription(events)
        return try useCase.write { work in
            // Hand earlier events to the endpoints that existed then: a new endpoint hears from now on.
            while try Deliveries.fanOut(work.db, at: work.now) > 0 {}
            let endpoint = try Endpoints.add(work.db, url: url, events: events, allowPrivate: allowPrivate, at: work.now)
            try work.audit(.webhookAdded, target: endpoint.id)
            return endpoint
        }
    }

    public func listWebhooks(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<WebhookEndpoint> {
        try caller.requireAdmin(.actionManageWebhooks)
        let page = try page.checked()
        return try Page.slice(try database.read { db in try Endpoints.all(db) }, page, id: \.id)
    }

    public func removeWebhook(_ caller: Caller, id: String) throws -> WebhookEndpoint {
        try useCase(caller, requires: .admin(ServiceMsg.actionManageWebhooks)).write { work in
            let endpoint = try Endpoints.remove(work.db, id: id)
            try work.audit(.webhookRemoved, target: endpoint.id)
            return endpoint
        }
    }

    /// `webhooks rotate-secret`: a new secret; for 24 hours both sign.
    public func rotateWebhookSecret(_ caller: Caller, id: String) throws -> WebhookEndpoint {
        try useCase(caller, requires: .admin(ServiceMsg.actionManageWebhooks)).write { work in
            let endpoint = try Endpoints.rotateSecret(work.db, id: id, at: work.now)
            try work.audit(.webhookSecretRotated, target: endpoint.id)
            return endpoint
        }
    }

    /// `webhooks enable`: after a 410 or a long failure; held deliveries are released.
    public func enableWebhook(_ caller: Caller, id: String) throws -> WebhookEndpoint {
        try useCase(caller, requires: .admin(ServiceMsg.actionManageWebhooks)).write { work in
            let endpoint = try Endpoints.enable(work.db, id: id, at: work.now)
            try work.audit(.webhookEnabled, target: endpoint.id)
            return endpoint
        }
    }

    /// `webhooks deliver` (admin): drains what is due over libcurl (or the given transport).
    public func deliverWebhooks(
        _ caller: Caller, untilIdle: Bool, maxSeconds: TimeInterval?, transport: WebhookTransport = CurlTransport(),
        progress: ((DrainSummary) -> Void)? = nil
    ) throws -> DrainSummary {
        try caller.requireAdmin(.actionManageWebhooks)
        // Written so NaN is refused too (every comparison with NaN is false).
        if let maxSeconds, !(maxSeconds > 0) { throw InputError.invalid(.maxSecondsInvalid) }
        let dispatcher = try dispatcher(transport)
        return try dispatcher.drain(untilIdle: untilIdle, maxSeconds: maxSeconds, progress: progress)
    }

    /// `webhooks run` (admin): delivers until `shouldStop` says so (SIGTERM/SIGINT in the CLI), checking
    /// every `interval` seconds for new events. A stop finishes the pass in flight: its results are recorded.
    public func runWebhooks(
        _ caller: Caller, interval: TimeInterval, shouldStop: @escaping () -> Bool, transport: WebhookTransport = CurlTransport(),
        progress: ((DrainSummary) -> Void)? = nil
    ) throws -> DrainSummary {
        try caller.requireAdmin(.actionManageWebhooks)
        guard interval > 0 else { throw InputError.invalid(.maxSecondsInvalid) }
        let dispatcher = try dispatcher(transport)
        var total = DrainSummary()
        while !shouldStop() {
            let pass = try dispatcher.drain(untilIdle: true, maxSeconds: nil, shouldStop: shouldStop)
            total.delivered += pass.delivered
            total.retrying += pass.retrying
            total.dead += pass.dead
            total.held += pass.held
            progress?(total)
            // Sleep in small steps so a stop is noticed quickly.
            let wake = Date().addingTimeInterval(interval)
            while !shouldStop(), Date() < wake { usleep(50_000) }
        }
        return total
    }

    /// A dispatcher with the admin's settings.
    private func dispatcher(_ transport: WebhookTransport) throws -> Dispatcher {
        var dispatcher = Dispatcher(database: database, transport: transport, clock: clock)
        let days = try database.read { db in try Setting.webhookDisableAfterDays.value(db) }
        dispatcher.policy.disableAfter = Double(days) * 86_400
        return dispatcher
    }

    public func listDeliveries(_ caller: Caller, state: String?, page: PageRequest = PageRequest()) throws -> Page<WebhookDelivery> {
        try caller.requireAdmin(.actionManageWebhooks)
        let page = try page.checked()
        return try database.read { db in try Deliveries.list(db, state: state, page: page) }
    }

    /// `webhooks replay`: a dead delivery goes back in the queue, under the same webhook-id.
    public func replayDelivery(_ caller: Caller, id: String) throws -> WebhookDelivery {
        try useCase(caller, requires: .admin(ServiceMsg.actionManageWebhooks)).write { work in
            let delivery = try Deliveries.replay(work.db, id: id, at: work.now)
            try work.audit(.webhookDeliveryReplayed, target: delivery.id)
            return delivery
        }
    }

    /// `webhooks events`: every event type with its payload schema.
    public func eventCatalogue() throws -> [EventDescription] {
        try EventCatalogue.all()
    }

    /// A subscription names `all` or known event types only: a typo would subscribe to nothing.
    static func checkSubscription(_ events: String) throws {
        for name in Endpoints.eventNames(events) where name != "all" && EventCatalogue.kind(named: name) == nil {
            let suggestions = Suggestion.closest(to: name, among: EventKind.allCases.map(\.rawValue))
            if let first = suggestions.first {
                throw InputError.invalid(ServiceMsg.eventSuggest, ["event": name, "suggestion": first])
            }
            throw InputError.invalid(ServiceMsg.eventUnknown, ["event": name])
        }
    }
}
