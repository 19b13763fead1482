import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

@Suite("tuanju serve as a process")
struct ServeTests {
    @Test("serve listens on loopback, answers /healthz, logs the request and exits 0 on SIGTERM")
    func lifecycle() throws {
        // Given an initialized data directory and `tuanju serve --port 0`
        let sandbox = try Sandbox()
        let process = Process()
        process.executableURL = try TuanjuProcess.executable
        process.arguments = ["serve", "--port", "0", "--data", sandbox.data]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // When it says where it listens and we ask it for /healthz
        var first = ""
        let deadline = Date().addingTimeInterval(30)
        while !first.contains("\n"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(first.range(of: "http://").map { String(first[$0.upperBound...].prefix { !$0.isWhitespace }) },
                                   "no address in \(first)")
        #expect(address.hasPrefix("127.0.0.1:"))
        let url = try #require(URL(string: "http://\(address)/healthz"))
        let body = Received()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, _, _ in
            body.data.withLock { $0 = data ?? Data() }
            done.signal()
        }.resume()
        #expect(done.wait(timeout: .now() + 20) == .success)
        let health = try JSONSerialization.jsonObject(with: body.data.withLock { $0 }) as? [String: Any]
        #expect(health?["status"] as? String == "ok")

        // Then SIGTERM stops it cleanly, and its access log has the request
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /healthz 200"), "\(log)")
    }
}

/// What the HTTP client received, handed from its callback to the test.
private final class Received: Sendable {
    let data = Mutex(Data())
}
