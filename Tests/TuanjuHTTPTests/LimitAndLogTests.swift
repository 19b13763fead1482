import Foundation
import Synchronization
import Testing
@testable import TuanjuHTTP

/// Monotonic seconds the test moves by hand.
final class FakeSeconds: Sendable {
    private let value = Mutex<Double>(1000)
    var now: Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}

@Suite("Rate limit and access log")
struct LimitAndLogTests {
    @Test("A token bucket per key: a burst of the limit, then one more request per 60/limit seconds")
    func bucket() {
        let seconds = FakeSeconds()
        let limiter = RateLimiter(limitPerMinute: 6, clock: { seconds.now })
        for _ in 0..<6 { #expect(limiter.take("a") == nil) }
        #expect(limiter.take("a") == 10)
        #expect(limiter.take("b") == nil, "keys do not share a bucket")
        seconds.advance(9.5)
        #expect(limiter.take("a") == 1)
        seconds.advance(0.5)
        #expect(limiter.take("a") == nil)
        #expect(limiter.take("a") == 10)
        #expect(RateLimiter(limitPerMinute: 0).take("a") == nil, "0 turns the limit off")
    }

    @Test("At most `capacity` keys are tracked; the least recently used is forgotten first")
    func leastRecentlyUsed() {
        let seconds = FakeSeconds()
        let limiter = RateLimiter(limitPerMinute: 1, capacity: 3, clock: { seconds.now })
        #expect(limiter.take("a") == nil)
        #expect(limiter.take("b") == nil)
        #expect(limiter.take("c") == nil)
        #expect(limiter.take("a") != nil, "a is limited and now the most recently used")
        #expect(limiter.take("d") == nil, "d evicts b, the least recently used")
        #expect(limiter.trackedKeys == 3)
        #expect(limiter.take("a") != nil, "a was kept")
        #expect(limiter.take("b") == nil, "b was forgotten, so it starts again (and evicts c)")
        #expect(limiter.take("d") != nil)
        for index in 0..<100_000 { _ = limiter.take("flood\(index)") }
        #expect(limiter.trackedKeys == 3, "a flood of keys never grows memory past the cap")
        var lru = LRUBuckets(capacity: 2)
        for key in ["x", "y", "x", "z"] { lru.update(key, fresh: .init(tokens: 1, updated: 0)) { _ in } }
        #expect(lru.keysByRecency == ["z", "x"])
    }

    @Test("With the limit on, a handler takes the caller the middleware authenticated: who it is, the route in the audit, an api_key")
    func callerCarried() async throws {
        let sandbox = try APISandbox(configure: { $0.rateLimitPerMinute = 1000 })
        let rider = try sandbox.rider()
        let coordinator = try sandbox.coordinator("限流协调")
        try await sandbox.run { client in
            let me = try await client.get("/v1/me", token: rider.token)
            #expect(me.status == 200 && me.object["id"] as? String == rider.id, "\(me.text)")
            let task = try await client.post("/v1/tasks", token: coordinator, json: ["role": "hazard-inspector", "title": "巡查", "capacity": 2])
            #expect(task.status == 201, "\(task.text)")
            let audit = try await client.get("/v1/audit?limit=5", token: sandbox.adminToken)
            #expect(audit.array.first?["command"] as? String == "http POST /v1/tasks", "\(audit.text)")
            // Open311's api_key is the same token in the query: the staff key sees what staff see.
            let listed = try await client.get("/open311/v2/requests.json?api_key=\(coordinator)")
            #expect(listed.status == 200, "\(listed.text)")
            // A token the middleware could not authenticate is still refused by the handler.
            #expect(try await client.get("/v1/me", token: "tj_not_a_token").status == 401)
        }
    }

    @Test("1,000 invented tokens from one address share the address's bucket and get 429s")
    func inventedTokens() async throws {
        let seconds = FakeSeconds()
        let sandbox = try APISandbox(rateClock: { seconds.now }, configure: { $0.rateLimitPerMinute = 20 })
        let rider = try sandbox.rider()
        try await sandbox.run { client in
            var statuses: [Int: Int] = [:]
            for _ in 0..<1000 {
                let token = "tj_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
                statuses[try await client.get("/v1/me", token: token).status, default: 0] += 1
            }
            #expect(statuses[401] == 20, "the address's 20 requests a minute")
            #expect(statuses[429] == 980)
            let open311 = try await client.get("/open311/v2/requests.json?api_key=tj_invented")
            #expect(open311.status == 429, "an invented api_key counts against the address too")
            #expect(try await client.get("/v1/me", token: rider.token).status == 200, "a valid token has its own bucket")
            #expect(try await client.get("/healthz").status == 200, "health checks are never limited")
            #expect(try await client.get("/v1/map/kinds").status == 429, "no token: the address, which is spent")
        }
    }

    @Test("Over the limit a token gets 429 with Retry-After; other tokens and addresses are not affected")
    func tooMany() async throws {
        let seconds = FakeSeconds()
        let sandbox = try APISandbox(rateClock: { seconds.now }, configure: { $0.rateLimitPerMinute = 3 })
        let rider = try sandbox.rider()
        let other = try sandbox.rider("王骑手", phone: "13900139000")
        try await sandbox.run { client in
            for _ in 0..<3 { #expect(try await client.get("/v1/me", token: rider.token).status == 200) }
            let limited = try await client.get("/v1/me", token: rider.token)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect(limited.header("Retry-After") == "20")
            #expect(try await client.get("/v1/me", token: other.token).status == 200)
            #expect(try await client.get("/healthz").status == 200)
            let open311 = try await client.get("/open311/v2/requests.json?api_key=\(rider.token)")
            #expect(open311.status == 429)
            #expect((open311.json as? [[String: Any]])?.first?["code"] as? Int == 429)
            seconds.advance(20)
            #expect(try await client.get("/v1/me", token: rider.token).status == 200)
        }
    }

    @Test("The access log has one line per request, without tokens, phone numbers or query strings")
    func accessLog() async throws {
        let sandbox = try APISandbox()
        let coordinator = try sandbox.coordinator()
        let secrets = Mutex<[String]>([coordinator, sandbox.adminToken])
        try await sandbox.run { client in
            let registered = try await client.post("/v1/riders", token: coordinator,
                                                   json: ["name": "李骑手", "phone": "13812345678", "platform": "meituan"])
            let token = try #require(registered.object["token"] as? String)
            secrets.withLock { $0.append(token) }
            _ = try await client.get("/v1/riders/me", token: token)
            _ = try await client.get("/v1/map/nearest?lat=30.2925&lon=120.1710")
            _ = try await client.get("/open311/v2/requests.json?api_key=\(token)")
            _ = try await client.get("/v1/me", token: "tj_wrong_secret")
        }
        let lines = sandbox.log.all
        #expect(lines.count == 5)
        for line in lines {
            for secret in secrets.withLock({ $0 }) + ["tj_wrong_secret", "13812345678", "30.2925", "120.171", "?"] {
                #expect(!line.contains(secret), "\(line) contains \(secret)")
            }
        }
        #expect(lines[0].contains(" POST /v1/riders 201 "))
        #expect(lines[2].contains(" GET /v1/map/nearest 200 "))
        #expect(lines[4].contains(" GET /v1/me 401 "))
    }
}
