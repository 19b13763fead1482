import Foundation
import GRDB
import PhotoFixtures
import Testing
@testable import TuanjuCLI

@Suite("Crash safety: reports")
struct ReportCrashTests {
    @Test("reports submit killed 8 times at random moments, each retried as the same command, records every submission once")
    func submitSurvivesKills() throws {
        // Given a rider with a claim on a hazard-inspection posting
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13900001111", coordinator: coordinator)
        let task = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "井盖巡查", "--capacity", "5"],
                                  token: coordinator)["id"] as! String
        _ = try sandbox.ok(["tasks", "claim", task], token: rider.token)
        let executable = try TuanjuProcess.executable

        func submission(_ number: Int) throws -> [String] {
            let photo = try sandbox.file("photo-\(number).jpg", bytes: PhotoFixtures.jpeg(width: 64, height: 48, seed: UInt64(number + 1)))
            return ["reports", "submit", "--category", "manhole-cover", "--lat", String(format: "%.6f", 30.28 + Double(number) * 0.0006),
                    "--lon", "120.1710", "--photo", photo, "--note", "crash \(number)", "--data", sandbox.data, "--token", rider.token]
        }
        func start(_ arguments: [String]) throws -> Process {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // How long one submission takes in its own process (the faster of two that run to the end)
        var duration = TimeInterval.infinity
        for number in 0..<2 {
            let began = Date()
            let process = try start(try submission(number))
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            duration = min(duration, Date().timeIntervalSince(began))
        }

        // When each later submission is killed at a random moment and, if killed, run again as the same command
        var killed = 0, number = 1
        while killed < 8, number < 16 {
            number += 1
            let arguments = try submission(number)
            let process = try start(arguments)
            usleep(UInt32.random(in: 2_000...max(3_000, UInt32(duration * 0.9 * 1_000_000))))
            guard process.isRunning else { process.waitUntilExit(); continue }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            killed += 1
            let retry = try start(arguments)
            retry.waitUntilExit()
            #expect(retry.terminationStatus == 0, "the retry of submission \(number) failed")
        }

        // Then every submission is recorded exactly once, and doctor is content with the photo store
        let notes = try sandbox.database().read { db in
            try String.fetchAll(db, sql: "SELECT note FROM reports")
        }
        #expect(notes.sorted() == (0...number).map { "crash \($0)" }.sorted())
        let doctor = sandbox.run(["doctor", "--json"], token: sandbox.adminToken)
        #expect(doctor.exit == 0, "\(doctor.stdout)")
        #expect(killed > 0, "no run was killed: the test proved nothing")
        print("\(killed) submissions killed and retried, \(number + 1) submitted")
    }
}
