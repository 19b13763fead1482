import Foundation
import GRDB
import Notifier
import Synchronization
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date = Date()) { value = Mutex(start) }
    var clock: Clock { Clock(now: { [self] in value.withLock { $0 } }) }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("The Open311 loop: dispatch out to the agency's GeoReport v2 endpoint, statuses back", .serialized)
struct Open311LoopTests {
    static let key = "gongshu-城管-key".replacingOccurrences(of: "城管", with: "cg")

    /// A report accepted and dispatched to an agency whose endpoint is a loopback GeoReport v2 server.
    struct Loop {
        let setup: ReportsTests.Setup
        let agency: DemoAgency
        let agencyID: String
        let report: String

        init(serverKey: String? = Open311LoopTests.key, storedKey: String? = Open311LoopTests.key, services: Set<String>? = nil,
             mapping: String = "road-damage=CG-101", faults: (inout DemoAgency.Faults) -> Void = { _ in }) throws {
            setup = try ReportsTests.Setup()
            agency = try DemoAgency(apiKey: serverKey, services: services)
            agency.setFaults(faults)
            var add = ["agencies", "add", "演示城管局", "--open311-endpoint", agency.base, "--allow-private", "--jurisdiction", "gongshu",
                       "--service", mapping]
            if let storedKey { add += ["--api-key-file", try setup.sandbox.file("key.txt", storedKey + "\n")] }
            agencyID = try setup.sandbox.ok(add, token: setup.sandbox.adminToken)["id"] as! String
            report = try setup.submit(0, ["--category", "road-damage", "--note", "井盖松动 & 下沉 = 危险"], photos: [try setup.photo()])
                .object()["id"] as! String
            _ = try setup.sandbox.ok(["reports", "review", report, "--accept"], token: setup.coordinator)
            _ = try setup.sandbox.ok(["reports", "dispatch", report, "--agency", agencyID], token: setup.coordinator)
        }

        var sandbox: Sandbox { setup.sandbox }

        func sync() throws -> [String: Any] { try sandbox.ok(["agencies", "sync"], token: sandbox.adminToken) }

        func send() throws -> Row {
            try query { db in try Row.fetchOne(db, sql: "SELECT * FROM open311_sends WHERE report_id = ?", arguments: [report])! }
        }

        func history() throws -> [[String: Any]] {
            try sandbox.ok(["reports", "show", report], token: setup.coordinator)["history"] as! [[String: Any]]
        }

        func events(_ type: String) throws -> [String] {
            try query { db in try String.fetchAll(db, sql: "SELECT payload FROM outbox WHERE type = ? ORDER BY seq", arguments: [type]) }
        }

        func query<T>(_ body: (Database) throws -> T) throws -> T {
            try sandbox.database().read(body)
        }

        /// The service on a clock the test moves.
        func app(_ clock: ManualClock) throws -> Tuanju { try Tuanju.open(DataDirectory(path: sandbox.data), clock: clock.clock) }

        func stop() { agency.stop() }
    }

    @Test("The round trip: a form-encoded POST with the mapped service code and the key; the id is kept; notes and the close come back into the history; closed resolves the report, once")
    func roundTrip() throws {
        let loop = try Loop()
        defer { loop.stop() }
        let first = try loop.sync()
        #expect(first["sent"] as? Int == 1 && first["retrying"] as? Int == 0)
        let form = try #require(loop.agency.forms.first)
        #expect(form["service_code"] == "CG-101" && form["api_key"] == Self.key && form["jurisdiction_id"] == "gongshu")
        #expect(form["description"] == "井盖松动 & 下沉 = 危险")  // survives form encoding: &, =, spaces, Chinese
        #expect(form["lat"] == "30.2925" && form["long"] == "120.171")
        #expect(try loop.send()["service_request_id"] as String? == "SR-1")
        #expect(try loop.history().last?["note"] as? String == "Open311: received, service_request_id SR-1")

        // Nothing new at the agency: a pass records nothing.
        let quiet = try loop.sync()
        #expect(quiet["polled"] as? Int == 1 && quiet["updated"] as? Int == 0)
        let historyCount = try loop.history().count

        loop.agency.note("SR-1", "已派人查看")
        #expect(try loop.sync()["updated"] as? Int == 1)
        let noted = try loop.history()
        #expect(noted.count == historyCount + 1)
        #expect(noted.last?["note"] as? String == "Open311 SR-1: open — 已派人查看" && noted.last?["by"] as? String == loop.agencyID)
        #expect(noted.last?["status"] as? String == "dispatched")

        loop.agency.closeRequest("SR-1", notes: "已更换井盖")
        #expect(try loop.sync()["resolved"] as? Int == 1)
        let shown = try loop.sandbox.ok(["reports", "show", loop.report], token: loop.setup.coordinator)
        #expect(shown["status"] as? String == "resolved")
        let last = try #require((shown["history"] as? [[String: Any]])?.last)
        #expect(last["status"] as? String == "resolved" && last["note"] as? String == "已更换井盖" && last["by"] as? String == loop.agencyID)
        let resolved = try loop.events("report.resolved")
        #expect(resolved.count == 1 && resolved[0].contains(loop.agencyID))
        // Closed is final: later passes neither poll it nor resolve it again.
        let after = try loop.sync()
        #expect(after["polled"] as? Int == 0 && after["resolved"] as? Int == 0)
        #expect(try loop.events("report.resolved").count == 1)
        let updates = try loop.events("report.agency_updated")
        #expect(updates.count == 2, "\(updates)")
    }

    @Test("A 400 with an error array is final: the send is dead, the agency's description is in the report's history, the report stays dispatched")
    func badRequest() throws {
        let loop = try Loop(services: ["CG-1"], mapping: "road-damage=CG-101")
        defer { loop.stop() }
        let summary = try loop.sync()
        #expect(summary["dead"] as? Int == 1 && summary["sent"] as? Int == 0)
        let send = try loop.send()
        #expect(send["state"] as String == "dead" && send["last_status"] as Int? == 400)
        #expect((send["last_error"] as String?)?.contains("service_code CG-101 not found") == true)
        let last = try #require(try loop.history().last)
        #expect((last["note"] as? String)?.contains("HTTP 400: service_code CG-101 not found") == true)
        #expect(last["status"] as? String == "dispatched")
        // Not sent again.
        #expect(try loop.sync()["dead"] as? Int == 0)
        #expect(loop.agency.forms.count == 1)
    }

    @Test("403 for a bad key is retried on the webhook schedule; after the admin fixes the key the next attempt goes through")
    func badKey() throws {
        let loop = try Loop(storedKey: "wrong-key")
        defer { loop.stop() }
        let clock = ManualClock()
        let app = try loop.app(clock)
        #expect(try app.open311Pass(transport: CurlOpen311Transport()).retrying == 1)
        var send = try loop.send()
        #expect(send["state"] as String == "pending" && send["attempts"] as Int == 1 && send["last_status"] as Int? == 403)
        #expect((send["last_error"] as String?)?.contains("Invalid api_key") == true)
        // Not due yet: the first retry waits 5 s ± 20%.
        clock.advance(3)
        #expect(try app.open311Pass(transport: CurlOpen311Transport()).retrying == 0)
        #expect(loop.agency.forms.count == 1)
        _ = try loop.sandbox.ok(["agencies", "update", loop.agencyID, "--api-key-file", try loop.sandbox.file("k2", Self.key)],
                                token: loop.sandbox.adminToken)
        clock.advance(3)
        #expect(try app.open311Pass(transport: CurlOpen311Transport()).sent == 1)
        send = try loop.send()
        #expect(send["state"] as String == "sent" && send["attempts"] as Int == 2)
        // The key went to the agency only: no attempt, history, event or output holds it.
        let leaked = try loop.query { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM open311_attempts WHERE error LIKE '%' || ? || '%')
                     + (SELECT count(*) FROM report_history WHERE note LIKE '%' || ? || '%')
                     + (SELECT count(*) FROM outbox WHERE payload LIKE '%' || ? || '%')
                """, arguments: [Self.key, Self.key, Self.key])
        }
        #expect(leaked == 0)
    }

    @Test("A timeout is retried; 5xx answers follow the schedule until the delivery is dead after 8 attempts")
    func timeoutsAndSchedule() throws {
        let loop = try Loop(faults: { $0.delay = 1.5 })
        defer { loop.stop() }
        let clock = ManualClock()
        let app = try loop.app(clock)
        let impatient = CurlOpen311Transport(connectTimeoutMs: 500, totalTimeoutMs: 300)
        #expect(try app.open311Pass(transport: impatient).retrying == 1)
        #expect((try loop.send()["last_error"] as String?)?.lowercased().contains("timeout") == true)
        #expect(try loop.send()["last_status"] as Int? == nil)

        loop.agency.setFaults { $0.delay = 0; $0.postStatuses = Array(repeating: 503, count: 20) }
        var outcomes: [Int] = []
        for _ in 0..<8 {
            clock.advance(13 * 3600)
            let pass = try app.open311Pass(transport: CurlOpen311Transport())
            outcomes.append(pass.dead)
        }
        let send = try loop.send()
        #expect(send["state"] as String == "dead" && send["attempts"] as Int == 8 && send["last_status"] as Int? == 503)
        #expect(outcomes.filter { $0 == 1 }.count == 1)
        let delays = try loop.query { db in try String.fetchAll(db, sql: "SELECT at FROM open311_attempts ORDER BY rowid") }
        #expect(delays.count == 8)
    }

    @Test("An agency that answers with a token: the id is asked for with GET tokens/{token}.json until it exists, then its status is read")
    func tokens() throws {
        let loop = try Loop(faults: { $0.tokens = true })
        defer { loop.stop() }
        #expect(try loop.sync()["sent"] as? Int == 1)
        var send = try loop.send()
        #expect((send["token"] as String?)?.hasPrefix("tok-") == true && send["service_request_id"] as String? == nil)
        #expect(try loop.sync()["polled"] as? Int == 0)  // no id yet
        loop.agency.number()
        loop.agency.closeRequest("SR-1", notes: "已处置")
        #expect(try loop.sync()["resolved"] as? Int == 1)
        send = try loop.send()
        #expect(send["service_request_id"] as String? == "SR-1")
    }

    @Test("A dispatch to an agency without an endpoint sends nothing; agencies sync needs an admin (77, nothing changes)")
    func noEndpointAndRole() throws {
        let setup = try ReportsTests.Setup()
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        _ = try setup.sandbox.ok(["reports", "review", report, "--accept"], token: setup.coordinator)
        _ = try setup.sandbox.ok(["reports", "dispatch", report, "--agency", "拱墅区城管局"], token: setup.coordinator)
        let summary = try setup.sandbox.ok(["agencies", "sync"], token: setup.sandbox.adminToken)
        #expect(summary["sent"] as? Int == 0)
        let sends = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM open311_sends")
        }
        #expect(sends == 0)
        try setup.expectRefusal(["agencies", "sync"], token: setup.coordinator, exit: 77, code: "forbidden")
        try setup.expectRefusal(["agencies", "sync"], token: setup.riders[0].token, exit: 77, code: "forbidden")
    }

    @Test("The loop of a long-running command makes a pass at start, then every interval")
    func loopRunsAtStart() throws {
        let loop = try Loop()
        defer { loop.stop() }
        let app = try Tuanju.open(DataDirectory(path: loop.sandbox.data))
        let stop = AgencyLoop.Flag()
        let passes = Mutex(0)
        Thread {
            app.runOpen311Loop(interval: 0.2, shouldStop: { stop.isSet }) { _ in passes.withLock { $0 += 1 } }
        }.start()
        let deadline = Date().addingTimeInterval(10)
        while passes.withLock({ $0 }) < 2, Date() < deadline { usleep(20_000) }
        stop.set()
        #expect(passes.withLock { $0 } >= 2)
        #expect(try loop.send()["state"] as String == "sent")
    }
}
