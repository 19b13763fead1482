import Foundation
import GRDB
import PhotoFixtures
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

/// The re-use look-up of a long-running process keeps the window's prints in memory (#21); these tests change
/// the database behind its back, the ways the product does, and check that its answers are a fresh read's.
@Suite("The re-use look-up kept in memory answers as a fresh read of the window")
struct RecentPrintsTests {
    typealias Setup = ReportsTests.Setup

    /// One long-lived process (the server) beside the CLI commands of `setup`.
    struct Server {
        let app: Tuanju
        let riders: [Caller]

        init(_ setup: Setup, clock: Clock = .system) throws {
            let app = try Tuanju.open(DataDirectory(path: setup.sandbox.data), clock: clock)
            self.app = app
            riders = try setup.riders.map { try app.authenticate(token: $0.token) }
        }

        /// Submits `photo` for rider `rider`; returns the report and the report it may re-use a photo of.
        func submit(_ rider: Int, _ photo: String) throws -> (id: String, reuseOf: String?) {
            let report = try app.submitReport(riders[rider], ReportSubmission(
                category: "manhole-cover", note: "井盖 \(UUID().uuidString.prefix(8))", photoPaths: [photo]))
            return (report.id, report.possibleReuse?.report)
        }

        /// Two unrelated submissions: the reports before them are then below the rowid the look-up reads again.
        func settle(_ setup: Setup) throws {
            for seed in [20, 21] as [UInt64] {
                #expect(try submit(0, try setup.photo("u\(seed)-\(UUID().uuidString).jpg", lat: 30.2990, seed: seed + UInt64.random(in: 0...1_000_000))).reuseOf == nil)
            }
        }
    }

    @Test("A report submitted by another process is found; a purged one is not")
    func otherProcessAndPurge() throws {
        let setup = try Setup()
        let server = try Server(setup)
        _ = try server.submit(0, try setup.photo("other.jpg", seed: 9))  // the look-up is warm from here on

        // Another process (a CLI command) files the original
        let first = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo()]).object()["id"] as! String
        let copy = try server.submit(1, try PhotoReuseTests.resaved(setup))
        #expect(copy.reuseOf == first)
        try server.settle(setup)

        // The retention purge (another connection) removes both reports' photos: nothing to re-use any more
        let queue = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite")
        try queue.write { db in
            try db.execute(sql: "DELETE FROM report_photos WHERE report_id IN (?, ?)", arguments: [first, copy.id])
        }
        #expect(try server.submit(1, try PhotoReuseTests.resaved(setup, name: "again.jpg")).reuseOf == nil)
    }

    @Test("A print made later for an old photo (photos rebuild) is found")
    func rebuiltPrint() throws {
        let setup = try Setup()
        let server = try Server(setup)
        let first = try server.submit(0, try setup.photo()).id
        // A photo stored before #22: no print. The server looks up (and keeps) the window without it.
        let queue = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite")
        try queue.write { db in try db.execute(sql: "DELETE FROM photo_prints") }
        #expect(try server.submit(1, try setup.photo("b.jpg", lat: 30.2939, seed: 2)).reuseOf == nil)
        try server.settle(setup)

        #expect(setup.sandbox.run(["photos", "rebuild", "--json"], token: setup.coordinator).exit == 0)

        #expect(try server.submit(1, try PhotoReuseTests.resaved(setup)).reuseOf == first)
    }

    @Test("The window moves with the clock, both ways")
    func windowFollowsClock() throws {
        let setup = try Setup()
        let clock = ManualClock()
        let server = try Server(setup, clock: clock.clock)
        let first = try server.submit(0, try setup.photo()).id

        clock.advance(31 * 86_400)
        #expect(try server.submit(1, try PhotoReuseTests.resaved(setup)).reuseOf == nil)
        clock.advance(-30 * 86_400)
        #expect(try server.submit(1, try setup.photo("same.jpg")).reuseOf == first)
    }

    @Test("Many submissions: each is matched with the earliest near photo, as a fresh process would")
    func manySubmissions() throws {
        let setup = try Setup()
        let server = try Server(setup)
        var originals: [UInt64: String] = [:]
        for seed in 1...12 as ClosedRange<UInt64> {
            originals[seed] = try server.submit(0, try setup.photo("o\(seed).jpg", lat: 30.2925 + Double(seed) * 0.0004, seed: seed)).id
        }
        for seed in [3, 7, 12] as [UInt64] {
            let copy = try server.submit(1, try PhotoReuseTests.resaved(setup, seed: seed, name: "c\(seed).jpg"))
            #expect(copy.reuseOf == originals[seed])
            // The same picture again, in a fresh process: the copy is nearer (the same bytes)
            let fresh = try Server(setup)
            #expect(try fresh.submit(1, try PhotoReuseTests.resaved(setup, seed: seed, name: "f\(seed).jpg")).reuseOf == copy.id)
        }
    }
}
