import Foundation
import Synchronization
import Testing
@testable import Notifier

/// The drain's sender over libcurl's multi interface (`CurlMultiSender`), against the loopback `CountingServer`.
@Suite("libcurl multi interface")
struct MultiSenderTests {
    /// A delivery whose POST carries `headers`; its endpoint may reach private addresses or not.
    static func delivery(_ index: Int, allowPrivate: Bool = true) -> DueDelivery {
        let endpoint = WebhookEndpoint(
            id: allowPrivate ? "whe_private" : "whe_guarded", url: "", events: "*", secret: "", previousSecret: nil,
            previousSecretUntil: nil, allowPrivate: allowPrivate, enabled: true, disabledReason: nil, failingSince: nil,
            removed: false, createdAt: "")
        return DueDelivery(deliveryID: "dlv_\(index)", endpoint: endpoint, messageID: "evt_\(index)", body: Data("{\"n\":\(index)}".utf8),
                           eventSeq: Int64(index), signer: WebhookSigner(endpoint))
    }

    /// Sends `deliveries` in batches of `batchSize` through a sender of `transport`, two batches in flight as a drain
    /// has them, each delivery POSTed to `port` with the headers `headers` gives it; returns the results in order.
    static func send(_ deliveries: [DueDelivery], batchSize: Int = 64, port: Int, transport: CurlTransport,
                     headers: @escaping @Sendable (Int) -> [(String, String)]) -> [PostResult] {
        let sender = transport.sender(maxInFlight: 16) { delivery in
            .send(url: "http://127.0.0.1:\(port)/hook", headers: headers(Int(delivery.eventSeq)), body: delivery.body)
        }
        defer { sender.close() }
        var results: [PostResult] = []
        var inFlight: SendBatch?
        for start in stride(from: 0, to: deliveries.count, by: batchSize) {
            let batch = sender.submit(Array(deliveries[start..<min(start + batchSize, deliveries.count)]))
            if let previous = inFlight { results += previous.wait() }
            inFlight = batch
        }
        if let batch = inFlight { results += batch.wait() }
        return results
    }

    @Test("Many deliveries each get their own answer once, over at most 16 connections, kept for the next drain")
    func ownAnswers() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let deliveries = (0..<600).map { Self.delivery($0) }
        let status: @Sendable (Int) -> Int = { 200 + $0 % 7 + ($0 % 3 == 0 ? 300 : 0) }  // 200-206 and 500-506
        let results = Self.send(deliveries, port: server.port, transport: transport) { [("x-status", "\(status($0))")] }
        #expect(results.count == 600)
        #expect(results.enumerated().allSatisfy { $0.element.status == status($0.offset) })
        #expect(server.requests.load(ordering: .relaxed) == 600)
        let connections = server.connections.load(ordering: .relaxed)
        #expect(connections <= 16)
        // A second drain through the same transport reuses the first's connections.
        let again = Self.send(Array(deliveries.prefix(100)), port: server.port, transport: transport) { _ in [] }
        #expect(again.allSatisfy { $0.status == 204 })
        #expect(server.connections.load(ordering: .relaxed) == connections)
    }

    @Test("A delivery to an endpoint not allowed private addresses is refused among allowed ones, whatever connections they opened")
    func guardAmongAllowed() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let deliveries = (0..<200).map { Self.delivery($0, allowPrivate: $0 % 5 != 0) }
        let results = Self.send(deliveries, batchSize: 32, port: server.port, transport: transport) { _ in [] }
        for (delivery, result) in zip(deliveries, results) {
            if delivery.endpoint.allowPrivate {
                #expect(result.status == 204)
            } else {
                #expect(result.status == nil)
                #expect(result.error?.hasPrefix("address refused") == true)
            }
        }
        #expect(server.requests.load(ordering: .relaxed) == 160)
    }

    @Test("Retry-After is read from each transfer's own answer")
    func retryAfter() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let results = Self.send((0..<64).map { Self.delivery($0) }, port: server.port, transport: CurlTransport()) { index in
            index % 2 == 0 ? [("x-status", "429"), ("x-retry-after", "\(100 + index)")] : [("x-status", "503")]
        }
        for (index, result) in results.enumerated() {
            #expect(result.status == (index % 2 == 0 ? 429 : 503))
            #expect(result.retryAfter == (index % 2 == 0 ? 100 + index : nil))
        }
    }

    @Test("Slow answers are waited for together: 32 replies of 300 ms take about two rounds, not 32")
    func concurrent() throws {
        let server = try CountingServer()
        defer { server.stop() }
        let started = Date()
        let results = Self.send((0..<32).map { Self.delivery($0) }, batchSize: 32, port: server.port, transport: CurlTransport()) { _ in
            [("x-delay-ms", "300")]
        }
        #expect(results.allSatisfy { $0.status == 204 })
        #expect(Date().timeIntervalSince(started) < 3)
    }
}
