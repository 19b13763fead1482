import Foundation
import GRDB
import PhotoFixtures
import PhotoStore
import Testing
@testable import TuanjuCLI

@Suite("Thumbnails and re-used photos through the CLI")
struct PhotoReuseTests {
    typealias Setup = ReportsTests.Setup

    /// The same picture as `setup.photo(seed:)`, re-saved at quality 60, taken 150 m further north (so it is not a
    /// likely duplicate of the same problem: only its photo is shared).
    static func resaved(_ setup: Setup, seed: UInt64 = 1, name: String = "resaved.jpg") throws -> String {
        let exif = ExifSpec(latitude: 30.2939, longitude: 120.1710)
        return try setup.sandbox.file(name, bytes: PhotoFixtures.jpeg(width: 64, height: 48, seed: seed, quality: 60, exif: exif))
    }

    @Test("A re-saved copy of another rider's photo is marked possible_reuse, shown to the reviewer, and earns no points")
    func resavedCopyEarnsNothing() throws {
        let setup = try Setup(points: 25)
        let first = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo()]).object()["id"] as! String

        let copy = try setup.submit(1, ["--category", "manhole-cover"], photos: [try Self.resaved(setup)]).object()["id"] as! String

        let shown = try setup.sandbox.ok(["reports", "show", copy], token: setup.coordinator)
        let reuse = try #require(shown["possible_reuse"] as? [String: Any])
        #expect(reuse["report"] as? String == first)
        #expect(reuse["photo"] as? Int == 1)
        #expect((reuse["distance"] as? Int ?? 99) <= PhotoPrint.reuseDistance)
        #expect(reuse["accepted_as_original"] as? Bool == false)
        let listed = try setup.sandbox.run(["reports", "list", "--json"], token: setup.coordinator).array()
        #expect(listed.first { $0["id"] as? String == copy }?["possible_reuse"] is [String: Any])
        #expect(listed.first { $0["id"] as? String == first }?["possible_reuse"] is NSNull)
        let human = setup.sandbox.run(["reports", "show", copy], token: setup.coordinator)
        #expect(human.stdout.contains("POSSIBLE RE-USE") && human.stdout.contains(first))

        // Accepted without --original: accepted, but nothing paid
        let reviewed = try setup.sandbox.ok(["reports", "review", copy, "--accept"], token: setup.coordinator)
        #expect(reviewed["status"] as? String == "accepted")
        #expect(reviewed["points_awarded"] as? Int == 0)
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.riders[1].token)["balance"] as? Int == 0)
        // The original pays as usual
        #expect(try setup.sandbox.ok(["reports", "review", first, "--accept"], token: setup.coordinator)["points_awarded"] as? Int == 25)
    }

    @Test("A coordinator who accepts a flagged report as original (--original) pays it")
    func acceptedAsOriginalPays() throws {
        let setup = try Setup(points: 25)
        _ = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo()]).object()
        let copy = try setup.submit(1, ["--category", "manhole-cover"], photos: [try Self.resaved(setup)]).object()["id"] as! String

        let reviewed = try setup.sandbox.ok(["reports", "review", copy, "--accept", "--original"], token: setup.coordinator)

        #expect(reviewed["points_awarded"] as? Int == 25)
        let shown = try setup.sandbox.ok(["reports", "show", copy], token: setup.coordinator)
        #expect((shown["possible_reuse"] as? [String: Any])?["accepted_as_original"] as? Bool == true)
    }

    @Test("--original on a report that is not flagged, or without --accept, is refused and changes nothing")
    func originalRefused() throws {
        let setup = try Setup(points: 25)
        let id = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo()]).object()["id"] as! String
        try setup.expectRefusal(["reports", "review", id, "--accept", "--original"], token: setup.coordinator, exit: 65,
                                code: "invalid_input")
        try setup.expectRefusal(["reports", "review", id, "--reject", "--reason", "x", "--original"], token: setup.coordinator,
                                exit: 64)
    }

    @Test("Different photos are not flagged; reports show names the files and reports photos copies them out")
    func filesAndCopies() throws {
        let setup = try Setup()
        _ = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo(seed: 1)]).object()
        let second = try setup.submit(1, ["--category", "manhole-cover"],
                                      photos: [try setup.photo("b.jpg", lat: 30.2939, seed: 2)]).object()
        let id = second["id"] as! String
        let hash = (second["photos"] as! [String])[0]

        let shown = try setup.sandbox.ok(["reports", "show", id], token: setup.riders[1].token)
        #expect(shown["possible_reuse"] is NSNull)
        let files = try #require(shown["files"] as? [[String: Any]])
        #expect((files[0]["thumbnail"] as? String)?.hasSuffix("\(hash).thumb.jpg") == true)
        #expect((files[0]["original"] as? String)?.hasSuffix("\(hash).jpg") == true)

        let output = setup.sandbox.root + "/out"
        let copied = setup.sandbox.run(["reports", "photos", id, "--output", output], token: setup.coordinator)
        #expect(copied.exit == 0, "\(copied.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(names == ["\(id)-1-thumb.jpg", "\(id)-1.jpg"])
        let thumbnail = Array(try Data(contentsOf: URL(fileURLWithPath: output + "/\(id)-1-thumb.jpg")))
        #expect(!PhotoMetadata(reading: thumbnail).hasExif)
        // Another rider may not copy them
        try setup.expectRefusal(["reports", "photos", id, "--output", output + "2"], token: setup.riders[0].token, exit: 77)
    }

    @Test("photos rebuild makes the thumbnails and hashes of photos stored before them; doctor reports them until then")
    func rebuild() throws {
        let setup = try Setup()
        let report = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo()]).object()
        let hash = (report["photos"] as! [String])[0]
        // Given a photo stored before #22: no print row, no thumbnail
        let queue = try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite")
        try queue.write { db in try db.execute(sql: "DELETE FROM photo_prints") }
        try FileManager.default.removeItem(atPath: setup.sandbox.data + "/photos/\(hash.prefix(2))/\(hash).thumb.jpg")
        let doctor = setup.sandbox.run(["doctor", "--json"], token: setup.sandbox.adminToken)
        #expect(doctor.stdout.contains("photo \(hash) has no hash and thumbnail"), "\(doctor.stdout)")
        // A rider may not rebuild
        try setup.expectRefusal(["photos", "rebuild"], token: setup.riders[0].token, exit: 77)

        let rebuilt = setup.sandbox.run(["photos", "rebuild", "--json", "--chunk", "1"], token: setup.coordinator)

        #expect(rebuilt.exit == 0, "\(rebuilt.stderr)")
        #expect(try rebuilt.object()["made"] as? Int == 1)
        #expect(rebuilt.stderr.contains("1/1"))
        #expect(FileManager.default.fileExists(atPath: setup.sandbox.data + "/photos/\(hash.prefix(2))/\(hash).thumb.jpg"))
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM photo_prints") } == 1)
        #expect(setup.sandbox.run(["doctor", "--json"], token: setup.sandbox.adminToken).exit == 0)
        // Running again finds nothing to do
        #expect(try setup.sandbox.run(["photos", "rebuild", "--json"], token: setup.coordinator).object()["made"] as? Int == 0)
    }
}
