import Foundation
import GRDB
import Storage

/// `webhooks deliver --until-idle` draining 10,000 events to the loopback receiver, killed at random moments,
/// then run to the end: every event delivered, once in the database; repeats at the receiver (sent, not yet
/// recorded when killed) carry the event's own webhook-id.
struct WebhooksCrashLoop {
    let events = 10_000

    func run(kills: Int) throws -> CrashSummary {
        var summary = CrashSummary(command: "webhooks deliver")
        let sandbox = try CrashSandbox("webhooks")
        defer { sandbox.remove() }
        let receiver = try Receiver(root: sandbox.root)
        defer { receiver.stop() }
        let endpoint = try TuanjuCLI.run(["webhooks", "add", receiver.url, "--events", "all", "--allow-private"],
                                         data: sandbox.data, token: sandbox.admin)
        guard let secret = endpoint.json?["secret"] as? String else { throw ToolError("webhooks add: \(endpoint.stderr)") }
        try secret.write(toFile: receiver.secretFile, atomically: true, encoding: .utf8)
        // The events themselves are not under test: appended straight to the outbox.
        try sandbox.queue().write { db in
            for index in 0..<events {
                _ = try Outbox.append(db, type: "crash.ping", payload: ["n": index], at: Date())
            }
        }
        let arguments = ["webhooks", "deliver", "--until-idle"]
        try killRepeatedly(arguments, data: sandbox.data, token: sandbox.admin, kills: kills, window: 0.05...0.5, summary: &summary)
        let before = try sandbox.count("SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'")
        let final = try TuanjuCLI.run(arguments, data: sandbox.data, token: sandbox.admin)
        summary.reruns += 1
        summary.expect(final.exit == 0, "the final run exited \(final.exit): \(final.stderr.prefix(300))")

        let (expected, deliveries, undelivered) = try sandbox.queue().read { db in
            (Set(try String.fetchAll(db, sql: "SELECT event_id FROM outbox WHERE type = 'crash.ping'")),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries d JOIN outbox o ON o.seq = d.event_seq WHERE o.type = 'crash.ping'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries WHERE state <> 'delivered'") ?? 0)
        }
        let received = try receiver.records()
        let ids = received.compactMap(\.id)
        let arrived = Set(ids).intersection(expected)
        summary.figures.append("\(before) of \(expected.count) delivered before the final run; \(ids.count) requests received, \(ids.count - Set(ids).count) repeats")
        summary.expect(deliveries == expected.count, "\(deliveries) deliveries for \(expected.count) events")
        summary.expect(undelivered == 0, "\(undelivered) deliveries not delivered")
        summary.expect(arrived == expected, "\(expected.count - arrived.count) events never arrived")
        let strangers = Set(ids).subtracting(try sandbox.queue().read { db in Set(try String.fetchAll(db, sql: "SELECT event_id FROM outbox")) })
        summary.expect(strangers.isEmpty, "\(strangers.count) requests under an id that is no event")
        summary.expect(received.allSatisfy { $0.valid == true }, "requests with a bad signature")
        try sandbox.doctor(into: &summary)
        return summary
    }
}
