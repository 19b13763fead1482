import Foundation
import GRDB
import PhotoFixtures
import PhotoStore
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("tuanju reports")
struct ReportsTests {
    /// A coordinator, two riders with a claim each on a hazard-inspection posting, and photo files.
    struct Setup {
        let sandbox: Sandbox
        let coordinator: String
        let riders: [(id: String, token: String)]
        let task: String

        init(points: Int? = nil) throws {
            sandbox = try Sandbox()
            coordinator = try sandbox.coordinator()
            let c = coordinator, s = sandbox
            riders = try (0..<3).map { try s.rider("骑手\($0)", phone: "1390000000\($0)", coordinator: c) }
            var create = ["tasks", "create", "--role", "hazard-inspector", "--title", "井盖巡查", "--capacity", "5"]
            if let points { create += ["--points", "\(points)"] }
            task = try sandbox.ok(create, token: coordinator)["id"] as! String
            for rider in riders.prefix(2) { _ = try sandbox.ok(["tasks", "claim", task], token: rider.token) }
        }

        /// A real JPEG with GPS EXIF (at the sample position in Wenhui unless told otherwise).
        func photo(_ name: String = "photo.jpg", lat: Double = 30.2925, lon: Double = 120.1710, seed: UInt64 = 1) throws -> String {
            let exif = ExifSpec(latitude: lat, longitude: lon, make: "PhoneMaker", model: "X1", dateTimeOriginal: "2026:11:29 10:00:00")
            return try sandbox.file(name, bytes: PhotoFixtures.jpeg(width: 64, height: 48, seed: seed, exif: exif, comment: "rider 13900000000"))
        }

        func submit(_ rider: Int, _ extra: [String], photos: [String]) -> RunResult {
            sandbox.run(["reports", "submit", "--json"] + extra + photos.flatMap { ["--photo", $0] }, token: riders[rider].token)
        }

        func photoFiles() -> [String] {
            let root = sandbox.data + "/photos"
            let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
            return files.filter { !$0.hasPrefix("tmp") && !$0.hasSuffix(".thumb.jpg") && ($0.hasSuffix(".jpg") || $0.hasSuffix(".png")) }.sorted()
        }

        /// A refusal that must leave both the database and the photo store as they were.
        func expectRefusal(_ arguments: [String], token: String?, exit: Int32, code: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
            let photos = photoFiles()
            try sandbox.expectRefusal(arguments, token: token, exit: exit, code: code, sourceLocation: sourceLocation)
            #expect(photoFiles() == photos, "\(arguments) changed the photo store", sourceLocation: sourceLocation)
        }
    }

    @Test("A report takes its position from the photo's GPS; the stored copy has no EXIF, GPS or comment")
    func submitStripsMetadata() throws {
        let setup = try Setup()
        let path = try setup.photo()
        #expect(PhotoMetadata(reading: Array(try Data(contentsOf: URL(fileURLWithPath: path)))).gps != nil)
        let result = setup.submit(0, ["--category", "manhole-cover", "--note", "井盖缺失\u{7}"], photos: [path])
        try #require(result.exit == 0, "\(result.stderr)")
        let report = try result.object()
        #expect(report["status"] as? String == "submitted")
        #expect(abs((report["lat"] as? Double ?? 0) - 30.2925) < 1e-6)
        let hash = (report["photos"] as? [String])?.first ?? ""
        let files = setup.photoFiles()
        #expect(files.count == 1 && files[0].contains(hash))
        let stored = Array(try Data(contentsOf: URL(fileURLWithPath: setup.sandbox.data + "/photos/" + files[0])))
        let metadata = PhotoMetadata(reading: stored)
        #expect(!metadata.hasExif && metadata.gps == nil && !metadata.hasText)
        #expect(!String(decoding: stored, as: UTF8.self).contains("PhoneMaker"))
        let shown = try setup.sandbox.ok(["reports", "show", report["id"] as! String], token: setup.riders[0].token)
        #expect(shown["note"] as? String == "井盖缺失")
        #expect((shown["history"] as? [[String: Any]])?.count == 1)
    }

    @Test("Accepting pays the task's points once; the rider's balance rises")
    func acceptPays() throws {
        let setup = try Setup(points: 25)
        let id = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo()]).object()["id"] as! String
        let reviewed = try setup.sandbox.ok(["reports", "review", id, "--accept"], token: setup.coordinator)
        #expect(reviewed["points_awarded"] as? Int == 25)
        let balance = try setup.sandbox.ok(["points", "balance"], token: setup.riders[0].token)
        #expect(balance["balance"] as? Int == 25)
        try setup.expectRefusal(["reports", "review", id, "--accept"], token: setup.coordinator, exit: 1, code: "invalid_state")
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.riders[0].token)["balance"] as? Int == 25)
    }

    @Test("The whole state machine: accept, dispatch, resolve, reopen, resolve; history keeps who and when")
    func lifecycle() throws {
        let setup = try Setup()
        let id = try setup.submit(0, ["--category", "road-damage", "--lat", "30.29", "--lon", "120.17"], photos: [try setup.photo()])
            .object()["id"] as! String
        let c = setup.coordinator
        #expect(try setup.sandbox.ok(["reports", "review", id, "--accept", "--points", "7"], token: c)["points_awarded"] as? Int == 7)
        try setup.expectRefusal(["reports", "resolve", id], token: c, exit: 1, code: "invalid_state")
        #expect(try setup.sandbox.ok(["reports", "dispatch", id, "--agency", "拱墅区城管局"], token: c)["status"] as? String == "dispatched")
        #expect(try setup.sandbox.ok(["reports", "resolve", id, "--note", "已修复"], token: c)["status"] as? String == "resolved")
        try setup.expectRefusal(["reports", "dispatch", id, "--agency", "X"], token: c, exit: 1, code: "invalid_state")
        #expect(try setup.sandbox.ok(["reports", "reopen", id, "--note", "又坏了"], token: c)["status"] as? String == "reopened")
        #expect(try setup.sandbox.ok(["reports", "resolve", id], token: c)["status"] as? String == "resolved")
        let history = try setup.sandbox.ok(["reports", "show", id], token: c)["history"] as? [[String: Any]] ?? []
        #expect(history.compactMap { $0["status"] as? String } == ["submitted", "accepted", "dispatched", "resolved", "reopened", "resolved"])
        #expect(history.allSatisfy { $0["by"] is String && $0["at"] is String })
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.riders[0].token)["balance"] as? Int == 7)
    }

    @Test("Reject needs a reason; a rejected report cannot then be accepted")
    func reject() throws {
        let setup = try Setup()
        let id = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        try setup.expectRefusal(["reports", "review", id, "--reject"], token: setup.coordinator, exit: 65)
        #expect(try setup.sandbox.ok(["reports", "review", id, "--reject", "--reason", "照片不清楚"], token: setup.coordinator)["status"] as? String == "rejected")
        try setup.expectRefusal(["reports", "review", id, "--accept"], token: setup.coordinator, exit: 1, code: "invalid_state")
    }

    @Test("A second report within 50 m and 24 h is linked as a duplicate, and its group is paid once")
    func duplicates() throws {
        let setup = try Setup()
        let first = try setup.submit(0, ["--category", "manhole-cover"], photos: [try setup.photo(seed: 1)]).object()
        let near = try setup.submit(1, ["--category", "manhole-cover", "--lat", "30.29265", "--lon", "120.1710"],
                                    photos: [try setup.photo("b.jpg", seed: 2)]).object()
        let far = try setup.submit(1, ["--category", "manhole-cover", "--lat", "30.2960", "--lon", "120.1710"],
                                   photos: [try setup.photo("c.jpg", seed: 3)]).object()
        let other = try setup.submit(1, ["--category", "road-damage"], photos: [try setup.photo("d.jpg", seed: 4)]).object()
        #expect(near["duplicate_of"] as? String == first["id"] as? String)
        #expect(far["duplicate_of"] is NSNull)
        #expect(other["duplicate_of"] is NSNull)
        let c = setup.coordinator
        #expect(try setup.sandbox.ok(["reports", "review", near["id"] as! String, "--accept"], token: c)["points_awarded"] as? Int == 15)
        #expect(try setup.sandbox.ok(["reports", "review", first["id"] as! String, "--accept"], token: c)["points_awarded"] as? Int == 0)
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.riders[0].token)["balance"] as? Int == 0)
        #expect(try setup.sandbox.ok(["points", "balance"], token: setup.riders[1].token)["balance"] as? Int == 15)
        let marked = try setup.sandbox.ok(["reports", "review", far["id"] as! String, "--duplicate-of", near["id"] as! String], token: c)
        #expect(marked["status"] as? String == "duplicate" && marked["duplicate_of"] as? String == first["id"] as? String)
    }

    @Test("Submitting the same report again (a retry whose reply was lost) returns the first report and changes nothing")
    func resubmissionIsRecordedOnce() throws {
        // Given a report that was recorded, though its rider never saw the reply
        let setup = try Setup()
        let photo = try setup.photo()
        let arguments = ["--category", "manhole-cover", "--note", "井盖缺失"]
        let first = try setup.submit(0, arguments, photos: [photo]).object()
        let before = try setup.sandbox.snapshot()

        // When the rider's app sends the same submission again
        let retry = setup.submit(0, arguments, photos: [photo])

        // Then it gets the same report back and nothing is recorded twice
        try #require(retry.exit == 0, "\(retry.stderr)")
        #expect(try retry.object()["id"] as? String == first["id"] as? String)
        #expect(try setup.sandbox.snapshot() == before, "a retry recorded something")
        // A different note is a different report (linked as a likely duplicate, as before)
        let other = try setup.submit(0, ["--category", "manhole-cover", "--note", "另一处"], photos: [photo]).object()
        #expect(other["id"] as? String != first["id"] as? String)
        #expect(other["duplicate_of"] as? String == first["id"] as? String)
    }

    @Test("The service takes photo bytes as well as paths: the same checks, the same stored file, the same refusals")
    func photoBytes() throws {
        let setup = try Setup()
        let app = try Tuanju.open(DataDirectory(path: setup.sandbox.data))
        let rider = try app.authenticate(token: setup.riders[0].token)
        let path = try setup.photo(seed: 5)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        // Bad bytes are refused exactly as the same bytes in a file are, and nothing is stored.
        let before = try setup.sandbox.snapshot()
        let photos = setup.photoFiles()
        for bad: [UInt8] in [[], Array("this is not a photo".utf8), Array(bytes.prefix(bytes.count / 2))] {
            let file = try setup.sandbox.file("bad.jpg", bytes: bad)
            let viaFile = #expect(throws: PhotoError.self) {
                try app.submitReport(rider, ReportSubmission(category: "manhole-cover", photoPaths: [file]))
            }
            let viaBytes = #expect(throws: PhotoError.self) {
                try app.submitReport(rider, ReportSubmission(category: "manhole-cover", photos: [.bytes(bad)]))
            }
            #expect(viaBytes.map { "\($0)" } == viaFile.map { "\($0)" })
            #expect(viaBytes?.code == "invalid_input")
        }
        #expect(try setup.sandbox.snapshot() == before)
        #expect(setup.photoFiles() == photos)
        // Good bytes: the position from their EXIF, the same stripped file a path would have stored.
        let report = try app.submitReport(rider, ReportSubmission(category: "manhole-cover", note: "字节", photos: [.bytes(bytes)]))
        #expect(report.locationSource == "photo")
        let again = try app.submitReport(rider, ReportSubmission(category: "manhole-cover", note: "路径", photoPaths: [path]))
        #expect(again.photos == report.photos)
        #expect(setup.photoFiles().count == photos.count + 1)
    }

    @Test("A PNG named .jpg is accepted as PNG")
    func pngNamedJPEG() throws {
        let setup = try Setup()
        let png = try setup.sandbox.file("really-png.jpg", bytes: PhotoFixtures.png(width: 8, height: 8, seed: 3))
        let result = setup.submit(0, ["--category", "road-damage", "--lat", "30.29", "--lon", "120.17"], photos: [png])
        try #require(result.exit == 0, "\(result.stderr)")
        #expect(setup.photoFiles().first?.hasSuffix(".png") == true)
    }

    @Test("Bad photos and bad reports are refused; the photo store and the database are unchanged")
    func badInput() throws {
        let setup = try Setup()
        let good = try setup.photo()
        let text = try setup.sandbox.file("notes.jpg", "this is not a photo")
        let empty = try setup.sandbox.file("empty.jpg", bytes: [])
        let jpeg = PhotoFixtures.jpeg(width: 64, height: 48, seed: 9)
        let truncated = try setup.sandbox.file("cut.jpg", bytes: Array(jpeg.prefix(jpeg.count / 2)))
        let huge = try setup.sandbox.file("huge.jpg", bytes: [0xFF, 0xD8] + [UInt8](repeating: 0, count: 11 * 1024 * 1024))
        let base = ["reports", "submit", "--category", "manhole-cover"]
        let rider = setup.riders[0].token
        for bad in [text, empty, truncated, huge] {
            try setup.expectRefusal(base + ["--photo", bad], token: rider, exit: 65)
        }
        try setup.expectRefusal(base + Array(repeating: ["--photo", good], count: 6).flatMap { $0 }, token: rider, exit: 65)
        try setup.expectRefusal(base, token: rider, exit: 65)
        try setup.expectRefusal(base + ["--photo", setup.sandbox.root + "/missing.jpg"], token: rider, exit: 66)
        try setup.expectRefusal(base + ["--photo", good, "--lat", "31.2304", "--lon", "121.4737"], token: rider, exit: 65)
        try setup.expectRefusal(base + ["--photo", good, "--note", String(repeating: "长", count: 10_000)], token: rider, exit: 65)
        let noGPS = try setup.sandbox.file("nogps.jpg", bytes: jpeg)
        try setup.expectRefusal(base + ["--photo", noGPS], token: rider, exit: 65)
        // No claim on a task of the category's role; a posting only others hold seats on (public, so exit 1, not 77);
        // a category the role does not handle.
        try setup.expectRefusal(base + ["--photo", good], token: setup.riders[2].token, exit: 1, code: "no_active_claim")
        try setup.expectRefusal(base + ["--photo", good, "--task", setup.task], token: setup.riders[2].token, exit: 1, code: "no_active_claim")
        try setup.expectRefusal(["reports", "submit", "--category", "fraud-leaflet", "--photo", good], token: rider, exit: 1, code: "no_active_claim")
        try setup.expectRefusal(base + ["--photo", good], token: setup.coordinator, exit: 77)
    }

    @Test("Photos declaring more than 8,192 px a side or 40 megapixels are refused (65) and nothing is stored")
    func decompressionBombs() throws {
        let setup = try Setup()
        var jpeg = PhotoFixtures.jpeg(width: 16, height: 16, seed: 5)
        let sof = try #require((2..<jpeg.count - 1).first { jpeg[$0] == 0xFF && [0xC0, 0xC2].contains(jpeg[$0 + 1]) })
        for offset in 5...8 { jpeg[sof + offset] = 0xFF }  // 65535 × 65535
        let bombJPEG = try setup.sandbox.file("bomb.jpg", bytes: jpeg)
        var png = PhotoFixtures.png(width: 16, height: 16)
        for (offset, value) in [(16, 50_000), (20, 50_000)] {
            for i in 0..<4 { png[offset + i] = UInt8((value >> (24 - 8 * i)) & 0xFF) }
        }
        let crc = PNGChecksum.crc32(png[12..<29])
        for i in 0..<4 { png[29 + i] = UInt8((crc >> (24 - 8 * UInt32(i))) & 0xFF) }
        let bombPNG = try setup.sandbox.file("bomb.png", bytes: png)
        let base = ["reports", "submit", "--category", "manhole-cover", "--lat", "30.2925", "--lon", "120.1710"]
        for bomb in [bombJPEG, bombPNG] {
            try setup.expectRefusal(base + ["--photo", bomb], token: setup.riders[0].token, exit: 65, code: "invalid_input")
        }
        #expect(setup.photoFiles().isEmpty)
    }

    @Test("Riders cannot review or see others' reports; staff can")
    func authorization() throws {
        let setup = try Setup()
        let id = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        try setup.expectRefusal(["reports", "review", id, "--accept"], token: setup.riders[0].token, exit: 77)
        try setup.expectRefusal(["reports", "show", id], token: setup.riders[1].token, exit: 77)
        let mine = try setup.sandbox.run(["reports", "list", "--json"], token: setup.riders[1].token).array()
        #expect(mine.isEmpty)
        let all = try setup.sandbox.run(["reports", "list", "--json"], token: setup.coordinator).array()
        #expect(all.count == 1)
        try setup.expectRefusal(["reports", "export", "--format", "open311"], token: setup.riders[0].token, exit: 77)
    }

    @Test("Open311 export: GeoReport v2 fields, a pseudonymous account, never a phone number")
    func open311() throws {
        let setup = try Setup()
        let id = try setup.submit(0, ["--category", "manhole-cover", "--note", "井盖"], photos: [try setup.photo()]).object()["id"] as! String
        _ = try setup.sandbox.ok(["reports", "review", id, "--accept"], token: setup.coordinator)
        let result = setup.sandbox.run(["reports", "export", "--format", "open311", "--media-base-url", "https://cdn.example/p/"], token: setup.coordinator)
        try #require(result.exit == 0, "\(result.stderr)")
        let requests = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let request = try #require(requests.first)
        for field in ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                      "agency_responsible", "requested_datetime", "updated_datetime", "lat", "long", "media_url", "account_id"] {
            #expect(request.keys.contains(field), "missing \(field)")
        }
        #expect(request["status"] as? String == "open")
        #expect(request["service_code"] as? String == "manhole-cover")
        #expect((request["media_url"] as? String)?.hasPrefix("https://cdn.example/p/") == true)
        let account = request["account_id"] as? String ?? ""
        #expect(account.hasPrefix("anon_") && !account.contains(setup.riders[0].id))
        #expect(!result.stdout.contains("13900000000"))
        for format in ["geojson", "csv"] {
            let other = setup.sandbox.run(["reports", "export", "--format", format], token: setup.coordinator)
            #expect(other.exit == 0 && other.stdout.contains(id) && !other.stdout.contains("13900000000"))
        }
        let services = try JSONSerialization.jsonObject(with: Data(setup.sandbox.run(["reports", "services"]).stdout.utf8)) as? [[String: Any]]
        #expect(services?.contains { $0["service_code"] as? String == "manhole-cover" && $0["group"] != nil } == true)
    }

    @Test("The Open311 export writes each report byte for byte as the generic field writer does, escapes included")
    func open311Bytes() throws {
        let setup = try Setup()
        let notes = ["引号\"和\\反斜杠", "控制\u{7}字符\t\n换行", "分隔\u{2028}与\u{2029}", "emoji 🚧 and / slash", "普通"]
        for (index, note) in notes.enumerated() {
            let photo = try setup.photo("p\(index).jpg", lat: 30.2925 + Double(index) * 0.001, seed: UInt64(index + 1))
            let result = setup.submit(0, ["--category", "manhole-cover", "--note", note], photos: [photo])
            try #require(result.exit == 0, "\(result.stderr)")
        }
        // Notes pass input rules that drop control characters; old rows, or rows written by other means, may hold any.
        try DatabaseQueue(path: setup.sandbox.data + "/tuanju.sqlite").write { db in
            try db.execute(sql: "UPDATE reports SET note = note || char(7, 9, 10, 13, 31, 8232, 8233, 34, 92) WHERE rowid % 2 = 0")
        }
        let base = ["reports", "export", "--media-base-url", "https://cdn.example/p/"]
        let open311 = setup.sandbox.run(base + ["--format", "open311"], token: setup.coordinator)
        let geojson = setup.sandbox.run(base + ["--format", "geojson"], token: setup.coordinator)
        try #require(open311.exit == 0 && geojson.exit == 0, "\(open311.stderr)\(geojson.stderr)")
        // GeoJSON features carry the generic writer's object as their properties; the lines pair up in order.
        let objects = open311.stdout.split(separator: "\n").dropFirst().dropLast().map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
        let features = geojson.stdout.split(separator: "\n").dropFirst().dropLast().map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
        #expect(objects.count == notes.count)
        #expect(objects.count == features.count)
        for (object, feature) in zip(objects, features) {
            #expect(feature.hasSuffix(",\"properties\":" + object + "}"), "\(object)\n\(feature)")
        }
        #expect(open311.stdout.contains("\\u0007\\t\\n\\r\\u001f\\u2028\\u2029\\\"\\\\"))
        let parsed = try JSONSerialization.jsonObject(with: Data(open311.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(parsed.count == notes.count)
    }

    @Test("photos gc keeps referenced photos")
    func photosGC() throws {
        let setup = try Setup()
        _ = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()
        let admin = setup.sandbox.adminToken
        let result = try setup.sandbox.ok(["photos", "gc"], token: admin)
        #expect((result["removed"] as? [String])?.isEmpty == true)
        #expect(setup.photoFiles().count == 1)
        try setup.expectRefusal(["photos", "gc"], token: setup.coordinator, exit: 77)
    }
}

/// The PNG CRC-32 (ISO 3309), for tests that rewrite a chunk.
enum PNGChecksum {
    static func crc32(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
