import Foundation
import GRDB
import Notifier
import TuanjuCore

extension Tuanju {
    /// `webhooks add` (admin): the secret is in the returned endpoint, shown once by the CLI.
    public func addWebhook(_ caller: Caller, url: String, events: String, allowPrivate: Bool) throws -> WebhookEndpoint {
        try caller.requireAdmin(.actionManageWebhooks)
        let now = self.now
        return try database.write { db in
            // Hand earlier events to the endpoints that existed then: a new endpoint hears from now on.
            while try Deliveries.fanOut(db, at: now) > 0 {}
            return try Endpoints.add(db, url: url, events: events, allowPrivate: allowPrivate, at: now)
        }
    }

    public func listWebhooks(_ caller: Caller, page: PageRequest = PageRequest()) throws -> Page<WebhookEndpoint> {
        try caller.requireAdmin(.actionManageWebhooks)
        let page = try page.checked()
        return try Page.slice(try database.read { db in try Endpoints.all(db) }, page, id: \.id)
    }

    public func removeWebhook(_ caller: Caller, id: String) throws -> WebhookEndpoint {
        try caller.requireAdmin(.actionManageWebhooks)
        return try database.write { db in try Endpoints.remove(db, id: id) }
    }

    /// `webhooks rotate-secret`: a new secret; for 24 hours both sign.
    public func rotateWebhookSecret(_ caller: Caller, id: String) throws -> WebhookEndpoint {
        try caller.requireAdmin(.actionManageWebhooks)
        let now = self.now
        return try database.write { db in try Endpoints.rotateSecret(db, id: id, at: now) }
    }

    /// `webhooks enable`: after a 410 or a long failure; held deliveries are released.
    public func enableWebhook(_ caller: Caller, id: String) throws -> WebhookEndpoint {
        try caller.requireAdmin(.actionManageWebhooks)
        let now = self.now
        return try database.write { db in try Endpoints.enable(db, id: id, at: now) }
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
        try caller.requireAdmin(.actionManageWebhooks)
        let now = self.now
        return try database.write { db in try Deliveries.replay(db, id: id, at: now) }
    }
}
