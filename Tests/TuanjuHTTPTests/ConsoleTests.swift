import Foundation
import GRDB
import Hummingbird
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

/// The coordinators' console (#23) through `tuanju serve`'s router: sessions, CSRF, CSP, escaping, and reviews
/// that go through the same use case as the CLI's (the report changes, the rider's inbox hears of it).
@Suite("The console in the browser")
struct ConsoleTests {
    /// What a refused form must leave as it was: reports, their history, sessions, the outbox, the audit log.
    static func snapshot(_ app: Tuanju) throws -> [String] {
        try app.database.read { db in
            try ["reports", "report_history", "console_sessions", "outbox", "audit_log", "notifications"].map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
                return "\(table): " + rows.joined(separator: "\n")
            }
        }
    }

    @Test("A coordinator signs in: an HttpOnly, SameSite=Strict, expiring cookie; Secure behind TLS; sign-out revokes it")
    func signInAndOut() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            // Given no session, When the queue is asked for, Then the browser is sent to sign in.
            let before = try await browser.get("/console")
            #expect(before.status == 303 && before.header("Location") == "/console/sign-in")
            // When the coordinator signs in, Then a session cookie is set with the safe attributes.
            let signIn = try await browser.signIn(token)
            #expect(signIn.status == 303 && signIn.header("Location") == "/console")
            let cookie = try #require(signIn.headers[values: .setCookie].first { $0.hasPrefix("tuanju_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age=43200"))
            #expect(!cookie.contains("Secure"))
            #expect(!cookie.contains(token), "the cookie holds a session id, never the token")
            let queue = try await browser.get("/console")
            #expect(queue.status == 200 && queue.text.contains("王协调"))
            // When signing out, Then the same cookie no longer opens a page.
            let stale = browser.cookies
            let csrf = try await browser.csrf()
            #expect(try await browser.send(.post, "/console/sign-out", form: [("csrf", csrf)]).status == 303)
            browser.cookies = stale
            #expect(try await browser.get("/console").status == 303)
        }
        let actions = try sandbox.app.database.read { db in try String.fetchAll(db, sql: "SELECT action || ' ' || command FROM audit_log") }
        #expect(actions.contains("console.signed_in console POST /console/sign-in"))
        #expect(actions.contains("console.signed_out console POST /console/sign-out"))
    }

    @Test("A session ends after 12 hours, and when its user is revoked")
    func sessionEnds() async throws {
        let clock = MovableClock(Date(timeIntervalSince1970: 1_790_000_000))
        let sandbox = try APISandbox(clock: Clock(now: { clock.now }))
        let first = try sandbox.coordinator("甲"), second = try sandbox.coordinator("乙")
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(first)
            #expect(try await browser.get("/console").status == 200)
            clock.advance(days: 11.9 / 24)
            #expect(try await browser.get("/console").status == 200)
            clock.advance(days: 0.2 / 24)
            #expect(try await browser.get("/console").status == 303, "a session past 12 hours is signed out")
            let other = ConsoleBrowser(client)
            try await other.signIn(second)
            #expect(try await other.get("/console").status == 200)
            let staff = try sandbox.app.authenticate(token: second)
            _ = try sandbox.app.revokeUser(try sandbox.admin, id: staff.id)
            #expect(try await other.get("/console").status == 303, "a revoked user's session is signed out")
        }
    }

    @Test("Behind a TLS proxy the session cookie is Secure")
    func secureBehindTLS() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            let page = try await browser.send(.get, "/console/sign-in", headers: [HTTPFields.Element.Name("X-Forwarded-Proto")!: "https"])
            let nonce = try #require(ConsoleBrowser.hidden("signin", in: page.text))
            let signIn = try await browser.send(
                .post, "/console/sign-in", form: [("signin", nonce), ("token", token)],
                headers: [HTTPFields.Element.Name("X-Forwarded-Proto")!: "https"])
            let cookie = try #require(signIn.headers[values: .setCookie].first { $0.hasPrefix("tuanju_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("A rider's token, an unknown token and a sign-in form without its double-submit token cannot sign in")
    func refusedSignIns() async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            let riderTry = try await browser.signIn(rider.token)
            #expect(riderTry.status == 403 && riderTry.text.contains("骑手令牌不能登录管理后台"))
            #expect(riderTry.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("tuanju_session=") })
            #expect(try await browser.signIn("tj_unknown").status == 401)
            let forged = try await ConsoleBrowser(client).send(.post, "/console/sign-in", form: [("signin", "x"), ("token", sandbox.adminToken)])
            #expect(forged.status == 403)
        }
        #expect(try sandbox.app.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM console_sessions") } == 0)
    }

    @Test("Every page carries a CSP forbidding inline scripts; scripts and styles are files of the server")
    func contentSecurityPolicy() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        let rider = try sandbox.rider()
        _ = try sandbox.claimedTask(rider: rider.token)
        let report = try sandbox.submittedReport(rider: rider)
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(token)
            for path in ["/console", "/console/map", "/console/figures", "/console/redemptions", "/console/reports/\(report)",
                         "/console/sign-in", "/console/map?lang=en"] {
                let page = try await browser.get(path)
                #expect(page.status == 200, "\(path)")
                let csp = try #require(page.header("Content-Security-Policy"), "\(path)")
                #expect(csp.contains("script-src 'self'") && csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(page.header("Content-Type") == "text/html; charset=utf-8")
                #expect(!page.text.contains("<script>") && !page.text.contains("style=\""), "\(path) has inline script or style")
                let text = page.text.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
                #expect(!text.contains("http://") && !text.contains("https://"), "\(path) names another origin")
            }
            let script = try await browser.get("/console/static/console.js")
            #expect(script.status == 200 && script.header("Content-Type")?.hasPrefix("text/javascript") == true)
            #expect(try await browser.get("/console/static/console.css").status == 200)
            #expect(try await browser.get("/console/figures.svg").header("Content-Type")?.hasPrefix("image/svg+xml") == true)
        }
    }

    @Test("A form without the session's CSRF token is refused with 403 and changes nothing")
    func csrfRefusal() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        let rider = try sandbox.rider()
        _ = try sandbox.claimedTask(rider: rider.token)
        let report = try sandbox.submittedReport(rider: rider)
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(token)
            let before = try Self.snapshot(sandbox.app)
            let missing = try await browser.send(.post, "/console/reports/\(report)/accept", form: [("points", "5")])
            let wrong = try await browser.send(.post, "/console/reports/\(report)/reject", form: [("csrf", "tj_forged"), ("reason", "x")])
            let signOut = try await browser.send(.post, "/console/sign-out", form: [])
            for reply in [missing, wrong, signOut] {
                #expect(reply.status == 403)
                #expect(reply.text.contains("CSRF"))
            }
            // Without a session at all, a form is refused the same way.
            let anonymous = try await ConsoleBrowser(client).send(.post, "/console/reports/\(report)/accept", form: [("csrf", "x")])
            #expect(anonymous.status == 403)
            #expect(try Self.snapshot(sandbox.app) == before)
        }
    }

    @Test("A batch run from the console that fails says why on the page, and the next run resumes the same batch")
    func batchFailureShownAndResumed() async throws {
        let sandbox = try APISandbox()
        let staffToken = try sandbox.coordinator()
        let staff = try sandbox.app.authenticate(token: staffToken)
        let rider = try sandbox.rider()
        let reward = try sandbox.app.addReward(staff, name: "Pen", nameZh: nil, cost: 1, stock: 100)
        _ = try sandbox.app.awardPoints(staff, riderID: rider.id, amount: 5, reason: "batch", key: nil)
        let riderCaller = try sandbox.app.authenticate(token: rider.token)
        for _ in 0..<3 { _ = try sandbox.app.redeem(riderCaller, rewardID: reward.id, quantity: 1) }
        // The fulfilment list cannot be written: a file stands where the exports directory should be.
        let exports = sandbox.app.directory.exportsPath
        try FileManager.default.removeItem(atPath: exports)
        #expect(FileManager.default.createFile(atPath: exports, contents: Data("not a directory".utf8)))
        @Sendable func batches() throws -> [String] {
            try sandbox.app.database.read { db in try String.fetchAll(db, sql: "SELECT state FROM redemption_batches") }
        }
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(staffToken)
            _ = try await browser.send(.post, "/console/redemptions/run", form: [("csrf", try await browser.csrf())])
            var page = try await browser.get("/console/redemptions?lang=en")
            for _ in 0..<50 where !page.text.contains("The last run stopped") {
                try await Task.sleep(for: .milliseconds(100))
                page = try await browser.get("/console/redemptions?lang=en")
            }
            #expect(page.text.contains("The last run stopped"), "\(page.text)")
            #expect(page.text.contains("id=\"run-batch\""), "the button resumes the batch")
            #expect(try batches() == ["running"])

            try FileManager.default.removeItem(atPath: exports)
            try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: false)
            _ = try await browser.send(.post, "/console/redemptions/run", form: [("csrf", try await browser.csrf())])
            for _ in 0..<50 where try batches() != ["completed"] { try await Task.sleep(for: .milliseconds(100)) }
            #expect(try batches() == ["completed"], "the same batch resumed and completed, no second batch")
            page = try await browser.get("/console/redemptions?lang=en")
            #expect(!page.text.contains("The last run stopped"))
            #expect(page.text.contains("fulfilment.csv"))
        }
    }

    @Test("A note reading <script> shows as text on the queue and the report's page")
    func escaping() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        let rider = try sandbox.rider("<b>骑手</b>")
        _ = try sandbox.claimedTask(rider: rider.token)
        let report = try sandbox.submittedReport(rider: rider, note: "<script>alert('x')</script> & \"q\"")
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(token)
            for path in ["/console", "/console/reports/\(report)"] {
                let html = try await browser.get(path).text
                #expect(!html.contains("<script>alert"), "\(path)")
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;") ||
                        html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;"), "\(path)")
            }
        }
    }

    @Test("Accepting and rejecting in the console change the report, audit the console's route and reach the rider's inbox")
    func reviewThroughTheConsole() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        let rider = try sandbox.rider()
        _ = try sandbox.claimedTask(rider: rider.token)
        let first = try sandbox.submittedReport(rider: rider, lat: 30.28)
        let second = try sandbox.submittedReport(rider: rider, lat: 30.30)
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(token)
            // The queue shows the oldest first, with its thumbnail.
            let queue = try await browser.get("/console").text
            let firstAt = try #require(queue.range(of: "card-\(first)")), secondAt = try #require(queue.range(of: "card-\(second)"))
            #expect(firstAt.lowerBound < secondAt.lowerBound)
            #expect(queue.contains("/console/reports/\(first)/photos/1?size=thumb"))
            let thumb = try await browser.get("/console/reports/\(first)/photos/1?size=thumb")
            #expect(thumb.status == 200 && thumb.header("Content-Type") == "image/jpeg")
            let csrf = try await browser.csrf()
            let accepted = try await browser.send(.post, "/console/reports/\(first)/accept", form: [("csrf", csrf), ("points", "7")])
            #expect(accepted.status == 303 && accepted.header("Location") == "/console?done=\(first)&status=accepted")
            let rejected = try await browser.send(.post, "/console/reports/\(second)/reject", form: [("csrf", csrf), ("reason", "照片看不清")])
            #expect(rejected.status == 303)
            // A refused action is a page with the reason, and changes nothing.
            let again = try await browser.send(.post, "/console/reports/\(second)/accept", form: [("csrf", csrf)])
            #expect(again.status == 409)
            #expect(try await browser.get("/console").text.contains("没有待审核的上报"))
        }
        let app = sandbox.app, staff = try sandbox.app.authenticate(token: token)
        #expect(try app.report(staff, id: first).report.status == .accepted)
        #expect(try app.report(staff, id: first).report.pointsAwarded == 7)
        #expect(try app.report(staff, id: second).report.status == .rejected)
        let notices = try app.inbox(try app.authenticate(token: rider.token), unreadOnly: false).rows.map(\.template)
        #expect(notices.contains("report.accepted") && notices.contains("report.rejected"))
        let commands = try app.database.read { db in try String.fetchAll(db, sql: "SELECT command FROM audit_log WHERE action = 'report.reviewed'") }
        #expect(commands == ["console POST /console/reports/{id}/accept", "console POST /console/reports/{id}/reject"])
    }

    @Test("English on ?lang=en, remembered by a cookie; Chinese by default")
    func language() async throws {
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            #expect(try await browser.get("/console/sign-in").text.contains("<html lang=\"zh-CN\">"))
            let english = try await browser.get("/console/sign-in?lang=en")
            #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("Coordinator or admin token"))
            #expect(try await browser.get("/console/sign-in").text.contains("<html lang=\"en\">"))
        }
    }

    @Test("The map draws reports, service points and the service area as SVG, filtered by status and date")
    func map() async throws {
        let sandbox = try APISandbox()
        let token = try sandbox.coordinator()
        let rider = try sandbox.rider()
        _ = try sandbox.claimedTask(rider: rider.token)
        let report = try sandbox.submittedReport(rider: rider)
        try await sandbox.run { client in
            let browser = ConsoleBrowser(client)
            try await browser.signIn(token)
            let all = try await browser.get("/console/map").text
            #expect(all.contains("<polygon class=\"area\"") && all.contains("class=\"point\"") && all.contains("/console/reports/\(report)"))
            let accepted = try await browser.get("/console/map?status=accepted").text
            #expect(!accepted.contains("/console/reports/\(report)"))
            let future = try await browser.get("/console/map?from=2999-01-01").text
            #expect(!future.contains("/console/reports/\(report)"))
            #expect(try await browser.get("/console/map?from=yesterday").status == 422)
        }
    }
}
